/**
 * Folding for search: two spellings a reader takes for the same word fold to the same text.
 * Case goes (with the language-neutral Unicode rules), and so do the accents of Latin, Greek and
 * Cyrillic letters (é → e, ё → е, й → и, ά → α); letters that carry their stroke in their shape
 * fold by hand (ß → ss, ø → o, ł → l, æ → ae, Turkish ı and İ → i); Greek final sigma is sigma;
 * full-width and compatibility forms are their plain letters. The marks of other scripts stay:
 * Japanese か and が, Thai vowels and Devanagari signs are different letters, not accented ones.
 */

const LETTERS: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ħ: 'h',
  ı: 'i',
  æ: 'ae',
  œ: 'oe',
  þ: 'th',
  ð: 'd',
  ŀ: 'l',
  ς: 'σ',
};
const SPECIAL = /[ßẞøłđħıæœþðŀς]/gu;
/** Combining diacritical marks (U+0300–U+036F): the accents of Latin, Greek and Cyrillic. */
const ACCENTS = /[\u0300-\u036f]/gu;

/** `text` folded for matching: same length or not, never for display. */
export function foldForSearch(text: string): string {
  // Fast path: plain ASCII only needs its case folded.
  if (!/[^\p{ASCII}]/u.test(text)) return text.toLowerCase();
  return text
    .normalize('NFKD')
    .replace(ACCENTS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(SPECIAL, (c) => LETTERS[c] ?? c);
}
