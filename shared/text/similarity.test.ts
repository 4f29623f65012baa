import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  charNgrams,
  dice,
  jaccard,
  longestCommonRun,
  textSimilarity,
  wordShingles,
} from './similarity';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

describe('set measures', { timeout: HEAVY_TEST_MS }, () => {
  it('computes Dice and Jaccard', () => {
    const a = new Set(['x', 'y', 'z']);
    const b = new Set(['y', 'z', 'w']);
    expect(dice(a, b)).toBeCloseTo(2 / 3);
    expect(jaccard(a, b)).toBeCloseTo(2 / 4);
    expect(dice(new Set(), new Set())).toBe(0);
    expect(jaccard(new Set(), new Set())).toBe(0);
  });

  it('builds word shingles and character n-grams', () => {
    expect([...wordShingles(['a', 'b', 'c'])]).toEqual(['a b', 'b c']);
    expect([...wordShingles(['solo'])]).toEqual(['solo']);
    expect([...charNgrams('ab')]).toEqual([' ab', 'ab ']);
    expect(charNgrams('😀😀').size).toBe(2); // by code point, not UTF-16 unit
  });

  it('finds the longest common run of tokens', () => {
    expect(longestCommonRun(['x', 'a', 'b', 'c', 'y'], ['a', 'b', 'c', 'z'])).toEqual({
      aStart: 1,
      bStart: 0,
      length: 3,
    });
    expect(longestCommonRun(['a'], ['b']).length).toBe(0);
  });
});

describe('textSimilarity', { timeout: HEAVY_TEST_MS }, () => {
  const words = fc.array(
    fc.constantFrom('thanks', 'for', 'the', 'follow', 'my', 'site', 'a', 'é', '東京'),
    {
      maxLength: 12,
    },
  );

  it('property: symmetric and within [0, 1]', () => {
    fc.assert(
      fc.property(words, words, (a, b) => {
        const ab = textSimilarity(a, b);
        expect(ab).toBe(textSimilarity(b, a));
        expect(ab).toBeGreaterThanOrEqual(0);
        expect(ab).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('property: identical non-empty texts score 1', () => {
    fc.assert(
      fc.property(
        words.filter((w) => w.length > 0),
        (a) => {
          expect(textSimilarity(a, [...a])).toBe(1);
        },
      ),
    );
  });

  it('scores unrelated texts low', () => {
    expect(
      textSimilarity(['see', 'you', 'at', 'the', 'meetup'], ['lovely', 'photo', 'of', 'lake']),
    ).toBeLessThan(0.2);
  });
});
