/**
 * Look-alike ("homoglyph") word detection.
 *
 * Spammers disguise Latin words with Cyrillic or Greek letters that look the same ("Grеаt" with a
 * Cyrillic е and а), so filters and readers don't recognise them. Legitimate writing almost never
 * does this: a Russian, Ukrainian, Greek or Serbian sentence spells each word in one script, and a
 * bilingual sentence ("Я люблю Berlin") switches script between words, not inside them.
 *
 * Two rules, both deliberately conservative:
 *
 * 1. **Mixed-script word** — one word holds Latin letters *and* Cyrillic/Greek letters, and every
 *    letter from the other script is a look-alike of a letter in the word's base script (so the
 *    whole word could pass for a single-script word). The base is Latin, or — for Cyrillic/Greek
 *    words salted with Latin look-alikes ("Зaрaбoтoк") — the script the text is mostly written
 *    in. A mix that doesn't disguise anything ("Σx", "μm", "ΔT", "Zoomом") is left alone. Three
 *    legitimate patterns are exempted:
 *    - a Latin name or abbreviation followed by a short Cyrillic case ending in Cyrillic-language
 *      text ("в Telegramе", "в Zoomе", "SMSка");
 *    - a Latin "i" typed inside a Cyrillic word (Ukrainian/Belarusian keyboard layouts: "Привiт");
 *    - a lower-case Greek prefix on an upper-case abbreviation ("αSMA", "βHCG", "κB").
 * 2. **Look-alike word** — a whole word spelled in Cyrillic/Greek, at least 3 letters long, using
 *    only letters that look Latin ("орра", "СОСА"), inside text that is otherwise clearly Latin:
 *    at least 3 Latin words of prose (URLs and @mentions don't count), at least 75 % of the
 *    single-script letters Latin, and no genuine Cyrillic/Greek word (one with a letter that does
 *    not look Latin) anywhere in the text.
 *    Single letters ("use the `х` variable", "the α level") are never judged.
 */
import {
  type LetterScript,
  type LookalikeScript,
  foreignTwinOf,
  INVISIBLE_CLASS,
  latinLookalikeOf,
  letterScript,
  stripInvisible,
} from './confusables';
import { findEntities } from './entities';

export type WordScript = 'Latin' | LookalikeScript;

export interface LookalikeFinding {
  kind: 'mixed-script' | 'lookalike-word';
  /** The word as written (invisible characters removed). */
  word: string;
  /** UTF-16 offset of the word in the analysed text. */
  index: number;
  /** The script the word pretends to be written in. */
  baseScript: WordScript;
  /** The scripts of the letters that do not belong (in order of appearance). */
  foreignScripts: WordScript[];
  /** The distinct letters that do not belong, in order of appearance. */
  foreignLetters: string[];
  /** The word with each disguised letter replaced by the letter it imitates. */
  readsAs: string;
}

/** Minimum length of an all-Cyrillic/Greek word for the look-alike-word rule. */
export const LOOKALIKE_WORD_MIN_LETTERS = 3;
/** Minimum number of plain Latin words before text counts as "otherwise Latin". */
export const LATIN_CONTEXT_MIN_WORDS = 3;
/** Minimum share of Latin letters (in single-script words) for "otherwise Latin" text. */
export const LATIN_CONTEXT_MIN_SHARE = 0.75;
/** Longest Cyrillic suffix accepted as a case ending on a Latin word ("Zoomе", "iPhoneами"). */
const MAX_CASE_ENDING = 4;

interface Letter {
  char: string;
  script: LetterScript;
}

interface Word {
  text: string;
  index: number;
  letters: Letter[];
  scripts: Set<LetterScript>;
  /** Part of a URL or @mention (not prose, so it doesn't count as Latin context). */
  inEntity: boolean;
}

const CYRILLIC_OR_GREEK_RE = /[\p{Script=Cyrillic}\p{Script=Greek}]/u;

// A word: letters, combining marks and the invisible characters that spammers hide inside words.
const WORD_RE = new RegExp(`[\\p{L}\\p{M}${INVISIBLE_CLASS}]+`, 'gu');

