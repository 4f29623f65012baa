/**
 * Thin wrappers over `Intl.Segmenter` (Node 20+, Chromium), created once and reused.
 */

let graphemeSegmenter: Intl.Segmenter | undefined;
let wordSegmenter: Intl.Segmenter | undefined;

function graphemes(): Intl.Segmenter {
  graphemeSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  return graphemeSegmenter;
}

function words(): Intl.Segmenter {
  wordSegmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
  return wordSegmenter;
}

/**
 * User-perceived characters (extended grapheme clusters): 👨‍👩‍👧‍👦, 🇳🇿, 👍🏽 and "e" + U+0301 each
 * count as one.
 */
export function countGraphemes(text: string): number {
  return Array.from(graphemes().segment(text)).length;
}

/** The grapheme clusters of `text`, in order. */
export function splitGraphemes(text: string): string[] {
  return Array.from(graphemes().segment(text), (s) => s.segment);
}

/** Unicode code points (what Ruby's `String#length` and Go's `len([]rune(s))` return). */
export function countCodePoints(text: string): number {
  return Array.from(text).length;
}

/** Length of `text` encoded as UTF-8 (lone surrogates count as U+FFFD, 3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (const char of text) {
    const cp = char.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

export interface WordSegment {
  /** The word as written. */
  text: string;
  /** UTF-16 offsets into the source text: [start, end). */
  start: number;
  end: number;
}

/**
 * Word-like segments (letters/digits; punctuation, spaces and emoji are skipped). Uses the ICU
 * word breaker, so Japanese, Chinese and Thai text without spaces is split into words too.
 */
export function segmentWords(text: string): WordSegment[] {
  const out: WordSegment[] = [];
  for (const s of words().segment(text)) {
    if (!s.isWordLike) continue;
    out.push({ text: s.segment, start: s.index, end: s.index + s.segment.length });
  }
  return out;
}
