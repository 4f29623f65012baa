import { foldForSearch } from './fold';
import { segmentWords } from './segment';

/** Longer words are cut to this many code units (a pasted hash or URL is not a word to search). */
export const MAX_TERM_LENGTH = 32;

export interface TermSpan {
  /** The folded word. */
  readonly term: string;
  /** UTF-16 offsets of the word as written: [start, end). */
  readonly start: number;
  readonly end: number;
}

/**
 * The words of `text`, folded, with where each stands in it. Words come from the Unicode word
 * breaker (`Intl.Segmenter`), so Chinese, Japanese and Thai, written without spaces, are split
 * into words too; punctuation, spaces and emoji are not words.
 */
export function termSpans(text: string): TermSpan[] {
  if (!/[^\p{ASCII}]/u.test(text)) return asciiTermSpans(text);
  return segmentWords(text).flatMap((w) => {
    const term = foldForSearch(w.text).slice(0, MAX_TERM_LENGTH);
    return term === '' ? [] : [{ term, start: w.start, end: w.end }];
  });
}

/**
 * The word breaker's words of ASCII text, found thirty times faster by a pattern that follows its
 * rules for ASCII (UAX #29: letters and digits, joined by `.` `:` `'` between letters and by `.`
 * `,` `;` `'` between digits). Most posts are ASCII, and ingest pays for every one.
 */
const ASCII_WORD =
  /[A-Za-z0-9_]+(?:(?:(?<=[A-Za-z])[.:'](?=[A-Za-z])|(?<=[0-9])[.,;'](?=[0-9]))[A-Za-z0-9_]+)*/g;

function asciiTermSpans(text: string): TermSpan[] {
  const out: TermSpan[] = [];
  for (const match of text.matchAll(ASCII_WORD)) {
    const start = match.index;
    const word = match[0];
    out.push({
      term: word.toLowerCase().slice(0, MAX_TERM_LENGTH),
      start,
      end: start + word.length,
    });
  }
  return out;
}

/** The distinct folded words of `text`, in the order they first appear. */
export function searchTerms(text: string): string[] {
  return [...new Set(termSpans(text).map((s) => s.term))];
}

export interface SearchQuery {
  /** Words that must each appear whole. */
  readonly words: readonly string[];
  /** The word being typed: it matches any word that begins with it (null after a space). */
  readonly prefix: string | null;
}

/** What the user typed, as words to find: the last one is a prefix while it is being typed. */
export function parseQuery(input: string): SearchQuery {
  const terms = termSpans(input);
  const last = terms[terms.length - 1];
  const typing = last !== undefined && last.end === input.length;
  const words = [...new Set((typing ? terms.slice(0, -1) : terms).map((t) => t.term))];
  const prefix = typing ? last.term : null;
  return { words: prefix === null ? words : words.filter((w) => w !== prefix), prefix };
}

/** Whether a query has nothing to look for. */
export function isEmptyQuery(query: SearchQuery): boolean {
  return query.words.length === 0 && query.prefix === null;
}

/** Whether a folded word is one the query looks for (whole, or beginning with the prefix). */
export function termMatches(term: string, query: SearchQuery): boolean {
  return query.words.includes(term) || (query.prefix !== null && term.startsWith(query.prefix));
}

/**
 * Whether every word of the query is among `terms` (the distinct folded words of a text), and the
 * prefix begins one of them.
 */
export function matchesAll(terms: readonly string[], query: SearchQuery): boolean {
  if (isEmptyQuery(query)) return false;
  const set = new Set(terms);
  if (!query.words.every((w) => set.has(w))) return false;
  const prefix = query.prefix;
  return prefix === null || terms.some((t) => t.startsWith(prefix));
}

export interface HighlightPart {
  readonly text: string;
  readonly mark: boolean;
}

/** `text` cut into parts, the words the query looks for marked (for `<mark>`, never as HTML). */
export function highlight(text: string, query: SearchQuery): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let at = 0;
  for (const span of termSpans(text)) {
    if (!termMatches(span.term, query)) continue;
    if (span.start > at) parts.push({ text: text.slice(at, span.start), mark: false });
    parts.push({ text: text.slice(span.start, span.end), mark: true });
    at = span.end;
  }
  if (at < text.length) parts.push({ text: text.slice(at), mark: false });
  return parts;
}
