import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '@shared/domain';
import { parseQuery } from '@shared/text/search-terms';
import { ACCOUNT, batch, mention, person, post } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { removeAccountData } from './accounts';
import { makeDelivery } from './deliveries';
import { ingestBatch } from './ingest';
import { buildSearchIndexChunk, searchIndexBuilding } from './search-index-build';
import { searchPosts } from './search-posts';
import { storeSentReply } from './sent-replies';

let db: SlowpostDatabase;
let name = 0;

beforeEach(async () => {
  db = new SlowpostDatabase(`search-${++name}`);
  await db.accounts.add(ACCOUNT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const T = 1_700_000_100_000;

function saying(p: Post, html: string): Post {
  return { ...p, contentHtml: html };
}

async function found(text: string, hidden: ReadonlySet<string> = new Set()): Promise<string[]> {
  const result = await searchPosts(db, parseQuery(text), hidden);
  return result.conversations.flatMap((c) => c.posts.map((p) => p.id));
}

async function store(posts: Post[], at: number): Promise<void> {
  await ingestBatch(
    db,
    'acct',
    batch({
      people: [person('me', 'Me', true), person('mira', 'Mira'), person('olga', 'Olga')],
      posts,
      activity: posts
        .filter((p) => !p.isOwn)
        .map((p) =>
          mention(p.networkId, p.authorId.slice(5), p.networkId, p.threadId.slice(5), p.createdAt),
        ),
    }),
    at,
  );
}

describe('searchPosts', () => {
  it('does not find a post waiting for its delivery, and finds it once the delivery comes', async () => {
    await store([saying(post('1', 'mira', T, null), '<p>The sourdough rose at last</p>')], T + 100);
    expect(await found('sourdough')).toEqual([]);
    expect(await found('sour')).toEqual([]);
    await makeDelivery(db, { kind: 'scheduled', slot: T + 200, now: T + 200 });
    expect(await found('sourdough')).toEqual(['acct|1']);
    expect(await found('SOURD')).toEqual(['acct|1']);
  });

  it("finds the user's own reply at once, and folds case and accents", async () => {
    await store(
      [
        saying(post('1', 'mira', T, null), '<p>Rendez-vous au café</p>'),
        saying(post('2', 'me', T + 10, '1', '1'), '<p>À bientôt au Café de Flore, Mira!</p>'),
      ],
      T + 100,
    );
    expect(await found('cafe')).toEqual(['acct|2']);
    await makeDelivery(db, { kind: 'scheduled', slot: T + 200, now: T + 200 });
    const result = await searchPosts(db, parseQuery('CAFÉ'));
    expect(result.conversations).toHaveLength(1);
    // Newest first within the conversation.
    expect(result.conversations[0]?.posts.map((p) => p.id)).toEqual(['acct|2', 'acct|1']);
  });

  it('needs every word, finds Japanese and Chinese words, and groups by conversation newest first', async () => {
    await store(
      [
        saying(post('1', 'mira', T, null), '<p>東京で会議がありました</p>'),
        saying(post('2', 'olga', T + 10, null), '<p>我们明天去图书馆看书</p>'),
        saying(post('3', 'olga', T + 20, null), '<p>Garden party tomorrow</p>'),
        saying(post('4', 'mira', T + 30, '3', '3'), '<p>The garden is lovely</p>'),
      ],
      T + 100,
    );
    await makeDelivery(db, { kind: 'scheduled', slot: T + 200, now: T + 200 });
    expect(await found('会議')).toEqual(['acct|1']);
    expect(await found('明天')).toEqual(['acct|2']);
    expect(await found('garden party')).toEqual(['acct|3']);
    const result = await searchPosts(db, parseQuery('garden '));
    expect(result.conversations.map((c) => [c.threadId, c.matches])).toEqual([['acct|3', 2]]);
  });

  it('keeps up with an edited post, and leaves out the authors asked for', async () => {
    await store([saying(post('1', 'mira', T, null), '<p>bicycle repair</p>')], T + 100);
    await makeDelivery(db, { kind: 'scheduled', slot: T + 200, now: T + 200 });
    await store([saying(post('1', 'mira', T, null), '<p>bicycle sold</p>')], T + 300);
    expect(await found('repair')).toEqual([]);
    expect(await found('sold')).toEqual(['acct|1']);
    expect(await found('sold', new Set(['acct|mira']))).toEqual([]);
  });

  it('forgets the posts of a removed account', async () => {
    await store([saying(post('1', 'mira', T, null), '<p>choir practice</p>')], T + 100);
    await makeDelivery(db, { kind: 'scheduled', slot: T + 200, now: T + 200 });
    expect(await found('choir')).toEqual(['acct|1']);
    await removeAccountData(db, 'acct', T + 300);
    expect(await found('choir')).toEqual([]);
    expect(await db.searchPosts.count()).toBe(0);
  });

  it('reads on past a first batch of rows that came in together, missing none of them', async () => {
    // 400 posts of one sync (one arrival instant: one index key per word, rows in id order). All
    // say "tea"; the last 200 also say "zeppelin". The first rows of "tea" hold no "zeppelin",
    // so the search reads on, from where it stopped, within that one key.
    const posts = Array.from({ length: 400 }, (_, i) => {
      const id = `p${String(i).padStart(3, '0')}`;
      return saying(post(id, 'mira', T + i, null), i >= 200 ? '<p>tea zeppelin</p>' : '<p>tea</p>');
    });
    await store(posts, T + 1_000);
    await makeDelivery(db, { kind: 'scheduled', slot: T + 2_000, now: T + 2_000 });
    const result = await searchPosts(db, parseQuery('tea zeppelin '));
    expect(result.conversations).toHaveLength(40);
    for (const hit of result.conversations)
      expect(hit.posts.map((p) => p.contentHtml)).toEqual(['<p>tea zeppelin</p>']);
  });

  it("shows the newest conversations, the user's own replies among them by when they were written", async () => {
    // A reply the user wrote long ago, then 60 conversations in six deliveries, then a new reply:
    // all say "kettle". The 40 conversations shown are the newest; the old reply is not one.
    await storeSentReply(db, saying(post('old', 'me', T - 1_000_000, null), '<p>kettle</p>'), T);
    for (let k = 0; k < 6; k++) {
      const posts = Array.from({ length: 10 }, (_, i) => {
        const id = `c${k}${i}`;
        return saying(post(id, 'mira', T + k * 1_000 + i, null), '<p>The kettle sings</p>');
      });
      await store(posts, T + k * 1_000 + 500);
      await makeDelivery(db, {
        kind: 'scheduled',
        slot: T + k * 1_000 + 600,
        now: T + k * 1_000 + 600,
      });
    }
    await storeSentReply(
      db,
      saying(post('new', 'me', T + 9_000, null), '<p>kettle on</p>'),
      T + 9_001,
    );
    const result = await searchPosts(db, parseQuery('kettle'));
    const threads = result.conversations.map((c) => c.threadId);
    expect(threads).toHaveLength(40);
    expect(threads[0]).toBe('acct|new');
    expect(threads).not.toContain('acct|old');
    // The 39 others: all of the last three deliveries', and 9 of the one before.
    for (let k = 3; k < 6; k++)
      for (let i = 0; i < 10; i++) expect(threads).toContain(`acct|c${k}${i}`);
    expect(threads.filter((t) => t.startsWith('acct|c2'))).toHaveLength(9);
    expect(result.complete).toBe(false);
    // An old reply is found when the words ask for it.
    await storeSentReply(
      db,
      saying(post('old2', 'me', T - 2_000_000, null), '<p>kettle whistle</p>'),
      T,
    );
    expect(await found('kettle whistle')).toEqual(['acct|old2']);
  });

  it('does not trade newer matches of one word for older ones of another that begins the same', async () => {
    // "tea…" stands for "teapot" (in 60 old posts by Mira) and "teal" (in 40 newer ones by Mira,
    // and 60 newer still by Olga, whom the screener keeps out). The newest rows of "teal" are all
    // Olga's; Mira's "teal" posts must still come before her "teapot" ones.
    const saying60 = (word: string, from: number, author: string) =>
      Array.from({ length: 60 }, (_, i) =>
        saying(post(`${word}${from + i}`, author, T + from + i, null), `<p>${word}</p>`),
      );
    await store(saying60('teapot', 0, 'mira'), T + 500);
    await store(saying60('teal', 100, 'mira').slice(0, 40), T + 5_000);
    await store(saying60('teal', 200, 'olga'), T + 6_000);
    await makeDelivery(db, { kind: 'scheduled', slot: T + 7_000, now: T + 7_000 });
    const result = await searchPosts(db, parseQuery('tea'), new Set(['acct|olga']));
    const words = result.conversations.map((c) => c.posts[0]?.contentHtml);
    expect(words).toHaveLength(40);
    expect(new Set(words)).toEqual(new Set(['<p>teal</p>']));
  });

  it('finds a reply the network accepted as soon as it is stored', async () => {
    await storeSentReply(
      db,
      saying(post('9', 'me', T, null), '<p>Thanks for the tomatoes</p>'),
      T + 1,
    );
    expect(await found('tomatoes')).toEqual(['acct|9']);
  });
});

describe('building the index of a store made before it', () => {
  it('indexes every post stored before, a chunk at a time, and then has nothing left to do', async () => {
    await store(
      Array.from({ length: 7 }, (_, i) =>
        saying(post(String(i + 1), 'mira', T + i, null), `<p>letter number${i + 1}</p>`),
      ),
      T + 100,
    );
    await makeDelivery(db, { kind: 'scheduled', slot: T + 200, now: T + 200 });
    // As a store made before version 11 would be: posts, no index, a build to do.
    await db.searchPosts.clear();
    await db.searchBuild.put({ id: 'posts', after: null });
    expect(await found('letter')).toEqual([]);
    expect(await buildSearchIndexChunk(db, 3)).toBe(true);
    expect(await searchIndexBuilding(db)).toBe(true);
    while (await buildSearchIndexChunk(db, 3));
    expect(await searchIndexBuilding(db)).toBe(false);
    expect((await found('letter')).sort()).toHaveLength(7);
    expect(await found('number5')).toEqual(['acct|5']);
  });

  it('has no build to do in a store made at the latest version', async () => {
    expect(await searchIndexBuilding(db)).toBe(false);
  });
});
