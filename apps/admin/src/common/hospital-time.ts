/** The hospital is in Urbana, Illinois: every time on screen is its local time, wherever the browser is. */
export const HOSPITAL_TIME_ZONE = 'America/Chicago';

const dayKeyFormat = new Intl.DateTimeFormat('en-CA', { timeZone: HOSPITAL_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const clockFormat = new Intl.DateTimeFormat('en-US', { timeZone: HOSPITAL_TIME_ZONE, hour: 'numeric', minute: '2-digit' });
const monthDayFormat = new Intl.DateTimeFormat('en-US', { timeZone: HOSPITAL_TIME_ZONE, month: 'short', day: 'numeric' });
const monthDayYearFormat = new Intl.DateTimeFormat('en-US', { timeZone: HOSPITAL_TIME_ZONE, month: 'short', day: 'numeric', year: 'numeric' });
const longDayFormat = new Intl.DateTimeFormat('en-US', { timeZone: HOSPITAL_TIME_ZONE, weekday: 'long', month: 'long', day: 'numeric', year: 'numeric' });
const numericDateFormat = new Intl.DateTimeFormat('en-US', { timeZone: HOSPITAL_TIME_ZONE, month: '2-digit', day: '2-digit', year: 'numeric' });
const fullFormat = new Intl.DateTimeFormat('en-US', { timeZone: HOSPITAL_TIME_ZONE, dateStyle: 'full', timeStyle: 'short' });

/** "2026-03-11": the calendar day in Urbana. */
export function hospitalDayKey(at: Date | string): string {
  return dayKeyFormat.format(new Date(at));
}

/** The day before a day key, by the calendar (not "24 hours ago", which DST changes can fool). */
function previousDayKey(dayKey: string): string {
  const [year, month, day] = dayKey.split('-').map(Number);
  return new Date(Date.UTC(year, month - 1, day - 1)).toISOString().slice(0, 10);
}

/** "2:14 PM" */
export function formatClock(at: Date | string): string {
  return clockFormat.format(new Date(at));
}

/** The conversation list's time: "2:14 PM" today, "Yesterday", "Mar 11", or "Mar 11, 2025" in another year. */
export function formatListTime(at: Date | string, now: Date = new Date()): string {
  const day = hospitalDayKey(at);
  const today = hospitalDayKey(now);
  if (day === today) return formatClock(at);
  if (day === previousDayKey(today)) return 'Yesterday';
  return day.slice(0, 4) === today.slice(0, 4) ? monthDayFormat.format(new Date(at)) : monthDayYearFormat.format(new Date(at));
}

/** The thread's date divider: "Today", "Yesterday" or "Wednesday, March 11, 2026". */
export function formatDayDivider(at: Date | string, now: Date = new Date()): string {
  const day = hospitalDayKey(at);
  const today = hospitalDayKey(now);
  if (day === today) return 'Today';
  if (day === previousDayKey(today)) return 'Yesterday';
  return longDayFormat.format(new Date(at));
}

/** "03/11/2026", as the hospital writes dates (consent changes). */
export function formatNumericDate(at: Date | string): string {
  return numericDateFormat.format(new Date(at));
}

/** "Wednesday, March 11, 2026 at 2:14 PM", for tooltips and screen readers. */
export function formatFull(at: Date | string): string {
  return fullFormat.format(new Date(at));
}
