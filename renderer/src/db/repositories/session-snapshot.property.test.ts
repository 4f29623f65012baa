import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post, Screening, Thread } from '@shared/domain';
import { mulberry32 } from '@shared/demo/prng';
import { asDelivered, isHandled } from '@shared/session/left-untouched';
import {
  BroughtBack,
  conversationQuote,
  sessionFromRecords,
  storedScreening,
} from '@shared/session';
import {
  ACCOUNT,
  batch,
  mention,
  miraMentionsMe,
  person,
  post,
} from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { closeOpenDeliveries, makeDelivery } from './deliveries';
import { ingestBatch } from './ingest';
import { loadOpenSessionState } from './session-state';
import { setScreening, setThreadTriage } from './triage-actions';
import { loadSessionData, loadSessionDataFromRecords } from './session-data';
import type { SessionData } from './session-data';
import { writeSessionSnapshot } from './session-snapshot';
import { SNAPSHOT_HEAD_ID } from './session-snapshot-records';
import {
  firstScreenOf,
  loadSessionView,
  makeSessionSnapshot,
  refreshSessionView,
} from './session-view';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 120_000;

/**
 * The session snapshot is one record a cold open reads instead of thousands. It must never
 * disagree with the records it was made from: these tests replay random histories (syncs with
 * new posts, edits, renames and the user's own replies, some to posts that arrive later; accounts
 * synced, added and removed; deliveries; triage; screening; closing the inbox) and, after every
 * step, compare the session read through the snapshot with the session read from the records
 * alone, who the user talks with included.
 */

