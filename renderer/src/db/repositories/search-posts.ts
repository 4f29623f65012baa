import type { Post } from '@shared/domain';
import { AFTER, OTHERS, OWN, invertInstant } from '@shared/search/post-search-row';
import type { PostSearchRow } from '@shared/search/post-search-row';
import type { SearchQuery } from '@shared/text/search-terms';
import { isEmptyQuery } from '@shared/text/search-terms';
import type { SlowpostDb } from '../database';
import { releasedUpTo } from './released';

/** Rows read from the index per word at most (the newest first); a word in more posts is cut here. */
const PER_WORD = 2_000;
/** Words a prefix stands for at most (the first in alphabetical order). */
const PREFIX_TERMS = 24;
/** Rows read from the index per word a prefix stands for, at most. */
const PER_PREFIX_TERM = 400;
/** Matching posts read at most (then grouped into conversations). */
const ENOUGH_POSTS = 240;
/** Rows read at first, and how much more each further read takes (rows are read newest first). */
const FIRST_READ = 60;
const GROWTH = 4;
/** Keys counted per range to find the query's rarest word. */
const PROBE = 120;
/** Fewer keys than this shared by the probes say little about how many rows hold matches. */
const FEW_SHARED = 8;
/** Conversations a search shows at most, and matching posts shown in each. */
export const MAX_CONVERSATIONS = 40;
export const POSTS_PER_CONVERSATION = 3;

export interface ConversationHit {
  readonly threadId: string;
  /** The newest matching posts, newest first (at most POSTS_PER_CONVERSATION). */
  readonly posts: readonly Post[];
  /** How many of its posts match (of those read). */
  readonly matches: number;
  readonly newestAt: number;
}

export interface PostSearchResult {
  readonly conversations: readonly ConversationHit[];
  /** False when a word was in more posts than were read: older matches may be missing. */
  readonly complete: boolean;
}

/**
 * The rows of one word and mark in the index, newest first: keys from `lower` to `head` + AFTER,
 * each `head` (the word and mark) followed by an inverted instant.
 */
interface WordRange {
  readonly head: string;
  readonly lower: string;
  /** The user's own posts: few, so read only as far back as the others' have been. */
  readonly own: boolean;
}

/** The index ranges of one word of the query (or of the words a prefix stands for). */
interface Part {
  /** One range per word and mark. */
  readonly ranges: readonly WordRange[];
  /** Rows read from each range at most. */
  readonly cap: number;
  /** Whether the words a prefix stands for were cut (it may begin others too). */
  readonly cut: boolean;
}

/**
 * Released posts (anyone's, the user's own included) that have every word of the query, grouped
 * by conversation, newest first. Reads only the part of the index deliveries have released, so a
 * post waiting for its delivery is never read, let alone found. `hiddenAuthors`: people whose
 * posts are not to be found (kept out by the screener, unless the user asks for them).
 *
 * The index rows of the query's rarest word are read, newest first, a growing batch at a time
 * (each row has all its post's words, so the other words are checked on the row itself), until
 * they hold MAX_CONVERSATIONS conversations or ENOUGH_POSTS matches, or the word has no more.
 * Other people's posts set the pace; the user's own (about one post in a hundred) are read only
 * as far back as theirs have been, and the two are taken together newest first.
 */
export async function searchPosts(
  db: SlowpostDb,
  query: SearchQuery,
  hiddenAuthors: ReadonlySet<string> = new Set(),
): Promise<PostSearchResult> {
  if (isEmptyQuery(query)) return { conversations: [], complete: true };
  const terms = query.prefix === null ? [] : await termsBeginning(db, query.prefix);
  if (query.prefix !== null && terms.length === 0) return { conversations: [], complete: true };
  // One read-only transaction for the rest of its reads: a transaction of each read's own costs
  // a round trip to the browser's storage each, and a search makes a dozen reads. (The scope is
  // an async function so that Dexie keeps the transaction across its awaits.)
  return db.transaction('r', [db.deliveries, db.searchPosts, db.posts], async () =>
    searchInTransaction(db, query, terms, hiddenAuthors),
  );
}

