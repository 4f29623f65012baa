import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person, Post, Thread } from '@shared/domain';
import { mulberry32 } from '@shared/demo/prng';
import { htmlToPlainText } from '@shared/text/html-to-text';
import { participantsLabel, snippetOf } from '@shared/threads/thread-labels';
import {
  ACCOUNT,
  batch,
  mention,
  miraMentionsMe,
  person,
  post,
} from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { makeDelivery } from './deliveries';
import { ingestBatch } from './ingest';
import { isReleased, releasedUpTo } from './released';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

/**
 * Ingest and deliveries summarise threads from one read per thread, merged with the batch in
 * memory; ingest reads only the threads a batch can change, and unchanged writes are skipped.
 * These tests replay random histories and check every step against the original algorithm: after
 * the step, re-read *all* posts of *every* thread and rebuild its summary from scratch (a thread
 * with nothing released keeps what it had). Ingest's skipping is sound only if this holds for
 * every thread after every step, not just the ones a step touched.
 */

let db: SlowpostDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlowpostDatabase(`summaries-${++n}`);
  await db.accounts.add(ACCOUNT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The original summariser, kept as the oracle: every post of each thread, read again. */
async function fullRecompute(
  before: ReadonlyMap<string, Thread>,
  threadIds: readonly string[],
): Promise<Map<string, Thread>> {
  const upTo = await releasedUpTo(db);
  const expected = new Map(before);
  const posts = await db.posts
    .where('threadId')
    .anyOf([...threadIds])
    .toArray();
  const people = await db.people.bulkGet([...new Set(posts.map((p) => p.authorId))]);
  const peopleById = new Map<string, Person>();
  for (const p of people) if (p !== undefined) peopleById.set(p.id, p);
  for (const threadId of threadIds) {
    const visible = posts
      .filter((p) => p.threadId === threadId && isReleased(p, upTo))
      .sort((a, b) => a.createdAt - b.createdAt);
    const first = visible[0];
    const last = visible[visible.length - 1];
    if (first === undefined || last === undefined) continue;
    const root = visible.find((p) => p.id === threadId) ?? first;
    const participantIds = [...new Set(visible.map((p) => p.authorId))];
    expected.set(threadId, {
      id: threadId,
      accountId: root.accountId,
      rootPostId: root.id,
      subject: snippetOf(htmlToPlainText(root.contentHtml), 140),
      participantIds,
      participantsLabel: participantsLabel(participantIds.map((id) => peopleById.get(id))),
      lastSnippet: snippetOf(htmlToPlainText(last.contentHtml), 160),
      isDirect: root.visibility === 'direct',
      lastActivityAt: last.createdAt,
      lastPostId: last.id,
      triage: before.get(threadId)?.triage ?? 'open',
      triagedAt: before.get(threadId)?.triagedAt ?? null,
    });
  }
  return expected;
}

async function threadsNow(): Promise<Map<string, Thread>> {
  return new Map((await db.threads.toArray()).map((t) => [t.id, t]));
}

const T = 1_700_000_000_000;
const NAMES = ['me', 'mira', 'tom', 'yuki', 'kai'];
const ROOTS = ['r1', 'r2', 'r3', 'r4'];

/** A random history: batches (new posts, edits, own posts, posts with no activity, renames,
 * duplicates, posts moving thread) and deliveries, with ties in time. */
async function replay(seed: number): Promise<number> {
  const random = mulberry32(seed);
  const pick = <V>(list: readonly V[]): V => list[Math.floor(random() * list.length)] as V;
  const stored: Post[] = [];
  let now = T + 10_000;
  let slot = T;
  let counter = 0;
  let checks = 0;
  for (let step = 0; step < 14; step++) {
    now += 1 + Math.floor(random() * 5) * 1000;
    if (random() < 0.3) {
      slot = random() < 0.8 ? now - 1 : now + 2000; // sometimes releases what arrives later
      const before = await threadsNow();
      await makeDelivery(db, { kind: 'early', slot, now: slot });
      expect(await threadsNow()).toEqual(await fullRecompute(before, await allThreadIds()));
      checks += 1;
      continue;
    }
    const posts: Post[] = [];
    const activity: ReturnType<typeof mention>[] = [];
    const size = 1 + Math.floor(random() * 5);
    for (let i = 0; i < size; i++) {
      const roll = random();
      const createdAt = T + Math.floor(random() * 6) * 100; // ties on purpose
      if (roll < 0.2 && stored.length > 0) {
        // seen again: same post, maybe edited, maybe later, rarely moved to another thread
        const old = pick(stored);
        const root = random() < 0.1 ? pick(ROOTS) : old.threadId.slice(5);
        posts.push({
          ...post(
            old.networkId,
            old.authorId.slice(5),
            random() < 0.5 ? old.createdAt : createdAt,
            null,
            root,
          ),
          contentHtml: random() < 0.5 ? old.contentHtml : `<p>Edited ${counter++}</p>`,
        });
      } else {
        const id = roll < 0.35 ? pick(ROOTS) : `p${counter++}`;
        const author = pick(NAMES);
        const root = ROOTS.includes(id) ? id : pick(ROOTS);
        posts.push({
          ...post(id, author, createdAt, null, root),
          visibility: random() < 0.2 ? 'direct' : 'public',
        });
        if (random() < 0.7) activity.push(mention(`${counter++}`, author, id, root, createdAt));
      }
      if (random() < 0.1) posts.push(posts[posts.length - 1] as Post); // duplicate in a batch
    }
    const people = NAMES.filter(() => random() < 0.5).map((name) =>
      person(name, random() < 0.3 ? `${name} ${counter++}` : name, name === 'me'),
    );
    const before = await threadsNow();
    await ingestBatch(db, 'acct', batch({ people, posts, activity }), now);
    for (const p of posts) {
      const at = stored.findIndex((s) => s.id === p.id);
      if (at >= 0) stored.splice(at, 1);
      stored.push(p);
    }
    expect(await threadsNow()).toEqual(await fullRecompute(before, await allThreadIds()));
    checks += 1;
    if (random() < 0.2) {
      const some = await db.threads.toCollection().first();
      if (some) await db.threads.update(some.id, { triage: 'later', triagedAt: now });
    }
  }
  return checks;
}

/** Every thread with a stored post: each one's summary must be a full recompute's, always. */
async function allThreadIds(): Promise<string[]> {
  return [...new Set((await db.posts.toArray()).map((p) => p.threadId))];
}

describe('thread summaries', { timeout: HEAVY_TEST_MS }, () => {
  it('equal a full recompute after every ingest and delivery (random histories)', async () => {
    let checks = 0;
    for (let seed = 1; seed <= 25; seed++) {
      await db.delete();
      await db.open();
      await db.accounts.add(ACCOUNT);
      checks += await replay(seed);
    }
    expect(checks).toBeGreaterThan(300);
  });

  it('ingest summarises from the batch and the stored posts together', async () => {
    await ingestBatch(db, 'acct', miraMentionsMe(T), T + 1);
    await makeDelivery(db, { kind: 'scheduled', slot: T + 2, now: T + 2 });
    // Own posts show at once; the same instant as Mira's sorts by id.
    await ingestBatch(
      db,
      'acct',
      batch({ posts: [post('0', 'me', T, '1', '1'), post('2', 'me', T + 5, '1', '1')] }),
      T + 10,
    );
    expect(await db.threads.get('acct|1')).toMatchObject({
      rootPostId: 'acct|1',
      participantIds: ['acct|me', 'acct|mira'],
      participantsLabel: 'Mira and you',
      lastPostId: 'acct|2',
      lastActivityAt: T + 5,
    });
  });
});
