import { describe, expect, it } from 'vitest';
import {
  formatLocalTime,
  nextWeekday,
  parseDayEnd,
  parseLocalTime,
  weekdayName,
} from './local-time';

describe('parseLocalTime', () => {
  it('reads HH:MM as minutes after midnight', () => {
    expect(parseLocalTime('00:00')).toBe(0);
    expect(parseLocalTime('09:05')).toBe(545);
    expect(parseLocalTime('23:59')).toBe(1439);
  });

  it.each(['9:00', '09:0', '24:00', '12:60', '25:00', '09:00 ', 'noon', '', '09.00', '-1:00'])(
    'rejects %j',
    (text) => {
      expect(parseLocalTime(text)).toBeNull();
    },
  );
});

describe('parseDayEnd', () => {
  it('also accepts 24:00 as the end of the day', () => {
    expect(parseDayEnd('24:00')).toBe(1440);
    expect(parseDayEnd('07:30')).toBe(450);
    expect(parseDayEnd('24:01')).toBeNull();
    expect(parseDayEnd('24:30')).toBeNull();
  });
});

describe('formatLocalTime', () => {
  it('writes minutes as HH:MM, 1440 as 24:00', () => {
    expect(formatLocalTime(0)).toBe('00:00');
    expect(formatLocalTime(545)).toBe('09:05');
    expect(formatLocalTime(1440)).toBe('24:00');
  });

  it('round-trips every minute of the day', () => {
    for (let minute = 0; minute < 1440; minute++) {
      expect(parseLocalTime(formatLocalTime(minute))).toBe(minute);
    }
  });

  it('refuses minutes outside the day', () => {
    expect(() => formatLocalTime(-1)).toThrow(RangeError);
    expect(() => formatLocalTime(1441)).toThrow(RangeError);
    expect(() => formatLocalTime(1.5)).toThrow(RangeError);
  });
});

describe('weekdays', () => {
  it('uses ISO numbering, Monday = 1', () => {
    expect(weekdayName(1)).toBe('Monday');
    expect(weekdayName(7)).toBe('Sunday');
    expect(nextWeekday(7)).toBe(1);
    expect(nextWeekday(3)).toBe(4);
  });
});
