import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countGraphemes, segmentWords, splitGraphemes } from './segment';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

// Pieces that stress grapheme and word rules: combining marks, CR LF, ZWJ sequences, lone and
// paired regional indicators, Hangul jamo, Indic conjuncts, prepended marks, variation selectors.
const piece = fc.oneof(
  fc.constantFrom(
    'a',
    'word',
    ' ',
    '  ',
    '.',
    "'",
    'é',
    'e\u0301',
    '\r\n',
    '\r',
    '\n',
    '\t',
    '👨‍👩‍👧‍👦',
    '🇳🇿',
    '🇳',
    '👍🏽',
    '\u200D',
    '\uFE0F',
    '😀',
    '東京に行きたい',
    'дом',
    'क्षत्रिय',
    '\u1100',
    '\u1161',
    '\u11A8',
    '가',
    '\u0600',
    '3.5',
  ),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
// Long enough to be cut into several chunks.
const longText = fc.array(piece, { minLength: 400, maxLength: 900 }).map((p) => p.join(''));

function reference(text: string, granularity: 'grapheme' | 'word'): Intl.SegmentData[] {
  return Array.from(new Intl.Segmenter(undefined, { granularity }).segment(text));
}

describe('segmenting long text in chunks', { timeout: HEAVY_TEST_MS }, () => {
  it('property: gives the same graphemes as segmenting the whole text', () => {
    fc.assert(
      fc.property(longText, (text) => {
        const whole = reference(text, 'grapheme').map((s) => s.segment);
        expect(splitGraphemes(text)).toEqual(whole);
        expect(countGraphemes(text)).toBe(whole.length);
      }),
      { numRuns: 50 },
    );
  });

  it('property: gives the same words as segmenting the whole text', () => {
    fc.assert(
      fc.property(longText, (text) => {
        const whole = reference(text, 'word')
          .filter((s) => s.isWordLike)
          .map((s) => [s.segment, s.index]);
        expect(segmentWords(text).map((w) => [w.text, w.start])).toEqual(whole);
      }),
      { numRuns: 50 },
    );
  });

  it('uses the fast path for plain ASCII, counting CR LF once', () => {
    expect(countGraphemes('hello\tworld\n')).toBe(12);
    expect(countGraphemes('a\r\nb')).toBe(3);
  });
});
