/**
 * What a face without a picture shows: the first letter of the name on a tone of its own. Lists
 * draw dozens of faces on every keystroke, and splitting a name into graphemes is costly (a
 * segmenter is slow to build), so one segmenter serves every name and each name's initial is
 * worked out once.
 */
const TONES = 6;
const MAX_REMEMBERED = 5_000;

let segmenter: Intl.Segmenter | null = null;
const initials = new Map<string, string>();

/** The first letter (or emoji, or character) of the name, upper-cased where that means anything. */
export function initialOf(name: string): string {
  const known = initials.get(name);
  if (known !== undefined) return known;
  const trimmed = name.replace(/^[@\s]+/, '');
  segmenter ??= new Intl.Segmenter(undefined, { granularity: 'grapheme' });
  const first = segmenter.segment(trimmed)[Symbol.iterator]().next().value?.segment;
  const initial = first === undefined ? '?' : first.toLocaleUpperCase();
  if (initials.size >= MAX_REMEMBERED) initials.clear();
  initials.set(name, initial);
  return initial;
}

/** The same name always gets the same tone. */
export function toneOf(name: string): number {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + (char.codePointAt(0) ?? 0)) >>> 0;
  return hash % TONES;
}
