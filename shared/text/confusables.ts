/**
 * A small, hand-picked table of Cyrillic and Greek letters that render (almost) identically to a
 * Latin letter in common UI fonts. It is deliberately much smaller than Unicode's full
 * `confusables.txt`: every entry here is a letter spammers actually use to disguise Latin words
 * ("Grеаt", "prоfilе", "aгticle"), and nothing that merely resembles a Latin letter in some fonts
 * (Cyrillic "к", "п", "т", Greek "κ", "ε" are left out on purpose, so that more real Russian and
 * Greek words stay clear of the "spelled only with look-alikes" rule).
 */

export type LookalikeScript = 'Cyrillic' | 'Greek';
export type LetterScript = 'Latin' | LookalikeScript | 'Other';

/** Cyrillic letter → the Latin letter it imitates. */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = {
  // lower case
  а: 'a',
  г: 'r',
  е: 'e',
  ё: 'ë',
  һ: 'h',
  і: 'i',
  ї: 'ï',
  ј: 'j',
  ӏ: 'l',
  о: 'o',
  р: 'p',
  ԛ: 'q',
  с: 'c',
  ѕ: 's',
  у: 'y',
  ү: 'y',
  ѵ: 'v',
  ԝ: 'w',
  х: 'x',
  ԁ: 'd',
  // upper case
  А: 'A',
  В: 'B',
  Е: 'E',
  Ё: 'Ë',
  Һ: 'H',
  Н: 'H',
  І: 'I',
  Ї: 'Ï',
  Ӏ: 'I',
  Ј: 'J',
  К: 'K',
  М: 'M',
  О: 'O',
  Р: 'P',
  Ԛ: 'Q',
  С: 'C',
  Ѕ: 'S',
  Т: 'T',
  У: 'Y',
  Ү: 'Y',
  Ѵ: 'V',
  Ԝ: 'W',
  Х: 'X',
};

/** Greek letter → the Latin letter it imitates. */
const GREEK_TO_LATIN: Readonly<Record<string, string>> = {
  // lower case
  α: 'a',
  ά: 'á',
  γ: 'y',
  ι: 'i',
  ί: 'í',
  ν: 'v',
  ο: 'o',
  ό: 'ó',
  ρ: 'p',
  υ: 'u',
  ύ: 'ú',
  χ: 'x',
  ϲ: 'c',
  ϳ: 'j',
  // upper case
  Α: 'A',
  Β: 'B',
  Ε: 'E',
  Ζ: 'Z',
  Η: 'H',
  Ι: 'I',
  Κ: 'K',
  Μ: 'M',
  Ν: 'N',
  Ο: 'O',
  Ρ: 'P',
  Τ: 'T',
  Υ: 'Y',
  Χ: 'X',
  Ϲ: 'C',
  Ϳ: 'J',
};

const TO_LATIN = new Map<string, string>([
  ...Object.entries(CYRILLIC_TO_LATIN),
  ...Object.entries(GREEK_TO_LATIN),
]);

function invert(table: Readonly<Record<string, string>>): Map<string, string> {
  const inverted = new Map<string, string>();
  for (const [foreign, latin] of Object.entries(table)) {
    if (!inverted.has(latin)) inverted.set(latin, foreign);
  }
  return inverted;
}

/** Latin letter → a Cyrillic letter that looks like it (for Cyrillic words salted with Latin). */
const LATIN_TO_CYRILLIC = invert(CYRILLIC_TO_LATIN);
/** Latin letter → a Greek letter that looks like it. */
const LATIN_TO_GREEK = invert(GREEK_TO_LATIN);

const LATIN_RE = /^\p{Script=Latin}$/u;
const CYRILLIC_RE = /^\p{Script=Cyrillic}$/u;
const GREEK_RE = /^\p{Script=Greek}$/u;

/**
 * The script of one letter (one code point), using Unicode script properties. Combining marks
 * (Script=Inherited), digits, punctuation and emoji are not letters and return null.
 */
export function letterScript(char: string): LetterScript | null {
  if (!/^\p{L}$/u.test(char)) return null;
  if (LATIN_RE.test(char)) return 'Latin';
  if (CYRILLIC_RE.test(char)) return 'Cyrillic';
  if (GREEK_RE.test(char)) return 'Greek';
  return 'Other';
}

/** The Latin letter a Cyrillic/Greek look-alike imitates, or undefined. */
export function latinLookalikeOf(char: string): string | undefined {
  return TO_LATIN.get(char);
}

/** The Cyrillic or Greek letter that a Latin letter can pass for, or undefined. */
export function foreignTwinOf(char: string, script: LookalikeScript): string | undefined {
  return (script === 'Cyrillic' ? LATIN_TO_CYRILLIC : LATIN_TO_GREEK).get(char);
}

/**
 * Invisible format characters that can hide inside a word without changing how it looks:
 * soft hyphen, zero-width space / non-joiner / joiner, word joiner, invisible math operators, BOM.
 * Written as the body of a RegExp character class (escaped, for `new RegExp`).
 */
export const INVISIBLE_CLASS = '\\u00AD\\u200B-\\u200D\\u2060-\\u2064\\uFEFF';
const INVISIBLE_RE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

/** Removes the invisible format characters listed in {@link INVISIBLE_CLASS}. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE_RE, '');
}

/**
 * Maps every Cyrillic/Greek look-alike to the Latin letter it imitates and removes invisible
 * characters, so "vіsit my prоfilе" reads "visit my profile". Used to match spam phrases that
 * were disguised, and to show the user what a disguised word "reads as".
 */
export function toLatinSkeleton(text: string): string {
  let out = '';
  for (const char of stripInvisible(text)) out += TO_LATIN.get(char) ?? char;
  return out;
}
