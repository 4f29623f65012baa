import { describe, expect, it } from 'vitest';
import { remembered } from './remembered';

describe('remembered', () => {
  it('answers as the function does, working each input out once', () => {
    const asked: string[] = [];
    const upper = remembered((s: string) => {
      asked.push(s);
      return s.toUpperCase();
    }, 10);
    expect(upper('a')).toBe('A');
    expect(upper('b')).toBe('B');
    expect(upper('a')).toBe('A');
    expect(asked).toEqual(['a', 'b']);
  });

  it('forgets the input asked longest ago when full', () => {
    const asked: string[] = [];
    const same = remembered((s: string) => {
      asked.push(s);
      return s;
    }, 2);
    same('a');
    same('b');
    same('a'); // "a" is the newest again: "b" goes first
    same('c');
    same('a');
    same('b');
    expect(asked).toEqual(['a', 'b', 'c', 'b']);
  });
});
