/**
 * Form-letter detection for the considered-reply composer: does this draft nearly repeat replies
 * the user recently sent to *other* people ("Thanks for the follow! Check out my site")?
 *
 * Both texts are reduced to words (URLs, @mentions, punctuation, emoji and case ignored; names
 * after greetings replaced by a placeholder, see `tokenize.ts`) and compared with
 * `textSimilarity`: 60 % word-bigram overlap + 40 % character-trigram overlap (Dice). Replies at
 * or above {@link FORM_LETTER_THRESHOLD} match. Drafts under {@link FORM_LETTER_MIN_WORDS} words
 * and earlier replies to the draft's own recipient are never counted. The result is advice only:
 * it never blocks sending.
 */
import {
  type Fingerprint,
  fingerprint,
  fingerprintSimilarity,
  longestCommonRun,
} from './similarity';
import { NAME_PLACEHOLDER, type Token, type Tokenized, tokenizeForComparison } from './tokenize';

/** Similarity (0..1) at which an earlier reply counts as the same letter. */
export const FORM_LETTER_THRESHOLD = 0.7;
/** Drafts (and earlier replies) with fewer words are too short to call a form letter. */
export const FORM_LETTER_MIN_WORDS = 4;
/** Longest shared phrase shown, in characters. */
const MAX_PHRASE_LENGTH = 120;

export interface SentReply {
  id: string;
  /** Person id of the recipient. */
  recipientId: string;
  /** Plain text or the HTML the server returned. */
  text: string;
  /** Epoch milliseconds. */
  sentAt: number;
}

export interface DraftReply {
  text: string;
  recipientId: string;
  /** Set when the draft was already sent once (an edit): that reply is then skipped. */
  id?: string;
}

export interface FormLetterMatch {
  replyId: string;
  recipientId: string;
  sentAt: number;
  /** 0..1, rounded to 2 decimals. */
  similarity: number;
  /** The longest run of words both share, as written in the draft; names shown as "[name]". */
  sharedPhrase: string;
}

export interface FormLetterResult {
  isFormLetter: boolean;
  /** Most similar first. */
  matches: FormLetterMatch[];
  /** A gentle sentence for the composer, or '' when the draft reads as personal. */
  suggestion: string;
}

export interface FormLetterOptions {
  threshold?: number;
  minWords?: number;
  /** At most this many matches are returned (all are counted in the suggestion). Default 5. */
  maxMatches?: number;
  /** Ignore replies sent before this instant (epoch ms). */
  notBefore?: number;
  /** The draft recipient's display name, to make the suggestion personal. */
  recipientName?: string;
}

interface Prepared {
  tokenized: Tokenized;
  norms: string[];
  fingerprint: Fingerprint;
}

function prepare(text: string): Prepared {
  const tokenized = tokenizeForComparison(text);
  const norms = tokenized.tokens.map((t) => t.norm);
  return { tokenized, norms, fingerprint: fingerprint(norms) };
}

// Sent replies are compared again on every keystroke of a draft, so their tokens are memoised
// (keyed by text, never mutated; results are the same with or without the cache).
const CACHE_SIZE = 2000;
const cache = new Map<string, Prepared>();

function prepareCached(text: string): Prepared {
  const cached = cache.get(text);
  if (cached) return cached;
  const prepared = prepare(text);
  if (cache.size >= CACHE_SIZE) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(text, prepared);
  return prepared;
}

function notAFormLetter(): FormLetterResult {
  return { isFormLetter: false, matches: [], suggestion: '' };
}

function renderPhrase(
  draft: Tokenized,
  other: readonly Token[],
  aStart: number,
  bStart: number,
  length: number,
): string {
  let out = '';
  for (let k = 0; k < length; k += 1) {
    const token = draft.tokens[aStart + k];
    const otherToken = other[bStart + k];
    if (!token) break;
    if (k > 0) {
      const previous = draft.tokens[aStart + k - 1];
      const gap = previous ? draft.text.slice(previous.end, token.start) : ' ';
      out += token.afterRemoved ? ' … ' : gap.replace(/\s+/gu, ' ');
    }
    const renamed =
      token.norm === NAME_PLACEHOLDER &&
      otherToken?.original.toLowerCase() !== token.original.toLowerCase();
    out += renamed ? '[name]' : token.original;
  }
  out = out.trim();
  return out.length > MAX_PHRASE_LENGTH ? `${out.slice(0, MAX_PHRASE_LENGTH - 1).trimEnd()}…` : out;
}

function suggestionFor(people: number, recipientName: string | undefined): string {
  const whom = people === 1 ? 'someone else' : `${people} other people`;
  const source = recipientName ? `${recipientName}'s post` : 'their post';
  return (
    `This reads a lot like what you sent to ${whom} recently. Could you mention something ` +
    `specific from ${source}, or from your past conversations?`
  );
}

/**
 * Compares a draft with recently sent replies and reports the ones to other people that it nearly
 * repeats. Deterministic and side-effect free (sent replies' tokens are memoised internally);
 * cost is linear in the number of replies — about 20 ms for 500 cached replies in Node.
 */
export function detectFormLetter(
  draft: DraftReply,
  recentReplies: readonly SentReply[],
  options: FormLetterOptions = {},
): FormLetterResult {
  const threshold = options.threshold ?? FORM_LETTER_THRESHOLD;
  const minWords = options.minWords ?? FORM_LETTER_MIN_WORDS;
  const maxMatches = options.maxMatches ?? 5;

  const mine = prepare(draft.text);
  if (mine.norms.length < minWords) return notAFormLetter();

  const matches: FormLetterMatch[] = [];
  for (const reply of recentReplies) {
    if (reply.recipientId === draft.recipientId) continue;
    if (draft.id !== undefined && reply.id === draft.id) continue;
    if (options.notBefore !== undefined && reply.sentAt < options.notBefore) continue;
    const theirs = prepareCached(reply.text);
    if (theirs.norms.length < minWords) continue;
    const similarity = fingerprintSimilarity(mine.fingerprint, theirs.fingerprint);
    if (similarity < threshold) continue;
    const run = longestCommonRun(mine.norms, theirs.norms);
    matches.push({
      replyId: reply.id,
      recipientId: reply.recipientId,
      sentAt: reply.sentAt,
      similarity: Math.round(similarity * 100) / 100,
      sharedPhrase: renderPhrase(
        mine.tokenized,
        theirs.tokenized.tokens,
        run.aStart,
        run.bStart,
        run.length,
      ),
    });
  }
  if (matches.length === 0) return notAFormLetter();

  matches.sort((a, b) => b.similarity - a.similarity || b.sentAt - a.sentAt);
  const people = new Set(matches.map((m) => m.recipientId)).size;
  return {
    isFormLetter: true,
    matches: matches.slice(0, maxMatches),
    suggestion: suggestionFor(people, options.recipientName),
  };
}