/** {@link searchPosts}, once the words the prefix stands for are known. */
async function searchInTransaction(
  db: SlowpostDb,
  query: SearchQuery,
  prefixTerms: readonly string[],
  hiddenAuthors: ReadonlySet<string>,
): Promise<PostSearchResult> {
  const upTo = await releasedUpTo(db);
  const released = invertInstant(upTo);
  const parts: Part[] = query.words.map((word) => ({
    ranges: rangesOf(word, released),
    cap: PER_WORD,
    cut: false,
  }));
  if (query.prefix !== null) {
    parts.push({
      ranges: prefixTerms.flatMap((term) => rangesOf(term, released)),
      cap: PER_PREFIX_TERM,
      cut: prefixTerms.length >= PREFIX_TERMS,
    });
  }
  const driver = await rarest(db, parts);
  // Only the driver's words were looked up: the rest are checked on its rows.
  const check = parts.length > 1;
  let limit = Math.min(driver.part.cap, driver.first);
  const reads = driver.part.ranges.map(startRead);
  const paced = reads.filter((read) => !read.range.own);
  const own = reads.filter((read) => read.range.own);
  for (;;) {
    await Promise.all(paced.map((read) => readMore(db, read, limit, null)));
    // How far back every other people's range has been read (null: each is read whole).
    const reached = depthReadByAll(paced);
    await Promise.all(
      own.map((read) =>
        reached === null
          ? readMore(db, read, limit, null)
          : readMore(db, read, driver.part.cap, reached),
      ),
    );
    const more = reads.some((read) => !read.done);
    const last = !more || limit >= driver.part.cap;
    // Until the last read, only rows down to where every range has been read are taken: older
    // ones may have newer matches still unread in another range.
    const takeTo = last ? null : depthReadByAll(reads);
    const confirmed: PostSearchRow[] = [];
    const threads = new Set<string>();
    const seen = new Set<string>();
    let enough = false;
    for (const { row, at } of newestFirst(reads)) {
      if (takeTo !== null && at > takeTo) break;
      if (seen.has(row.id)) continue;
      seen.add(row.id);
      if (hiddenAuthors.has(row.authorId) || (check && !hasEveryWord(row, query))) continue;
      confirmed.push(row);
      threads.add(row.threadId);
      if (threads.size >= MAX_CONVERSATIONS || confirmed.length >= ENOUGH_POSTS) {
        enough = true;
        break;
      }
    }
    if (enough || last) {
      return {
        conversations: await groupByConversation(db, confirmed),
        complete: !enough && !more && !parts.some((p) => p.cut),
      };
    }
    // More rows, as many as should hold the conversations still missing.
    limit = Math.min(
      driver.part.cap,
      Math.max(limit * 2, rowsFor(limit, threads.size, MAX_CONVERSATIONS)),
    );
  }
}

/** The ranges of one word: other people's released posts, and the user's own. */
function rangesOf(term: string, released: string): WordRange[] {
  return [
    { head: term + OTHERS, lower: term + OTHERS + released, own: false },
    { head: term + OWN, lower: term + OWN, own: true },
  ];
}

/**
 * The part of the query in the fewest posts (counted by key only, up to PROBE a range), and how
 * many of its rows to read first: all of them when it is that small; else as many as should hold
 * MAX_CONVERSATIONS matches, judged by how many of its first keys the other parts' keys share.
 */
async function rarest(
  db: SlowpostDb,
  parts: readonly Part[],
): Promise<{ part: Part; first: number }> {
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return { part: only, first: FIRST_READ };
  const probes = await Promise.all(
    parts.map(async (part) => ({
      part,
      lists: await Promise.all(part.ranges.map((r) => firstKeys(db, r, PROBE))),
    })),
  );
  const total = (lists: readonly (readonly string[])[]) =>
    lists.reduce((sum, list) => sum + list.length, 0);
  const best = probes.reduce((a, b) => (total(b.lists) < total(a.lists) ? b : a));
  // A range the probe found empty has nothing to read (the probe is in the same transaction).
  const part = { ...best.part, ranges: best.part.ranges.filter((_, i) => best.lists[i]?.length) };
  const largest = Math.max(0, ...best.lists.map((list) => list.length));
  if (largest < PROBE) return { part, first: largest + 1 };
  const others = probes.filter((p) => p !== best).map((p) => new Set(p.lists.flat()));
  const ids = best.lists.flat();
  const shared = ids.filter((id) => others.every((set) => set.has(id))).length;
  // Few shared: the others' newest keys span less time than the rarest's, and its matches are
  // further apart than they can tell; the rows its keys were counted from come first.
  const first = shared < FEW_SHARED ? PROBE : rowsFor(ids.length, shared, MAX_CONVERSATIONS);
  return { part, first };
}

/** Rows to read to find `wanted` matches, when `found` were among `read` (with some room). */
function rowsFor(read: number, found: number, wanted: number): number {
  if (found === 0) return read * GROWTH;
  return Math.max(FIRST_READ, Math.ceil(((read * wanted) / found) * 1.25));
}

/** The ids of a range's first `most` keys. */
function firstKeys(db: SlowpostDb, range: WordRange, most: number): Promise<string[]> {
  return db.searchPosts
    .where('keys')
    .between(range.lower, range.head + AFTER, true, true)
    .limit(most)
    .primaryKeys();
}

/** One range of the index, read newest first a batch at a time. */
interface RangeRead {
  readonly range: WordRange;
  /** The rows read so far, in index order, each with the inverted instant it is keyed by. */
  readonly rows: KeyedRow[];
  /** The index key of the last row read, and how many rows read so far have that key. */
  last: { key: string; count: number } | null;
  /** The inverted instant down to which every row of the range has been read. */
  reached: string | null;
  /** The range has no more rows. */
  done: boolean;
}

/** An index row, and the inverted instant of the key that put it in the range it was read from. */
interface KeyedRow {
  readonly row: PostSearchRow;
  readonly at: string;
}

