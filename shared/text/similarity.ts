/**
 * Small, explainable set-similarity measures for comparing short texts.
 */

/**
 * Dice coefficient 2|A∩B| / (|A|+|B|): 1 for equal non-empty sets, 0 when nothing is shared or
 * either set is empty. Symmetric.
 */
export function dice<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 || b.size === 0) return 0;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let shared = 0;
  for (const item of small) if (large.has(item)) shared += 1;
  return (2 * shared) / (a.size + b.size);
}

/** Jaccard index |A∩B| / |A∪B| (0 when both are empty). Symmetric. */
export function jaccard<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const item of a) if (b.has(item)) shared += 1;
  return shared / (a.size + b.size - shared);
}

/**
 * Word n-grams ("shingles") joined by a space. A text shorter than `n` words gives one shingle
 * of all its words, so short texts still compare.
 */
export function wordShingles(words: readonly string[], n = 2): Set<string> {
  const out = new Set<string>();
  if (words.length === 0) return out;
  if (words.length < n) {
    out.add(words.join(' '));
    return out;
  }
  for (let i = 0; i + n <= words.length; i += 1) out.add(words.slice(i, i + n).join(' '));
  return out;
}

/** Character n-grams (by code point) of `text` padded with one space each side. */
export function charNgrams(text: string, n = 3): Set<string> {
  const chars = Array.from(` ${text} `);
  const out = new Set<string>();
  if (text.length === 0) return out;
  for (let i = 0; i + n <= chars.length; i += 1) out.add(chars.slice(i, i + n).join(''));
  return out;
}

export interface CommonRun {
  /** Start in `a`, start in `b`, and length, in items. */
  aStart: number;
  bStart: number;
  length: number;
}

/** The longest run of equal consecutive items in `a` and `b` (first one found on ties). */
export function longestCommonRun<T>(a: readonly T[], b: readonly T[]): CommonRun {
  let best: CommonRun = { aStart: 0, bStart: 0, length: 0 };
  let previous = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    const current = new Array<number>(b.length + 1).fill(0);
    for (let j = 1; j <= b.length; j += 1) {
      if (a[i - 1] !== b[j - 1]) continue;
      const length = (previous[j - 1] ?? 0) + 1;
      current[j] = length;
      if (length > best.length) best = { aStart: i - length, bStart: j - length, length };
    }
    previous = current;
  }
  return best;
}

/** Weight of word-bigram overlap in {@link textSimilarity}; the rest is character trigrams. */
export const WORD_WEIGHT = 0.6;

/** The sets {@link textSimilarity} compares, computed once per text. */
export interface Fingerprint {
  bigrams: ReadonlySet<string>;
  trigrams: ReadonlySet<string>;
}

export function fingerprint(words: readonly string[]): Fingerprint {
  return { bigrams: wordShingles(words, 2), trigrams: charNgrams(words.join(' '), 3) };
}

/** {@link textSimilarity} of two precomputed fingerprints. */
export function fingerprintSimilarity(a: Fingerprint, b: Fingerprint): number {
  const words = dice(a.bigrams, b.bigrams);
  const chars = dice(a.trigrams, b.trigrams);
  return Math.min(1, WORD_WEIGHT * words + (1 - WORD_WEIGHT) * chars);
}

/**
 * How alike two token lists are, 0..1: 60 % Dice over word bigrams (same phrases in the same
 * order) plus 40 % Dice over character trigrams of the words (tolerates small edits such as
 * "thanks"/"thank" or "site"/"website"). Symmetric; 1 for identical non-empty lists.
 */
export function textSimilarity(a: readonly string[], b: readonly string[]): number {
  return fingerprintSimilarity(fingerprint(a), fingerprint(b));
}
