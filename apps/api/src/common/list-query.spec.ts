import { filterInstant, filterValues, MAX_PER_PAGE, parseListQuery, setListHeaders, type ListQueryOptions } from './list-query';

const OPTIONS: ListQueryOptions<'id' | 'occurredAt'> = { sortable: ['id', 'occurredAt'], defaultSort: { field: 'id', order: 'DESC' } };
const CHICAGO = 'America/Chicago';

/** The DomainError a call throws, for asserting its code and field. */
function errorOf(call: () => unknown): { code?: string; httpStatus?: number; details?: { field?: string } } {
  try {
    call();
  } catch (error) {
    return error as { code?: string; httpStatus?: number; details?: { field?: string } };
  }
  throw new Error('expected an error');
}

describe(parseListQuery.name, () => {
  it('should give the first 25 rows in the default order when nothing is asked', () => {
    expect(parseListQuery({}, OPTIONS)).toEqual({ filter: {}, offset: 0, limit: 25, sort: { field: 'id', order: 'DESC' } });
  });

  it('should read flat paging, sorting and filters', () => {
    const sut = parseListQuery({ page: '3', perPage: '50', sort: 'occurredAt', order: 'asc', queue: 'SAC', action: ['a.b', 'c.d'] }, OPTIONS);
    expect(sut).toEqual({ filter: { queue: 'SAC', action: ['a.b', 'c.d'] }, offset: 100, limit: 50, sort: { field: 'occurredAt', order: 'ASC' } });
  });

  it('should sort ascending by a flat sort field without an order, and descending with a leading minus', () => {
    expect(parseListQuery({ sort: 'occurredAt' }, OPTIONS).sort).toEqual({ field: 'occurredAt', order: 'ASC' });
    expect(parseListQuery({ sort: '-occurredAt' }, OPTIONS).sort).toEqual({ field: 'occurredAt', order: 'DESC' });
  });

  it('should read react-admin simple-rest range, sort and filter', () => {
    const sut = parseListQuery({ range: '[25,49]', sort: '["occurredAt","ASC"]', filter: '{"queue":"LAC","archived":true,"id":[1,2]}' }, OPTIONS);
    expect(sut).toEqual({ filter: { queue: 'LAC', archived: true, id: [1, 2] }, offset: 25, limit: 25, sort: { field: 'occurredAt', order: 'ASC' } });
  });

  it('should merge flat filters with the JSON filter, the JSON one winning', () => {
    expect(parseListQuery({ queue: 'SAC', action: 'a.b', filter: '{"queue":"LAC"}' }, OPTIONS).filter).toEqual({ queue: 'LAC', action: 'a.b' });
  });

  it('should leave out empty filter values and the format parameter', () => {
    expect(parseListQuery({ queue: '', format: 'csv', filter: '{"action":"","actor":null}' }, OPTIONS).filter).toEqual({});
  });

  it(`should allow a page of ${MAX_PER_PAGE} rows either way`, () => {
    expect(parseListQuery({ perPage: String(MAX_PER_PAGE) }, OPTIONS).limit).toBe(MAX_PER_PAGE);
    expect(parseListQuery({ range: `[0,${MAX_PER_PAGE - 1}]` }, OPTIONS).limit).toBe(MAX_PER_PAGE);
  });

  it('should take the default page size from the options', () => {
    expect(parseListQuery({ page: '2' }, { ...OPTIONS, defaultPerPage: 10 })).toMatchObject({ offset: 10, limit: 10 });
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['perPage is above the maximum', { perPage: String(MAX_PER_PAGE + 1) }, 'perPage'],
    ['perPage is zero', { perPage: '0' }, 'perPage'],
    ['page is not a whole number', { page: '1.5' }, 'page'],
    ['page is zero', { page: '0' }, 'page'],
    ['page is given twice', { page: ['1', '2'] }, 'page'],
    ['range is not JSON', { range: '0-24' }, 'range'],
    ['range runs backwards', { range: '[10,5]' }, 'range'],
    ['range is negative', { range: '[-1,5]' }, 'range'],
    ['range asks for too many rows', { range: `[0,${MAX_PER_PAGE}]` }, 'range'],
    ['range comes with page', { range: '[0,9]', page: '1' }, 'range'],
    ['the sort field is not sortable', { sort: 'password' }, 'sort'],
    ['the JSON sort field is not sortable', { sort: '["password","ASC"]' }, 'sort'],
    ['the JSON sort is not a pair', { sort: '["id"]' }, 'sort'],
    ['the JSON sort order is not ASC or DESC', { sort: '["id","UP"]' }, 'sort'],
    ['the flat order is not ASC or DESC', { sort: 'id', order: 'sideways' }, 'order'],
    ['filter is not JSON', { filter: '{queue:SAC}' }, 'filter'],
    ['filter is a JSON array', { filter: '["SAC"]' }, 'filter'],
  ])('should answer 400 naming the parameter when %s', (_case, query, field) => {
    expect(errorOf(() => parseListQuery(query, OPTIONS))).toMatchObject({ code: 'invalid_query', httpStatus: 400, details: { field } });
  });

  it('should answer 400 naming an unknown filter when the endpoint lists its filters', () => {
    const sut = errorOf(() => parseListQuery({ quene: 'SAC' }, { ...OPTIONS, filterable: ['queue'] }));
    expect(sut).toMatchObject({ httpStatus: 400, details: { field: 'quene' } });
  });

  it('should accept any filter when the endpoint does not list them', () => {
    expect(parseListQuery({ anything: 'x' }, OPTIONS).filter).toEqual({ anything: 'x' });
  });
});