function startRead(range: WordRange): RangeRead {
  return { range, rows: [], last: null, reached: null, done: false };
}

/**
 * Reads `range` on to its first `limit` rows, and no further back than the inverted instant
 * `downTo` (null: as far as `limit` goes): from where the last read stopped, not from the start
 * again. Rows sharing one key (posts that came in one batch) are in the index by id, so the read
 * starts at the last key and leaves out the rows of that key it already has.
 */
async function readMore(
  db: SlowpostDb,
  read: RangeRead,
  limit: number,
  downTo: string | null,
): Promise<void> {
  const wanted = limit - read.rows.length;
  if (read.done || wanted <= 0) return;
  if (downTo !== null && read.reached !== null && read.reached >= downTo) return;
  const lower = read.last?.key ?? read.range.lower;
  const upper = downTo === null ? read.range.head + AFTER : read.range.head + downTo;
  const again = read.last?.count ?? 0;
  const rows = await db.searchPosts
    .where('keys')
    .between(lower, upper, true, true)
    .limit(again + wanted)
    .toArray();
  const fresh = rows.slice(again);
  for (const row of fresh) {
    const key = keyWithin(row, read.range);
    read.last =
      read.last !== null && read.last.key === key
        ? { key, count: read.last.count + 1 }
        : { key, count: 1 };
    read.rows.push({ row, at: key.slice(read.range.head.length) });
  }
  if (fresh.length < wanted) {
    if (downTo === null) read.done = true;
    else read.reached = downTo;
  } else {
    read.reached = read.rows[read.rows.length - 1]?.at ?? null;
  }
}

/**
 * The inverted instant down to which all of `reads` have been read: the least deep of those with
 * more rows (null when none has).
 */
function depthReadByAll(reads: readonly RangeRead[]): string | null {
  let shared: string | null = null;
  for (const read of reads) {
    if (read.done || read.reached === null) continue;
    if (shared === null || read.reached < shared) shared = read.reached;
  }
  return shared;
}

/** The rows read from every range, newest first by the instant they are keyed by. */
function newestFirst(reads: readonly RangeRead[]): KeyedRow[] {
  const all = reads.flatMap((read) => read.rows);
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** The one key of `row` that put it in `range` (each range is one word, one mark). */
function keyWithin(row: PostSearchRow, range: WordRange): string {
  const upper = range.head + AFTER;
  const key = row.keys.find((k) => k >= range.lower && k <= upper);
  if (key === undefined) throw new Error(`search: a row read from a range has no key in it`);
  return key;
}

/** The words in the index that begin with `prefix` (at most PREFIX_TERMS), one step each. */
async function termsBeginning(db: SlowpostDb, prefix: string): Promise<string[]> {
  const idb = db.backendDB();
  const index = idb.transaction('searchPosts', 'readonly').objectStore('searchPosts').index('keys');
  return new Promise<string[]>((resolve, reject) => {
    const terms: string[] = [];
    const request = index.openKeyCursor(IDBKeyRange.bound(prefix, prefix + AFTER));
    request.onerror = () => reject(new Error(String(request.error)));
    request.onsuccess = () => {
      const cursor = request.result;
      if (cursor === null || terms.length >= PREFIX_TERMS) {
        resolve(terms);
        return;
      }
      const term = termOf(cursor.key as string);
      terms.push(term);
      // Past every key of this word: '\u0003' sorts after both marks and before any letter.
      cursor.continue(`${term}\u0003`);
    };
  });
}

/** The word of an index key (the key less its mark and 13-digit instant). */
function termOf(key: string): string {
  return key.slice(0, -14);
}

function hasEveryWord(row: PostSearchRow, query: SearchQuery): boolean {
  const terms = row.keys.map(termOf);
  if (!query.words.every((w) => terms.includes(w))) return false;
  const prefix = query.prefix;
  return prefix === null || terms.some((t) => t.startsWith(prefix));
}

async function groupByConversation(
  db: SlowpostDb,
  rows: readonly PostSearchRow[],
): Promise<ConversationHit[]> {
  const byThread = new Map<string, PostSearchRow[]>();
  for (const row of [...rows].sort((a, b) => b.createdAt - a.createdAt)) {
    const list = byThread.get(row.threadId);
    if (list === undefined) byThread.set(row.threadId, [row]);
    else list.push(row);
  }
  const groups = [...byThread.values()].slice(0, MAX_CONVERSATIONS);
  const shownIds = groups.flatMap((g) => g.slice(0, POSTS_PER_CONVERSATION).map((r) => r.id));
  const posts = new Map<string, Post>();
  for (const post of await db.posts.bulkGet(shownIds))
    if (post !== undefined) posts.set(post.id, post);
  return groups.flatMap((group) => {
    const first = group[0];
    if (first === undefined) return [];
    const shown = group.slice(0, POSTS_PER_CONVERSATION).flatMap((row) => posts.get(row.id) ?? []);
    return [
      { threadId: first.threadId, posts: shown, matches: group.length, newestAt: first.createdAt },
    ];
  });
}
