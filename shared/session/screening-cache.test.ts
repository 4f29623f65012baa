import { describe, expect, it } from 'vitest';
import type { ScreenResult } from '../text';
import { createScreeningCache } from './screening-cache';

function countingScreen() {
  const calls: string[] = [];
  const screen = (html: string): ScreenResult => {
    calls.push(html);
    return { suspicious: html.includes('spam'), reasons: [] };
  };
  return { calls, screen };
}

describe('createScreeningCache', () => {
  it('screens a post once while its text stays the same', () => {
    const { calls, screen } = countingScreen();
    const cache = createScreeningCache(10, screen);
    expect(cache.screen({ id: 'p', contentHtml: 'hello' }).suspicious).toBe(false);
    expect(cache.screen({ id: 'p', contentHtml: 'hello' }).suspicious).toBe(false);
    expect(calls).toEqual(['hello']);
  });

  it('screens again when the post was edited', () => {
    const { calls, screen } = countingScreen();
    const cache = createScreeningCache(10, screen);
    cache.screen({ id: 'p', contentHtml: 'hello' });
    expect(cache.screen({ id: 'p', contentHtml: 'now spam' }).suspicious).toBe(true);
    expect(calls).toEqual(['hello', 'now spam']);
    expect(cache.size).toBe(1);
  });

  it('forgets the least recently used post beyond its size', () => {
    const { calls, screen } = countingScreen();
    const cache = createScreeningCache(2, screen);
    cache.screen({ id: 'a', contentHtml: 'a' });
    cache.screen({ id: 'b', contentHtml: 'b' });
    cache.screen({ id: 'a', contentHtml: 'a' }); // a is now the most recent
    cache.screen({ id: 'c', contentHtml: 'c' }); // b goes
    expect(cache.size).toBe(2);
    cache.screen({ id: 'a', contentHtml: 'a' });
    cache.screen({ id: 'b', contentHtml: 'b' });
    expect(calls).toEqual(['a', 'b', 'c', 'b']);
  });

  it('uses the real screening by default', () => {
    const cache = createScreeningCache();
    expect(cache.screen({ id: 'p', contentHtml: '<p>Lovely photo of the garden!</p>' })).toEqual({
      suspicious: false,
      reasons: [],
    });
  });
});