function splitWords(text: string): Word[] {
  // Entities are sorted and words come in text order, so one forward pointer suffices.
  const entities = findEntities(text, { loose: true });
  let next = 0;
  const inEntity = (index: number): boolean => {
    while (next < entities.length && (entities[next]?.end ?? 0) <= index) next += 1;
    const entity = entities[next];
    return entity !== undefined && entity.start <= index;
  };
  const words: Word[] = [];
  for (const match of text.matchAll(WORD_RE)) {
    const letters: Letter[] = [];
    for (const char of match[0]) {
      const script = letterScript(char);
      if (script) letters.push({ char, script });
    }
    if (letters.length === 0) continue;
    words.push({
      text: stripInvisible(match[0]),
      index: match.index,
      letters,
      scripts: new Set(letters.map((l) => l.script)),
      inEntity: inEntity(match.index),
    });
  }
  return words;
}

type ScriptCounts = Record<LetterScript, number>;

function countLetters(words: readonly Word[], singleScriptOnly: boolean): ScriptCounts {
  const counts: ScriptCounts = { Latin: 0, Cyrillic: 0, Greek: 0, Other: 0 };
  for (const word of words) {
    if (singleScriptOnly && word.scripts.size !== 1) continue;
    for (const letter of word.letters) counts[letter.script] += 1;
  }
  return counts;
}

/** The script most letters of the text are written in (single-script words first). */
function dominantScript(words: readonly Word[]): LetterScript | null {
  let counts = countLetters(words, true);
  const total = (c: ScriptCounts): number => c.Latin + c.Cyrillic + c.Greek + c.Other;
  if (total(counts) === 0) counts = countLetters(words, false);
  let best: LetterScript | null = null;
  let bestCount = 0;
  for (const script of ['Latin', 'Cyrillic', 'Greek', 'Other'] as const) {
    if (counts[script] > bestCount) {
      best = script;
      bestCount = counts[script];
    }
  }
  return best;
}

/** Could `letter` stand in for a letter of `base` script? */
function passesFor(letter: Letter, base: WordScript): boolean {
  if (letter.script === base) return true;
  if (base === 'Latin')
    return letter.script !== 'Other' && latinLookalikeOf(letter.char) !== undefined;
  return letter.script === 'Latin' && foreignTwinOf(letter.char, base) !== undefined;
}

function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

function isCaseEnding(word: Word): boolean {
  // [Latin × ≥2][Cyrillic × 1..4] — a Latin name or abbreviation with a Russian/Ukrainian ending.
  const firstCyrillic = word.letters.findIndex((l) => l.script === 'Cyrillic');
  if (firstCyrillic < 2) return false;
  const head = word.letters.slice(0, firstCyrillic);
  const tail = word.letters.slice(firstCyrillic);
  return (
    head.every((l) => l.script === 'Latin') &&
    tail.every((l) => l.script === 'Cyrillic') &&
    tail.length <= MAX_CASE_ENDING
  );
}

function isGreekPrefixedAbbreviation(word: Word): boolean {
  // αSMA, βHCG, κB: one lower-case Greek letter, then Latin letters none of which is lower case.
  // ("ΗOT" with a capital Greek Eta is not a science prefix.)
  const [first, ...rest] = word.letters;
  return (
    first !== undefined &&
    first.script === 'Greek' &&
    /\p{Ll}/u.test(first.char) &&
    rest.length > 0 &&
    rest.every((l) => l.script === 'Latin' && !/\p{Ll}/u.test(l.char))
  );
}

function isKeyboardI(foreign: readonly Letter[]): boolean {
  return foreign.every((l) => /^[iIïÏ]$/u.test(l.char));
}

function readsAs(word: Word, base: WordScript): string {
  let out = '';
  for (const char of word.text) {
    const script = letterScript(char);
    if (script === null || script === base) out += char;
    else if (base === 'Latin') out += latinLookalikeOf(char) ?? char;
    else out += foreignTwinOf(char, base) ?? char;
  }
  return out;
}

