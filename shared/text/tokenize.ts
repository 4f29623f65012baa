/**
 * Tokenising replies for comparison: words only (no URLs, mentions, punctuation or emoji),
 * lower-cased, with people's names replaced by a placeholder so that "Thanks Anna, …" and
 * "Thanks Bob, …" compare as the same letter.
 *
 * A capitalised word is taken for a name when it follows a greeting ("Thanks Anna", "Hi Bob",
 * "Danke Lea") or is set off like a form of address: at the start of a sentence followed by a comma
 * ("Anna, welcome!"), or after a comma at the end of a sentence ("Great to see you, Bob!").
 * A capitalised word right after such a name is taken as a surname. Other capitalised words stay
 * as they are, so German nouns and place names still have to match.
 */
import { findEntities } from './entities';
import { htmlToPlainText, looksLikeHtml } from './html-to-text';
import { segmentWords } from './segment';

/** The token that stands for any name. */
export const NAME_PLACEHOLDER = '<name>';

export interface Token {
  /** Lower-cased, NFKC-normalised word, or {@link NAME_PLACEHOLDER}. */
  norm: string;
  /** The word as written. */
  original: string;
  /** UTF-16 offsets into {@link Tokenized.text}. */
  start: number;
  end: number;
  /** True if a URL or mention was removed right before this token. */
  afterRemoved: boolean;
}

export interface Tokenized {
  /** The plain text the offsets refer to (HTML is converted first). */
  text: string;
  tokens: Token[];
}

const GREETINGS: ReadonlySet<string> = new Set([
  'thanks',
  'thank',
  'thx',
  'ty',
  'hi',
  'hey',
  'hello',
  'hiya',
  'dear',
  'morning',
  'evening',
  'afternoon',
  'congrats',
  'congratulations',
  'welcome',
  'cheers',
  'bye',
  'danke',
  'hallo',
  'moin',
  'servus',
  'merci',
  'bonjour',
  'salut',
  'coucou',
  'hola',
  'gracias',
  'ciao',
  'grazie',
  'obrigado',
  'obrigada',
  'hej',
  'tack',
  'dank',
]);

/** Words that open a sentence with a comma but are not names ("Also, …", "Honestly, …"). */
const OPENERS: ReadonlySet<string> = new Set([
  'also',
  'so',
  'well',
  'yes',
  'yeah',
  'yep',
  'no',
  'nope',
  'ok',
  'okay',
  'oh',
  'ah',
  'aw',
  'wow',
  'haha',
  'lol',
  'hmm',
  'honestly',
  'anyway',
  'anyways',
  'btw',
  'actually',
  'however',
  'but',
  'and',
  'plus',
  'sure',
  'right',
  'true',
  'indeed',
  'sadly',
  'luckily',
  'unfortunately',
  'fortunately',
  'first',
  'second',
  'finally',
  'now',
  'then',
  'great',
  'perfect',
  'awesome',
  'nice',
  'cool',
  'wait',
  'sorry',
  'please',
  'agreed',
  'exactly',
  'absolutely',
  'definitely',
  'totally',
  'seriously',
  'personally',
  'ja',
  'nein',
  'oui',
  'non',
  'si',
  'sí',
]);

const SENTENCE_BREAK_RE = /[.!?…;:\n]|\p{Extended_Pictographic}/u;
const CAPITALISED_RE = /^\p{Lu}\p{Ll}/u;

function normalizeWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’‘`´]/gu, "'");
}

interface RawToken {
  original: string;
  start: number;
  end: number;
  afterRemoved: boolean;
  /** Text between the previous token (or removed entity, or start) and this one. */
  gapBefore: string;
  sentenceStart: boolean;
}

function rawTokens(text: string): RawToken[] {
  const tokens: RawToken[] = [];
  let rangeStart = 0;
  let removedBefore = false;
  const flush = (end: number): void => {
    const slice = text.slice(rangeStart, end);
    let previousEnd = 0;
    for (const word of segmentWords(slice)) {
      const gapBefore = slice.slice(previousEnd, word.start);
      const first = tokens.length === 0;
      const afterRemoved = removedBefore && previousEnd === 0;
      tokens.push({
        original: word.text,
        start: rangeStart + word.start,
        end: rangeStart + word.end,
        afterRemoved,
        gapBefore,
        sentenceStart: first || afterRemoved || SENTENCE_BREAK_RE.test(gapBefore),
      });
      previousEnd = word.end;
    }
  };
  for (const entity of findEntities(text, { loose: true })) {
    flush(entity.start);
    rangeStart = entity.end;
    removedBefore = true;
  }
  flush(text.length);
  return tokens;
}

function nameSlots(tokens: readonly RawToken[]): boolean[] {
  const slots = tokens.map(() => false);
  tokens.forEach((token, i) => {
    if (!CAPITALISED_RE.test(token.original)) return;
    const previous = tokens[i - 1];
    const next = tokens[i + 1];
    const gapAfter = next ? next.gapBefore : '';
    const endsSentence = !next || SENTENCE_BREAK_RE.test(gapAfter);
    const afterGreeting =
      previous !== undefined &&
      !token.sentenceStart &&
      (GREETINGS.has(normalizeWord(previous.original)) ||
        (normalizeWord(previous.original) === 'you' &&
          normalizeWord(tokens[i - 2]?.original ?? '') === 'thank'));
    const word = normalizeWord(token.original);
    const vocativeOpening =
      token.sentenceStart && /^\s*,/u.test(gapAfter) && !GREETINGS.has(word) && !OPENERS.has(word);
    const vocativeClosing = !token.sentenceStart && /,\s*$/u.test(token.gapBefore) && endsSentence;
    const surname =
      previous !== undefined && slots[i - 1] === true && /^\s+$/u.test(token.gapBefore);
    slots[i] = afterGreeting || vocativeOpening || vocativeClosing || surname;
  });
  return slots;
}

/** Words of a reply (plain text or HTML) for similarity, names replaced by a placeholder. */
export function tokenizeForComparison(textOrHtml: string): Tokenized {
  const text = looksLikeHtml(textOrHtml) ? htmlToPlainText(textOrHtml) : textOrHtml;
  const raw = rawTokens(text);
  const slots = nameSlots(raw);
  const tokens: Token[] = [];
  raw.forEach((t, i) => {
    const previous = tokens.at(-1);
    if (slots[i] && slots[i - 1] && previous) {
      // "Anna Smith" is one name.
      previous.end = t.end;
      previous.original = text.slice(previous.start, t.end);
      return;
    }
    tokens.push({
      norm: slots[i] ? NAME_PLACEHOLDER : normalizeWord(t.original),
      original: t.original,
      start: t.start,
      end: t.end,
      afterRemoved: t.afterRemoved,
    });
  });
  return { text, tokens };
}
