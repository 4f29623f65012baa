import { describe, expect, it } from 'vitest';
import { messagesAt, placeOf, withoutPlaces } from './problem-places';

describe('where a schedule problem is shown in Settings', () => {
  it('next to the field it is about, or its group', () => {
    expect(placeOf('deliveries.3[0]')).toBe('day:3');
    expect(placeOf('deliveries.3')).toBe('day:3');
    expect(placeOf('deliveries')).toBe('deliveries');
    expect(placeOf('focusWindows[1].start')).toBe('window:1:start');
    expect(placeOf('focusWindows[1].end')).toBe('window:1:end');
    expect(placeOf('focusWindows[1].days[2]')).toBe('window:1');
    expect(placeOf('focusWindows[2]')).toBe('window:2');
    expect(placeOf('focusWindows')).toBe('windows');
    expect(placeOf('timeZone')).toBe('general');
  });

  it('goes once what it is about is changed', () => {
    const problems = [
      { path: 'deliveries.3[0]', message: 'Wednesday is odd.' },
      { path: 'deliveries', message: 'No deliveries.' },
      { path: 'focusWindows[0].end', message: 'Window ends oddly.' },
    ];
    expect(messagesAt(problems, 'day:3')).toEqual(['Wednesday is odd.']);
    const left = withoutPlaces(problems, (place) => place === 'day:3' || place === 'deliveries');
    expect(left.map((p) => p.path)).toEqual(['focusWindows[0].end']);
  });
});
