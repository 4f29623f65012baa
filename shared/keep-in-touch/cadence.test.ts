import { describe, expect, it } from 'vitest';
import { cadenceLabel, lastInTouchLabel, parseCustomCadence } from './cadence';

describe('custom cadence', () => {
  it('takes a whole number of days or weeks', () => {
    expect(parseCustomCadence('10', 'days')).toEqual({ ok: true, days: 10 });
    expect(parseCustomCadence(' 3 ', 'weeks')).toEqual({ ok: true, days: 21 });
    expect(parseCustomCadence('365', 'days')).toEqual({ ok: true, days: 365 });
  });

  it('says clearly what is wrong', () => {
    expect(parseCustomCadence('', 'days')).toEqual({
      ok: false,
      error: 'Enter how many days, such as 10.',
    });
    expect(parseCustomCadence('2.5', 'weeks')).toEqual({
      ok: false,
      error: 'Enter a whole number of weeks, such as 3.',
    });
    expect(parseCustomCadence('-4', 'days')).toMatchObject({ ok: false });
    expect(parseCustomCadence('ten', 'days')).toMatchObject({ ok: false });
    expect(parseCustomCadence('0', 'days')).toEqual({ ok: false, error: 'Enter at least 1 day.' });
    expect(parseCustomCadence('53', 'weeks')).toEqual({
      ok: false,
      error: 'At most once a year: 52 weeks.',
    });
    expect(parseCustomCadence('400', 'days')).toEqual({
      ok: false,
      error: 'At most once a year: 365 days.',
    });
  });

  it('reads as words', () => {
    expect(cadenceLabel(14)).toBe('Every two weeks');
    expect(cadenceLabel(21)).toBe('Every 3 weeks');
    expect(cadenceLabel(10)).toBe('Every 10 days');
    expect(cadenceLabel(1)).toBe('Every day');
  });

  it('says when the user was last in touch', () => {
    const now = Date.UTC(2026, 2, 20, 12);
    const ago = (days: number) => now - days * 86_400_000;
    expect(lastInTouchLabel(ago(0.5), now)).toBe('today');
    expect(lastInTouchLabel(ago(1.2), now)).toBe('yesterday');
    expect(lastInTouchLabel(ago(9), now)).toBe('9 days ago');
    expect(lastInTouchLabel(ago(20), now)).toBe('2 weeks ago');
    expect(lastInTouchLabel(ago(100), now)).toBe('3 months ago');
  });
});
