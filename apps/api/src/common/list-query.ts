import { DomainError } from './domain-error';

export type SortOrder = 'ASC' | 'DESC';

/** One page of a list endpoint, from flat parameters or react-admin simple-rest's. */
export interface ListQuery<F extends string = string> {
  /** Filter values by name: strings (or arrays of them) from flat parameters, any JSON from `filter`. */
  filter: Record<string, unknown>;
  offset: number;
  limit: number;
  sort: { field: F; order: SortOrder };
}

export interface ListQueryOptions<F extends string> {
  /** Fields a client may sort by (the names the API shows). */
  sortable: readonly F[];
  defaultSort: { field: F; order: SortOrder };
  /** When given, any other filter name is a 400, so a misspelt filter is not silently ignored. */
  filterable?: readonly string[];
  /** 25 unless given. */
  defaultPerPage?: number;
}

export const MAX_PER_PAGE = 200;
const DEFAULT_PER_PAGE = 25;

/** Parameters that shape the list rather than filter it. `format` belongs to content negotiation. */
const RESERVED = new Set(['page', 'perPage', 'range', 'sort', 'order', 'filter', 'format']);

/**
 * Reads a list request in either style:
 * - flat: `?queue=SAC&page=2&perPage=50&sort=occurredAt&order=ASC` (also `sort=-occurredAt`);
 * - react-admin simple-rest: `?filter={"queue":"SAC"}&range=[25,49]&sort=["occurredAt","ASC"]`.
 * Every other parameter is a filter. A bad value is a 400 naming the parameter.
 */
export function parseListQuery<F extends string>(query: Record<string, unknown>, options: ListQueryOptions<F>): ListQuery<F> {
  const filter = readFilter(query, options.filterable);
  const { offset, limit } = readPage(query, options.defaultPerPage ?? DEFAULT_PER_PAGE);
  return { filter, offset, limit, sort: readSort(query, options) };
}

/** What `setListHeaders` needs of a response (Express's has it). */
export interface HeaderTarget {
  setHeader(name: string, value: string): unknown;
  getHeader(name: string): unknown;
}

/**
 * `Content-Range: <resource> <first>-<last>/<total>` (react-admin reads the total from it) and
 * `X-Total-Count`, both readable by a browser on another origin.
 */
export function setListHeaders(response: HeaderTarget, resource: string, offset: number, count: number, total: number): void {
  const range = count > 0 ? `${offset}-${offset + count - 1}` : '*';
  response.setHeader('Content-Range', `${resource} ${range}/${total}`);
  response.setHeader('X-Total-Count', String(total));
  const exposed = String(response.getHeader('Access-Control-Expose-Headers') ?? '').split(',').map((name) => name.trim()).filter(Boolean);
  for (const name of ['Content-Range', 'X-Total-Count']) if (!exposed.some((e) => e.toLowerCase() === name.toLowerCase())) exposed.push(name);
  response.setHeader('Access-Control-Expose-Headers', exposed.join(', '));
}

/**
 * A filter that matches one of several values: a string or number, or an array of them (react-
 * admin's getMany sends `filter={"id":[1,2]}`, a repeated flat parameter arrives as an array).
 */
export function filterValues(filter: Record<string, unknown>, name: string): string[] | undefined {
  const value = filter[name];
  if (value === undefined) return undefined;
  const values = Array.isArray(value) ? value : [value];
  if (!values.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) {
    throw invalid(name, `The ${name} filter must be text or a list of texts.`);
  }
  return values.map((v) => String(v).trim());
}

/**
 * A point in time for a `from`/`to` filter: an ISO 8601 instant, or a calendar day
 * (`2026-03-14`) in `timeZone`, which stands for the start of that day — or, with `endOfDay`,
 * its last millisecond, so `to=2026-03-14` includes the whole day.
 */
export function filterInstant(filter: Record<string, unknown>, name: string, options: { timeZone: string; endOfDay?: boolean }): Date | undefined {
  const value = filter[name];
  if (value === undefined) return undefined;
  const text = typeof value === 'string' ? value.trim() : '';
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (day) {
    const [year, month, date] = [Number(day[1]), Number(day[2]), Number(day[3])];
    const check = new Date(Date.UTC(year, month - 1, date));
    if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== date) throw invalid(name, `${text} is not a calendar day.`);
    if (!options.endOfDay) return zonedMidnight(year, month, date, options.timeZone);
    return new Date(zonedMidnight(year, month, date + 1, options.timeZone).getTime() - 1);
  }
  // Only full ISO instants: Date.parse alone takes too many spellings to mean the same everywhere.
  if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(text) && !Number.isNaN(Date.parse(text))) {
    return new Date(text);
  }
  throw invalid(name, `The ${name} filter must be a day such as 2026-03-14 or an ISO 8601 time such as 2026-03-14T09:30:00-05:00.`);
}