let db: SlowpostDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlowpostDatabase(`snapshot-${++n}`);
  await db.accounts.add(ACCOUNT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const T = 1_700_000_000_000;
/** A second account, of another user on the same server. */
const OTHER = { ...ACCOUNT, id: 'acct2', handle: '@other@example.social', networkUserId: '9' };
const NAMES = ['me', 'mira', 'tom', 'yuki', 'kai', 'ola'];
const ROOTS = ['r1', 'r2', 'r3', 'r4', 'r5'];

/** Everything but the snapshot's own (its threads: the records' read leaves them to the caller). */
function withoutThreads(
  data: SessionData,
): Omit<SessionData, 'threads' | 'delivered' | 'snapshotVersion'> {
  const { threads: _threads, delivered: _delivered, snapshotVersion: _version, ...rest } = data;
  return rest;
}

interface Counts {
  checks: number;
  fromSnapshot: number;
  fromView: number;
}

async function check(counts: Counts): Promise<void> {
  const viaSnapshot = await loadSessionData(db);
  const fromRecords = await loadSessionDataFromRecords(db);
  expect(withoutThreads(viaSnapshot)).toEqual(withoutThreads(fromRecords));
  counts.checks += 1;
  // The first view's record, when it serves, is the session the records make.
  const { view } = await loadSessionView(db);
  if (view !== null) {
    counts.fromView += 1;
    const session = sessionFromRecords(fromRecords, {
      hideDigest: false,
      screeningCache: storedScreening(),
    });
    expect(view.session).toEqual(session);
    const posts = new Map(fromRecords.posts.map((p) => [p.id, p]));
    const threads = new Map(view.threads.map((t) => [t.id, t]));
    expect(view.quotes).toEqual(
      session.conversations.map((c) => [
        c.threadId,
        conversationQuote(c, posts, threads.get(c.threadId)),
      ]),
    );
    expect(view.broughtBack).toEqual(new BroughtBack(fromRecords).entries());
  }
  // Its first screen's record serves exactly when it does, and is its first screen.
  const first = (await loadSessionView(db, 'first')).view;
  expect(first).toEqual(view === null ? null : firstScreenOf(view));
  if (viaSnapshot.threads === null) return;
  counts.fromSnapshot += 1;
  // The session built from either is the same session.
  const options = { hideDigest: false, screeningCache: storedScreening() };
  expect(sessionFromRecords(viaSnapshot, options)).toEqual(
    sessionFromRecords(fromRecords, options),
  );
  // The snapshot's threads, with triage since the session began laid over them (as the page
  // does), say the same of every conversation as the threads in the store.
  const state = await loadOpenSessionState(db);
  if (state === null) return;
  const overlay = new Map<string, Thread>(state.triagedSince.map((t) => [t.id, t]));
  const live = new Map((await db.threads.toArray()).map((t) => [t.id, t]));
  for (const thread of viaSnapshot.threads) {
    const seen = overlay.get(thread.id) ?? asDelivered(thread, state.since);
    const stored = live.get(thread.id);
    expect(isHandled(seen, state.since)).toBe(isHandled(stored, state.since));
    expect(seen.triage === 'muted' && (seen.triagedAt ?? 0) < state.since).toBe(
      stored?.triage === 'muted' && (stored.triagedAt ?? 0) < state.since,
    );
  }
}

async function replay(seed: number, counts: Counts): Promise<void> {
  const random = mulberry32(seed);
  const pick = <V>(list: readonly V[]): V => list[Math.floor(random() * list.length)] as V;
  const stored: Post[] = [];
  /** Posts the user answered before they were stored (they arrive later, or never). */
  const answeredUnseen: string[] = [];
  let now = T + 10_000;
  let counter = 0;
  for (let step = 0; step < 24; step++) {
    now += 1000 + Math.floor(random() * 5) * 1000;
    const roll = random();
    if (roll < 0.2) {
      await makeDelivery(db, { kind: 'early', slot: now, now });
    } else if (roll < 0.27) {
      await closeOpenDeliveries(db, now);
    } else if (roll < 0.37) {
      const threads = await db.threads.toArray();
      if (threads.length > 0) {
        const triage = pick(['done', 'later', 'muted', 'open'] as const);
        await setThreadTriage(db, pick(threads).id, triage, now);
      }
    } else if (roll < 0.45) {
      const screening = pick<Screening>(['let-in', 'kept-out', 'unknown']);
      await setScreening(db, `acct|${pick(NAMES.slice(1))}`, screening);
    } else if (roll < 0.52) {
      await makeSessionSnapshot(db); // what an open that found no snapshot does
    } else if (roll < 0.56) {
      await refreshSessionView(db); // what an open that found no first view does
    } else if (roll < 0.61) {
      const accountRoll = random();
      if (accountRoll < 0.6) {
        // What every sync writes: the account's state (its selves are as they were).
        await db.accounts.update(ACCOUNT.id, { lastSyncedAt: now, syncCursor: `c${counter++}` });
      } else if ((await db.accounts.get(OTHER.id)) === undefined) {
        await db.accounts.add({ ...OTHER, addedAt: now });
      } else {
        await db.accounts.delete(OTHER.id);
      }
    } else {
      const posts: Post[] = [];
      const activity: ReturnType<typeof mention>[] = [];
      const size = 1 + Math.floor(random() * 4);
      for (let i = 0; i < size; i++) {
        const kind = random();
        const createdAt = now - Math.floor(random() * 3) * 100;
        if (kind < 0.2 && stored.length > 0) {
          // Seen again: the same post, maybe edited.
          const old = pick(stored);
          posts.push({
            ...old,
            arrivedAt: 0,
            contentHtml: random() < 0.5 ? old.contentHtml : `<p>Edited ${counter++}</p>`,
          });
        } else if (kind < 0.35 && stored.length > 0) {
          // The user replies to someone (their own post: who they talk with changes).
          const parent = pick(stored);
          const reply = post(
            `own${counter++}`,
            pick(['me', '1', 'other']),
            createdAt,
            parent.networkId,
            parent.threadId.slice(5),
          );
          // 'other': the second account's user, whose self is one only while it is added.
          const other = `${OTHER.id}|${OTHER.networkUserId}`;
          posts.push(reply.authorId === 'acct|other' ? { ...reply, authorId: other } : reply);
        } else if (kind < 0.42) {
          // A reply to a post this store has not seen yet.
          const unseen = `p${counter++}`;
          answeredUnseen.push(unseen);
          posts.push(post(`own${counter++}`, '1', createdAt, unseen, pick(ROOTS)));
        } else {
          // Now and then the post the user answered arrives.
          const id =
            answeredUnseen.length > 0 && random() < 0.5
              ? (answeredUnseen.shift() ?? '')
              : `p${counter++}`;
          const author = pick(NAMES.slice(1));
          const root = pick(ROOTS);
          posts.push(post(id, author, createdAt, null, root));
          activity.push(mention(`${counter++}`, author, id, root, createdAt));
        }
      }
      const people = NAMES.filter(() => random() < 0.5).map((name) =>
        person(name, random() < 0.3 ? `${name} ${counter++}` : name, name === 'me'),
      );
      await ingestBatch(db, 'acct', batch({ people, posts, activity }), now);
      for (const p of posts) {
        const at = stored.findIndex((s) => s.id === p.id);
        if (at >= 0) stored.splice(at, 1);
        stored.push(p);
      }
    }
    await check(counts);
  }
}

/** Mira mentions the user for the first time, and a delivery (which makes a snapshot) brings it. */
async function deliverMirasMention(): Promise<void> {
  await ingestBatch(db, 'acct', miraMentionsMe(T), T + 1);
  await makeDelivery(db, { kind: 'early', slot: T + 2, now: T + 2 });
}

describe('the session snapshot', { timeout: HEAVY_TEST_MS }, () => {
  it('always agrees with the records it was made from (random histories)', async () => {
    const counts: Counts = { checks: 0, fromSnapshot: 0, fromView: 0 };
    for (let seed = 1; seed <= 30; seed++) {
      await db.delete();
      await db.open();
      await db.accounts.add(ACCOUNT);
      await replay(seed, counts);
    }
    expect(counts.checks).toBe(30 * 24);
    // Both ways were exercised: sessions read through a snapshot, and from the records.
    expect(counts.fromSnapshot).toBeGreaterThan(100);
    expect(counts.checks - counts.fromSnapshot).toBeGreaterThan(100);
    expect(counts.fromView).toBeGreaterThan(100);
  });

  it('the first view is not used once the user has replied: who they talk with changed', async () => {
    await ingestBatch(
      db,
      'acct',
      batch({
        people: [person('me', 'Me', true), person('mira', 'Mira'), person('tom', 'Tom')],
        posts: [post('m1', 'mira', T, null), post('t1', 'tom', T + 10, null)],
        activity: [mention('a', 'mira', 'm1', 'm1', T), mention('b', 'tom', 't1', 't1', T + 10)],
      }),
      T + 20,
    );
    await setScreening(db, 'acct|tom', 'let-in');
    await makeDelivery(db, { kind: 'early', slot: T + 30, now: T + 30 });
    const before = (await loadSessionView(db)).view;
    // Mira writes for the first time: she waits in the screener.
    expect(before?.session.conversations.map((c) => c.personId)).toEqual(['acct|tom']);
    expect(before?.session.screener.map((e) => e.personId)).toEqual(['acct|mira']);
    // A sync writes the account's state: who the user is has not changed, the view stands.
    await db.accounts.update(ACCOUNT.id, { lastSyncedAt: T + 35, syncCursor: 'next' });
    expect((await loadSessionView(db)).view).toEqual(before);
    // The user (their account's own id) answers her: she is someone they talk with now. The
    // snapshot and its view go; the next open makes them again.
    await ingestBatch(db, 'acct', batch({ posts: [post('r1', '1', T + 40, 'm1', 'm1')] }), T + 50);
    expect((await loadSessionView(db)).view).toBeNull();
    expect(await db.sessionSnapshots.count()).toBe(0);
    await makeSessionSnapshot(db);
    const after = (await loadSessionView(db)).view;
    expect(after?.session.conversations.map((c) => c.personId)).toEqual(['acct|tom', 'acct|mira']);
    expect(after?.session.screener).toEqual([]);
  });

  it('a delivery makes one; a change to what it holds removes it; the inbox closing too', async () => {
    await deliverMirasMention();
    expect((await loadSessionData(db)).threads).not.toBeNull();
    // Mira changes her name: the snapshot holds her, so it goes.
    await ingestBatch(db, 'acct', batch({ people: [person('mira', 'Mira C.')] }), T + 3);
    expect(await db.sessionSnapshots.count()).toBe(0);
    const read = await loadSessionData(db);
    expect(read.threads).toBeNull();
    expect(read.people.find((p) => p.id === 'acct|mira')?.displayName).toBe('Mira C.');
    // The next open makes a new one, with her new name.
    await writeSessionSnapshot(db);
    const again = await loadSessionData(db);
    expect(again.threads).not.toBeNull();
    expect(again.people.find((p) => p.id === 'acct|mira')?.displayName).toBe('Mira C.');
    // Something new for later, from someone else, does not touch it.
    await ingestBatch(
      db,
      'acct',
      batch({
        people: [person('tom', 'Tom')],
        posts: [post('2', 'tom', T + 4, null)],
        activity: [mention('b', 'tom', '2', '2', T + 4)],
      }),
      T + 5,
    );
    expect((await loadSessionData(db)).threads).not.toBeNull();
    await closeOpenDeliveries(db, T + 6);
    expect(await db.sessionSnapshots.count()).toBe(0);
  });

  it('a snapshot an older Slowpost made (without who the user talks with) is not read, and is made again', async () => {
    await deliverMirasMention();
    expect((await loadSessionView(db)).view).not.toBeNull();
    // As the older Slowpost kept it: a head without its format.
    const head = await db.sessionSnapshots.get(SNAPSHOT_HEAD_ID);
    await db.sessionSnapshots.put({ id: SNAPSHOT_HEAD_ID, version: head?.version ?? '' });
    expect((await loadSessionData(db)).threads).toBeNull();
    expect((await loadSessionView(db)).view).toBeNull();
    expect((await loadSessionView(db, 'first')).view).toBeNull();
    await makeSessionSnapshot(db);
    expect((await loadSessionData(db)).threads).not.toBeNull();
    expect((await loadSessionView(db)).view?.session.screener.map((e) => e.personId)).toEqual([
      'acct|mira',
    ]);
  });
});
