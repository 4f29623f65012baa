import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '@shared/domain';
import { mulberry32 } from '@shared/demo/prng';
import { postSearchText } from '@shared/search/post-search-row';
import { matchesAll, parseQuery, searchTerms } from '@shared/text/search-terms';
import { ACCOUNT, batch, mention, person, post } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { makeDelivery } from './deliveries';
import { ingestBatch } from './ingest';
import { MAX_CONVERSATIONS, POSTS_PER_CONVERSATION, searchPosts } from './search-posts';

/** Budget per test: fake IndexedDB on a busy 2-core machine is slow. */
const HEAVY_TEST_MS = 120_000;

/**
 * A query reads only the rows of its rarest word and checks the others on them, stopping once it
 * has enough. Whatever it reads, it must find exactly what a brute-force look at every stored
 * post finds: these tests store random posts (common and rare words, the user's own among
 * them, some still waiting for their delivery) and compare.
 */

let db: SlowpostDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlowpostDatabase(`search-property-${++n}`);
  await db.accounts.add(ACCOUNT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const T = 1_700_000_000_000;
/** Matches a search reads at most (see `search-posts.ts`). */
const ENOUGH = 240;
const AUTHORS = ['me', 'mira', 'olga', 'tom'];
/** Common words first (most posts have some), then rarer ones; several share a beginning. */
const WORDS = ['garden', 'gate', 'tea', 'team', 'river', 'garlic', 'café', 'zeppelin', 'rise'];

interface Stored {
  readonly post: Post;
  readonly released: boolean;
}

function randomPosts(random: () => number, count: number, first: number): Post[] {
  const pick = (k: number) => Math.floor(random() * k);
  return Array.from({ length: count }, (_, i) => {
    const id = String(first + i);
    const author = AUTHORS[pick(AUTHORS.length)] ?? 'mira';
    // Some long conversations, many of one post.
    const root = `r${pick(random() < 0.5 ? 40 : 400)}`;
    // Skewed: the first words are in most posts, the last in few.
    const words = Array.from(
      { length: 1 + pick(4) },
      () => WORDS[Math.floor(random() ** 2 * WORDS.length)] ?? 'tea',
    );
    return {
      ...post(id, author, T + (first + i) * 1000, root === `r${id}` ? null : root, root),
      contentHtml: `<p>${words.join(' ')}</p>`,
    };
  });
}

async function store(posts: readonly Post[], at: number): Promise<void> {
  for (const p of posts) arrivals.set(p.id, at);
  await ingestBatch(
    db,
    'acct',
    batch({
      people: AUTHORS.map((a) => person(a, a, a === 'me')),
      posts: [...posts],
      activity: posts
        .filter((p) => !p.isOwn)
        .map((p) =>
          mention(p.networkId, p.authorId.slice(5), p.networkId, p.threadId.slice(5), p.createdAt),
        ),
    }),
    at,
  );
}

/** When a post may first be found: the user's own when written, others' when they arrived. */
function instant(p: Post): number {
  return p.isOwn ? p.createdAt : (arrivals.get(p.id) ?? Number.NaN);
}
const arrivals = new Map<string, number>();

function randomQuery(random: () => number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const words = Array.from({ length: Math.floor(random() * 3) }, () => pick(WORDS));
  // A word being typed: a beginning of one, or none (the text ends with a space).
  const typing = random() < 0.6 ? pick(WORDS).slice(0, 1 + Math.floor(random() * 4)) : '';
  const text = `${words.join(' ')} ${typing}`;
  return text.trim() === '' ? pick(WORDS) : text;
}

describe('searchPosts against every stored post', () => {
  it(
    'finds the newest released posts with every word, grouped as a look at all of them would',
    async () => {
      for (let run = 0; run < 6; run++) {
        const random = mulberry32(1000 + run);
        const stored: Stored[] = [];
        if (run > 0) {
          db.close();
          await db.delete();
          db = new SlowpostDatabase(`search-property-${++n}`);
          await db.accounts.add(ACCOUNT);
        }
        // Delivered history, then posts still waiting (the user's own are found at once).
        const older = randomPosts(random, 160 + Math.floor(random() * 200), 0);
        // In several syncs, so that a word's rows are spread over several arrival instants.
        for (let from = 0, k = 0; from < older.length; k++) {
          const to = from + 1 + Math.floor(random() * 80);
          await store(older.slice(from, to), T + 1_000_000 + k * 10_000);
          from = to;
        }
        await makeDelivery(db, { kind: 'scheduled', slot: T + 2_000_000, now: T + 2_000_000 });
        const waiting = randomPosts(random, 40, 10_000);
        await store(waiting, T + 3_000_000);
        for (const p of older) stored.push({ post: p, released: true });
        for (const p of waiting) stored.push({ post: p, released: p.isOwn });
        const hidden = new Set(random() < 0.5 ? ['acct|olga'] : []);
        for (let q = 0; q < 12; q++) {
          const text = randomQuery(random);
          const query = parseQuery(text);
          const expected = stored.filter(
            (s) =>
              s.released &&
              !hidden.has(s.post.authorId) &&
              matchesAll(searchTerms(postSearchText(s.post)), query),
          );
          const result = await searchPosts(db, query, hidden);
          const foundIds = result.conversations.flatMap((c) => c.posts.map((p) => p.id));
          const expectedIds = new Set(expected.map((s) => s.post.id));
          // Never a post without every word, unreleased, or by someone hidden.
          for (const id of foundIds) expect(expectedIds, `${text}: ${id}`).toContain(id);
          const threads = new Set(expected.map((s) => s.post.threadId));
          for (const c of result.conversations) {
            expect(c.posts.length).toBeLessThanOrEqual(POSTS_PER_CONVERSATION);
            expect(c.posts.every((p) => p.threadId === c.threadId)).toBe(true);
          }
          if (threads.size < MAX_CONVERSATIONS && expected.length < ENOUGH) {
            // Few enough to read whole: exactly the conversations, newest first, each with
            // its newest matches and how many there are.
            const byThread = new Map<string, Post[]>();
            for (const s of [...expected].sort((a, b) => b.post.createdAt - a.post.createdAt)) {
              byThread.set(s.post.threadId, [...(byThread.get(s.post.threadId) ?? []), s.post]);
            }
            expect(
              result.conversations.map((c) => [c.threadId, c.matches, c.posts.map((p) => p.id)]),
              text,
            ).toEqual(
              [...byThread].map(([threadId, posts]) => [
                threadId,
                posts.length,
                posts.slice(0, POSTS_PER_CONVERSATION).map((p) => p.id),
              ]),
            );
            expect(result.complete, text).toBe(true);
          } else if (expected.length < ENOUGH) {
            expect(result.conversations, text).toHaveLength(MAX_CONVERSATIONS);
          }
          // Cut short, it shows the newest: a match newer than every post it shows (others' by
          // when they arrived, the user's own by when they were written) is in a conversation
          // it shows.
          const shown = new Set(result.conversations.map((c) => c.threadId));
          const oldestShown = Math.min(
            ...result.conversations.flatMap((c) => c.posts.map((p) => instant(p))),
          );
          for (const s of expected)
            if (instant(s.post) > oldestShown)
              expect(shown, `${text}: ${s.post.id}`).toContain(s.post.threadId);
        }
      }
    },
    HEAVY_TEST_MS,
  );
});