function mixedScriptFinding(word: Word, context: LetterScript | null): LookalikeFinding | null {
  const { scripts } = word;
  if (scripts.has('Other') || !scripts.has('Latin')) return null;
  if (!scripts.has('Cyrillic') && !scripts.has('Greek')) return null;

  // Which scripts could this word be pretending to be written in?
  // A Latin word can be disguised anywhere; a Cyrillic/Greek word salted with Latin letters only
  // counts in text written in that script (so "κB", "ΔT" in English text are left alone).
  const candidates = (['Latin', 'Cyrillic', 'Greek'] as const).filter(
    (base) =>
      scripts.has(base) &&
      (base === 'Latin' || base === context) &&
      word.letters.every((l) => passesFor(l, base)),
  );
  if (candidates.length === 0) return null; // a genuine mix, not a disguise ("Σx", "μm")

  const inWord = (s: WordScript): number => word.letters.filter((l) => l.script === s).length;
  const base =
    candidates.find((c) => c === context) ??
    [...candidates].sort((a, b) => inWord(b) - inWord(a))[0] ??
    'Latin';
  const foreign = word.letters.filter((l) => l.script !== base);

  if (base === 'Cyrillic' && isKeyboardI(foreign)) return null;
  if (context === 'Cyrillic' && isCaseEnding(word)) return null;
  if (base === 'Latin' && isGreekPrefixedAbbreviation(word)) return null;

  return {
    kind: 'mixed-script',
    word: word.text,
    index: word.index,
    baseScript: base,
    foreignScripts: unique(foreign.map((l) => l.script as WordScript)),
    foreignLetters: unique(foreign.map((l) => l.char)),
    readsAs: readsAs(word, base),
  };
}

function lookalikeWordFindings(words: readonly Word[]): LookalikeFinding[] {
  const prose = words.filter((w) => !w.inEntity);
  const latinWords = prose.filter(
    (w) => w.scripts.size === 1 && w.scripts.has('Latin') && w.letters.length >= 2,
  );
  if (latinWords.length < LATIN_CONTEXT_MIN_WORDS) return [];
  const counts = countLetters(prose, true);
  const total = counts.Latin + counts.Cyrillic + counts.Greek + counts.Other;
  if (total === 0 || counts.Latin / total < LATIN_CONTEXT_MIN_SHARE) return [];

  const foreignWords = words.filter(
    (w) => w.scripts.size === 1 && (w.scripts.has('Cyrillic') || w.scripts.has('Greek')),
  );
  // Any real Cyrillic/Greek word (with a letter that does not look Latin) means the author writes
  // in that script, so its look-alike-only words are ordinary words too.
  if (foreignWords.some((w) => !w.letters.every((l) => latinLookalikeOf(l.char) !== undefined))) {
    return [];
  }
  return foreignWords
    .filter((w) => w.letters.length >= LOOKALIKE_WORD_MIN_LETTERS)
    .map((w) => ({
      kind: 'lookalike-word' as const,
      word: w.text,
      index: w.index,
      baseScript: 'Latin' as const,
      foreignScripts: unique(w.letters.map((l) => l.script as WordScript)),
      foreignLetters: unique(w.letters.map((l) => l.char)),
      readsAs: readsAs(w, 'Latin'),
    }));
}

/**
 * Finds words that use Cyrillic or Greek look-alike letters to pass for words of another script.
 * Findings are in text order. Pure function; `text` should be plain text (see `htmlToPlainText`).
 */
export function findLookalikes(text: string): LookalikeFinding[] {
  // Both rules need a Cyrillic or Greek letter; most text has none and skips the word split.
  if (!CYRILLIC_OR_GREEK_RE.test(text)) return [];
  const words = splitWords(text);
  const prose = words.filter((w) => !w.inEntity);
  const context = dominantScript(prose.length > 0 ? prose : words);
  const findings: LookalikeFinding[] = [];
  for (const word of words) {
    const finding = mixedScriptFinding(word, context);
    if (finding) findings.push(finding);
  }
  findings.push(...lookalikeWordFindings(words));
  return findings.sort((a, b) => a.index - b.index);
}

const SCRIPT_ADJECTIVE: Record<WordScript, string> = {
  Latin: 'Latin',
  Cyrillic: 'Cyrillic',
  Greek: 'Greek',
};

function listScripts(scripts: readonly WordScript[]): string {
  return scripts.map((s) => SCRIPT_ADJECTIVE[s]).join(' and ');
}

/** A sentence for the screener explaining one finding. */
export function describeLookalike(finding: LookalikeFinding): string {
  const letters = finding.foreignLetters.join(', ');
  const scripts = listScripts(finding.foreignScripts);
  if (finding.kind === 'mixed-script') {
    return (
      `"${finding.word}" mixes ${scripts} letters into a ${SCRIPT_ADJECTIVE[finding.baseScript]} ` +
      `word (${letters}) — a common look-alike trick. It reads as "${finding.readsAs}".`
    );
  }
  return (
    `"${finding.word}" is spelled only with ${scripts} letters that look like Latin ones ` +
    `(${letters}) in otherwise Latin text — it reads as "${finding.readsAs}", a common look-alike trick.`
  );
}
