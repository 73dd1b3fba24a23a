import { formatClock, formatDayDivider, formatListTime, hospitalDayKey } from './hospital-time';

describe('hospital time', () => {
  const now = new Date('2026-03-12T20:00:00Z'); // 3:00 PM in Urbana (CDT)

  it('should show the clock in Urbana when the text is from today', () => {
    expect(formatListTime('2026-03-12T19:14:00Z', now)).toBe('2:14 PM');
    expect(formatClock('2026-03-12T19:14:00Z')).toBe('2:14 PM');
  });

  it('should say Yesterday when the text is from the day before in Urbana, even if UTC says otherwise', () => {
    // 03:30 UTC on the 12th is 10:30 PM on the 11th in Urbana.
    expect(formatListTime('2026-03-12T03:30:00Z', now)).toBe('Yesterday');
    expect(hospitalDayKey('2026-03-12T03:30:00Z')).toBe('2026-03-11');
  });

  it('should show the month and day when the text is older, and the year when it is another year', () => {
    expect(formatListTime('2026-03-01T17:00:00Z', now)).toBe('Mar 1');
    expect(formatListTime('2025-12-24T17:00:00Z', now)).toBe('Dec 24, 2025');
  });

  it('should name the day in the thread divider', () => {
    expect(formatDayDivider('2026-03-12T14:00:00Z', now)).toBe('Today');
    expect(formatDayDivider('2026-03-11T14:00:00Z', now)).toBe('Yesterday');
    expect(formatDayDivider('2026-03-09T14:00:00Z', now)).toBe('Monday, March 9, 2026');
  });
});