describe(setListHeaders.name, () => {
  const response = () => {
    const headers = new Map<string, string>();
    return {
      headers,
      setHeader: (name: string, value: string) => headers.set(name.toLowerCase(), value),
      getHeader: (name: string) => headers.get(name.toLowerCase()),
    };
  };

  it('should set Content-Range and X-Total-Count and expose both', () => {
    const sut = response();
    setListHeaders(sut, 'audit-events', 0, 25, 123);
    expect(Object.fromEntries(sut.headers)).toEqual({
      'content-range': 'audit-events 0-24/123',
      'x-total-count': '123',
      'access-control-expose-headers': 'Content-Range, X-Total-Count',
    });
  });

  it('should write the range as * when the page is empty', () => {
    const sut = response();
    setListHeaders(sut, 'audit-events', 50, 0, 3);
    expect(sut.headers.get('content-range')).toBe('audit-events */3');
  });

  it('should keep headers another part already exposes', () => {
    const sut = response();
    sut.setHeader('Access-Control-Expose-Headers', 'X-Request-Id, x-total-count');
    setListHeaders(sut, 'queues', 0, 1, 1);
    expect(sut.headers.get('access-control-expose-headers')).toBe('X-Request-Id, x-total-count, Content-Range');
  });
});

describe(filterValues.name, () => {
  it('should answer a list of texts for a text, a number or a list of them', () => {
    expect(filterValues({ a: 'x' }, 'a')).toEqual(['x']);
    expect(filterValues({ a: 7 }, 'a')).toEqual(['7']);
    expect(filterValues({ a: ['x', 8] }, 'a')).toEqual(['x', '8']);
    expect(filterValues({}, 'a')).toBeUndefined();
  });

  it('should answer 400 naming the filter when its value is an object', () => {
    expect(errorOf(() => filterValues({ a: { x: 1 } }, 'a'))).toMatchObject({ httpStatus: 400, details: { field: 'a' } });
  });
});

describe(filterInstant.name, () => {
  it('should read an ISO instant with its offset', () => {
    expect(filterInstant({ from: '2026-03-14T09:30:00-05:00' }, 'from', { timeZone: CHICAGO })).toEqual(new Date('2026-03-14T14:30:00Z'));
  });

  it('should read a day as midnight in the hospital time zone, and its end with endOfDay', () => {
    expect(filterInstant({ from: '2026-01-15' }, 'from', { timeZone: CHICAGO })).toEqual(new Date('2026-01-15T06:00:00Z'));
    expect(filterInstant({ to: '2026-07-15' }, 'to', { timeZone: CHICAGO, endOfDay: true })).toEqual(new Date('2026-07-16T04:59:59.999Z'));
  });

  it('should find midnight on the days daylight saving time starts and ends', () => {
    expect(filterInstant({ from: '2026-03-08' }, 'from', { timeZone: CHICAGO })).toEqual(new Date('2026-03-08T06:00:00Z'));
    expect(filterInstant({ to: '2026-03-08' }, 'to', { timeZone: CHICAGO, endOfDay: true })).toEqual(new Date('2026-03-09T04:59:59.999Z'));
    expect(filterInstant({ from: '2026-11-01' }, 'from', { timeZone: CHICAGO })).toEqual(new Date('2026-11-01T05:00:00Z'));
  });

  it.each(['yesterday', '2026-02-30', '2026-3-1', '14/03/2026', '2026-03-14T09:30'])('should answer 400 naming the filter when it is %p', (value) => {
    expect(errorOf(() => filterInstant({ from: value }, 'from', { timeZone: CHICAGO }))).toMatchObject({ httpStatus: 400, details: { field: 'from' } });
  });
});
