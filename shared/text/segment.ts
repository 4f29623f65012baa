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

/*
 * V8's segment iterator gets slower the longer its input (each step costs time proportional to
 * the whole string), so a 100 000-character post would take seconds. Long text is therefore cut
 * into chunks of about CHUNK code units, only at places where no segment can span the cut, and
 * each chunk is segmented on its own. Results are identical to segmenting the whole text.
 */
const CHUNK = 256;
const MAX_RUN = 8 * CHUNK;

/** Grapheme-cluster break rules (UAX #29) only join across these when they come first… */
const JOINS_NEXT =
  /[\p{Cf}\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u0D4E\u{111C2}\u{111C3}\u{1193F}\u{11941}\u{11A3A}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}]/u;
/** …and these characters never join onto what precedes them. */
const STARTS_CLUSTER =
  /[\x20-\x7E\p{Extended_Pictographic}]|(?=\p{L})[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Arabic}\p{Script=Hebrew}]/u;
const CONTROL = /[\p{Cc}\u2028\u2029]/u;

function codePointBefore(text: string, index: number): string {
  const low = text.charCodeAt(index - 1);
  if (low >= 0xdc00 && low <= 0xdfff && index >= 2) {
    const high = text.charCodeAt(index - 2);
    if (high >= 0xd800 && high <= 0xdbff) return text.slice(index - 2, index);
  }
  return text.slice(index - 1, index);
}

function codePointAt(text: string, index: number): string {
  return String.fromCodePoint(text.codePointAt(index) ?? 0);
}

/** No grapheme cluster can contain both text[index - 1] and text[index]. */
function isGraphemeCut(text: string, index: number): boolean {
  const unit = text.charCodeAt(index);
  if (unit >= 0xdc00 && unit <= 0xdfff) return false; // inside a surrogate pair
  const before = codePointBefore(text, index);
  const after = codePointAt(text, index);
  if (before === '\r' && after === '\n') return false;
  if (CONTROL.test(before) || CONTROL.test(after)) return true;
  return !JOINS_NEXT.test(before) && STARTS_CLUSTER.test(after);
}

/** No word segment can contain both text[index - 1] and text[index]: a cut before whitespace. */
function isWordCut(text: string, index: number): boolean {
  const after = text.charAt(index);
  return /[\s\u3000-\u3002]/u.test(after) && isGraphemeCut(text, index);
}

/**
 * Chunks of `text` with their offsets, cut only where `isCut` allows — or, for a run longer than
 * MAX_RUN with no such place (a pathological 10 000-letter "word"), where `fallback` allows.
 */
function chunks(
  text: string,
  isCut: (text: string, index: number) => boolean,
  fallback: (text: string, index: number) => boolean = isCut,
): [number, string][] {
  if (text.length <= CHUNK) return [[0, text]];
  const out: [number, string][] = [];
  let start = 0;
  let index = CHUNK;
  while (index < text.length) {
    const cut = index - start < MAX_RUN ? isCut : fallback;
    if (cut(text, index)) {
      out.push([start, text.slice(start, index)]);
      start = index;
      index = start + CHUNK;
    } else {
      index += 1;
    }
  }
  out.push([start, text.slice(start)]);
  return out;
}

/**
 * User-perceived characters (extended grapheme clusters): 👨‍👩‍👧‍👦, 🇳🇿, 👍🏽 and "e" + U+0301 each
 * count as one.
 */
export function countGraphemes(text: string): number {
  // Fast path: printable ASCII, tabs and line feeds are one grapheme each (only CR LF pairs up).
  if (/^[\x20-\x7E\t\n]*$/.test(text)) return text.length;
  let n = 0;
  for (const [, chunk] of chunks(text, isGraphemeCut)) {
    n += Array.from(graphemes().segment(chunk)).length;
  }
  return n;
}

/** The grapheme clusters of `text`, in order. */
export function splitGraphemes(text: string): string[] {
  return chunks(text, isGraphemeCut).flatMap(([, chunk]) =>
    Array.from(graphemes().segment(chunk), (s) => s.segment),
  );
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
 * (A run of over 8 192 characters without whitespace may be split into more than one word.)
 */
export function segmentWords(text: string): WordSegment[] {
  const out: WordSegment[] = [];
  for (const [offset, chunk] of chunks(text, isWordCut, isGraphemeCut)) {
    for (const s of words().segment(chunk)) {
      if (!s.isWordLike) continue;
      const start = offset + s.index;
      out.push({ text: s.segment, start, end: start + s.segment.length });
    }
  }
  return out;
}
