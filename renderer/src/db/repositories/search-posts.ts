import type { Post } from '../../../../shared/domain';
import { AFTER, OTHERS, OWN, invertInstant } from '../../../../shared/search/post-search-row';
import type { PostSearchRow } from '../../../../shared/search/post-search-row';
import type { SearchQuery } from '../../../../shared/text/search-terms';
import { isEmptyQuery } from '../../../../shared/text/search-terms';
import type { SlowpostDb } from '../database';
import { releasedUpTo } from './released';

/** Posts read from the index per word (the newest first); a word in more posts is cut here. */
const PER_WORD = 2_000;
/** Words a prefix stands for at most (the first in alphabetical order). */
const PREFIX_TERMS = 24;
/** Posts read from the index per word a prefix stands for. */
const PER_PREFIX_TERM = 400;
/** Matching posts read at most (then grouped into conversations), and rows read at a time. */
const ENOUGH_POSTS = 240;
const ROW_BATCH = 240;
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

interface Candidates {
  /** Ids, newest first within each word. */
  readonly ids: readonly string[];
  readonly complete: boolean;
}

/**
 * Released posts (anyone's, the user's own included) that have every word of the query, grouped
 * by conversation, newest first. Reads only the part of the index deliveries have released, so a
 * post waiting for its delivery is never read, let alone found. `hiddenAuthors`: people whose
 * posts are not to be found (kept out by the screener, unless the user asks for them).
 */
export async function searchPosts(
  db: SlowpostDb,
  query: SearchQuery,
  hiddenAuthors: ReadonlySet<string> = new Set(),
): Promise<PostSearchResult> {
  if (isEmptyQuery(query)) return { conversations: [], complete: true };
  const upTo = await releasedUpTo(db);
  const prefixTerms = query.prefix === null ? [] : await termsBeginning(db, query.prefix);
  const parts = await Promise.all([
    ...query.words.map((word) => candidatesFor(db, [word], upTo, PER_WORD)),
    ...(query.prefix === null ? [] : [candidatesFor(db, prefixTerms, upTo, PER_PREFIX_TERM)]),
  ]);
  // A prefix that begins more words than were read may miss posts with the others.
  if (prefixTerms.length >= PREFIX_TERMS)
    parts.push({ ids: parts.pop()?.ids ?? [], complete: false });
  const complete = parts.every((p) => p.complete);
  // The fewest candidates first: every other part only confirms them.
  parts.sort((a, b) => a.ids.length - b.ids.length);
  const [base, ...others] = parts;
  if (base === undefined) return { conversations: [], complete };
  const sets = others.map((p) => ({ ids: new Set(p.ids), complete: p.complete }));
  // Posts in every list read are matches for sure; when a word was in more posts than were read
  // and these are too few, the other candidates are confirmed by their own words.
  const inAll = base.ids.filter((id) => sets.every((set) => set.ids.has(id)));
  const cut = inAll.length < ENOUGH_POSTS && sets.some((set) => !set.complete);
  const ids = cut
    ? base.ids.filter((id) => sets.every((set) => !set.complete || set.ids.has(id)))
    : inAll;
  // Rows are read a batch at a time until enough are found: a search shows the newest.
  const confirmed: PostSearchRow[] = [];
  let read = 0;
  while (read < ids.length && confirmed.length < ENOUGH_POSTS) {
    const rows = await db.searchPosts.bulkGet(ids.slice(read, read + ROW_BATCH));
    read += ROW_BATCH;
    for (const row of rows) {
      if (row === undefined || hiddenAuthors.has(row.authorId)) continue;
      if (!cut || hasEveryWord(row, query)) confirmed.push(row);
    }
  }
  return {
    conversations: await groupByConversation(db, confirmed),
    complete: complete && read >= ids.length,
  };
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

/** Released posts with any of `terms`, newest first for each. */
async function candidatesFor(
  db: SlowpostDb,
  terms: readonly string[],
  upTo: number,
  perTerm: number,
): Promise<Candidates> {
  const released = invertInstant(upTo);
  const lists = await Promise.all(
    terms.flatMap((term) => [
      db.searchPosts
        .where('keys')
        .between(term + OTHERS + released, term + OTHERS + AFTER, true, true)
        .limit(perTerm)
        .primaryKeys(),
      db.searchPosts
        .where('keys')
        .between(term + OWN, term + OWN + AFTER, true, true)
        .limit(perTerm)
        .primaryKeys(),
    ]),
  );
  return {
    ids: [...new Set(interleave(lists))],
    complete: lists.every((list) => list.length < perTerm),
  };
}

/** The lists' items taken in turn (each list is newest first): the newest of each come first. */
function interleave<T>(lists: readonly (readonly T[])[]): T[] {
  const out: T[] = [];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) {
    for (const list of lists) {
      const item = list[i];
      if (item !== undefined) out.push(item);
    }
  }
  return out;
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