function readFilter(query: Record<string, unknown>, filterable: readonly string[] | undefined): Record<string, unknown> {
  const filter: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(query)) {
    if (RESERVED.has(name) || value === undefined || value === '') continue;
    filter[name] = value;
  }
  const json = single(query, 'filter');
  if (json !== undefined && json !== '') {
    const parsed = parseJson(json, 'filter');
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw invalid('filter', 'filter must be a JSON object such as {"queue":"SAC"}.');
    }
    for (const [name, value] of Object.entries(parsed)) if (value !== null && value !== '') filter[name] = value;
  }
  if (filterable) {
    const unknown = Object.keys(filter).find((name) => !filterable.includes(name));
    if (unknown !== undefined) throw invalid(unknown, `There is no ${unknown} filter here. Filters: ${filterable.join(', ')}.`);
  }
  return filter;
}

function readPage(query: Record<string, unknown>, defaultPerPage: number): { offset: number; limit: number } {
  const range = single(query, 'range');
  const page = single(query, 'page');
  const perPage = single(query, 'perPage');
  if (range !== undefined) {
    if (page !== undefined || perPage !== undefined) throw invalid('range', 'Give either range or page/perPage, not both.');
    const parsed = parseJson(range, 'range');
    if (!Array.isArray(parsed) || parsed.length !== 2 || !parsed.every((n) => Number.isSafeInteger(n) && n >= 0) || parsed[1] < parsed[0]) {
      throw invalid('range', 'range must be [first, last] with 0 <= first <= last, such as [0,24].');
    }
    const limit = parsed[1] - parsed[0] + 1;
    if (limit > MAX_PER_PAGE) throw invalid('range', `A page holds at most ${MAX_PER_PAGE} rows; range asks for ${limit}.`);
    return { offset: parsed[0], limit };
  }
  const pageNumber = page === undefined ? 1 : wholeNumber(page, 'page', 1, Number.MAX_SAFE_INTEGER);
  const limit = perPage === undefined ? defaultPerPage : wholeNumber(perPage, 'perPage', 1, MAX_PER_PAGE);
  return { offset: (pageNumber - 1) * limit, limit };
}

function readSort<F extends string>(query: Record<string, unknown>, options: ListQueryOptions<F>): { field: F; order: SortOrder } {
  const sort = single(query, 'sort');
  const order = single(query, 'order');
  let field: string = options.defaultSort.field;
  let direction: string = order ?? options.defaultSort.order;
  if (sort !== undefined && sort.startsWith('[')) {
    const parsed = parseJson(sort, 'sort');
    if (!Array.isArray(parsed) || parsed.length !== 2 || typeof parsed[0] !== 'string' || typeof parsed[1] !== 'string') {
      throw invalid('sort', 'sort must be ["field","ASC"] or ["field","DESC"].');
    }
    [field, direction] = parsed;
  } else if (sort !== undefined && sort !== '') {
    field = sort.startsWith('-') ? sort.slice(1) : sort;
    if (sort.startsWith('-')) direction = 'DESC';
    else if (order === undefined) direction = 'ASC';
  }
  if (!(options.sortable as readonly string[]).includes(field)) {
    throw invalid('sort', `Cannot sort by ${field}. Sort by one of: ${options.sortable.join(', ')}.`);
  }
  const upper = direction.toUpperCase();
  if (upper !== 'ASC' && upper !== 'DESC') {
    throw invalid(order !== undefined && !sort?.startsWith('[') ? 'order' : 'sort', 'The sort order must be ASC or DESC.');
  }
  return { field: field as F, order: upper };
}

/** A parameter given once; given twice (`?page=1&page=2`), it is a 400. */
function single(query: Record<string, unknown>, name: string): string | undefined {
  const value = query[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(name, `Give ${name} once, as text.`);
  return value;
}

function wholeNumber(text: string, name: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN;
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(name, `${name} must be a whole number from ${min}${max === Number.MAX_SAFE_INTEGER ? ' up' : ` to ${max}`}.`);
  }
  return value;
}

function parseJson(text: string, name: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw invalid(name, `${name} is not valid JSON.`);
  }
}

function invalid(field: string, message: string): DomainError {
  return new DomainError('invalid_query', 400, message, { field });
}

/** The instant a calendar day starts in a time zone (the day may overflow: Date.UTC normalises it). */
function zonedMidnight(year: number, month: number, day: number, timeZone: string): Date {
  const wallClock = Date.UTC(year, month - 1, day);
  // The zone's offset at a first guess, then at the corrected instant, for a DST change near midnight.
  const first = wallClock - zoneOffsetMs(wallClock, timeZone);
  return new Date(wallClock - zoneOffsetMs(first, timeZone));
}

/** How far the zone's wall clock is ahead of UTC at an instant. */
function zoneOffsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wallClock - Math.floor(instant / 1000) * 1000;
}
