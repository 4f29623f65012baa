import { describe, expect, it } from 'vitest';
import { startOfNextWeek } from './snooze';

describe('not this week', () => {
  it('lasts until Monday 00:00 local time by default', () => {
    // Wednesday 25 November 2026, 14:00 in London → Monday 30 November, 00:00.
    expect(startOfNextWeek(Date.UTC(2026, 10, 25, 14), 'Europe/London')).toBe(
      Date.UTC(2026, 10, 30, 0),
    );
    // In Berlin (UTC+1) Monday begins an hour earlier in UTC.
    expect(startOfNextWeek(Date.UTC(2026, 10, 25, 14), 'Europe/Berlin')).toBe(
      Date.UTC(2026, 10, 29, 23),
    );
  });

  it('snoozed on the first day of a week lasts the whole week, not until now', () => {
    expect(startOfNextWeek(Date.UTC(2026, 10, 30, 8), 'Europe/London')).toBe(
      Date.UTC(2026, 11, 7, 0),
    );
    // Sunday late evening: until the next morning.
    expect(startOfNextWeek(Date.UTC(2026, 10, 29, 23, 30), 'Europe/London')).toBe(
      Date.UTC(2026, 10, 30, 0),
    );
  });

  it("follows a locale's Sunday-first week", () => {
    // Wednesday in New York → Sunday 29 November, 00:00 EST (05:00 UTC).
    expect(startOfNextWeek(Date.UTC(2026, 10, 25, 14), 'America/New_York', 7)).toBe(
      Date.UTC(2026, 10, 29, 5),
    );
  });

  it('keeps local midnight across a change of clocks', () => {
    // Thursday 26 March 2026 in London; the clocks go forward on Sunday 29 March.
    expect(startOfNextWeek(Date.UTC(2026, 2, 26, 12), 'Europe/London')).toBe(
      Date.UTC(2026, 2, 29, 23),
    );
  });
});
