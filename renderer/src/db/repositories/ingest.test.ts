import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, batch, mention, person, post } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { ingestBatch } from './ingest';
import { loadThread } from './conversations';
import { makeDelivery } from './deliveries';
import { refuseWrites } from '../../testing/refusing-store';

let db: SlowpostDatabase;
let name = 0;

beforeEach(async () => {
  db = new SlowpostDatabase(`ingest-${++name}`);
  await db.accounts.add(ACCOUNT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const T = 1_700_000_100_000;

describe('ingestBatch', () => {
  it('stores people, posts and activity, summarises the thread and keeps the cursor', async () => {
    const summary = await ingestBatch(
      db,
      'acct',
      batch({
        people: [
          person('me', 'Me', true),
          person('mira', 'Mira Okafor'),
          person('tom', 'Tom Berg'),
        ],
        posts: [
          post('1', 'me', T, null),
          post('2', 'mira', T + 10, '1', '1'),
          post('3', 'tom', T + 20, '2', '1'),
        ],
        activity: [mention('a', 'mira', '2', '1', T + 10), mention('b', 'tom', '3', '1', T + 20)],
        nextCursor: 'cursor-1',
      }),
      T + 1000,
    );
    expect(summary).toMatchObject({ newActivity: 2, threads: 1 });
    // Nothing is summarised or shown before a delivery releases it.
    // (The user's own post is theirs to see at once.)
    expect((await loadThread(db, 'acct|1'))?.posts.map((p) => p.id)).toEqual(['acct|1']);
    expect(await db.threads.get('acct|1')).toMatchObject({
      participantsLabel: 'You',
      lastPostId: 'acct|1',
    });
    await makeDelivery(db, { kind: 'scheduled', slot: T + 1000, now: T + 1000 });
    const thread = await db.threads.get('acct|1');
    expect(thread).toMatchObject({
      id: 'acct|1',
      participantsLabel: 'Mira Okafor, Tom Berg and you',
      lastPostId: 'acct|3',
      lastActivityAt: T + 20,
      subject: 'Post 1 about the garden',
      triage: 'open',
    });
    const detail = await loadThread(db, 'acct|1');
    expect(detail?.posts.map((p) => p.id)).toEqual(['acct|1', 'acct|2', 'acct|3']);
    expect((await db.accounts.get('acct'))?.syncCursor).toBe('cursor-1');
    const activity = await db.activity.toArray();
    expect(
      activity.every(
        (a) => a.arrivedAt === T + 1000 && a.deliveryId === 'slot-' + String(T + 1000),
      ),
    ).toBe(true);
  });

  it('never re-delivers: activity seen before keeps its arrival and delivery', async () => {
    const first = batch({
      people: [person('mira', 'Mira')],
      posts: [post('1', 'mira', T, null)],
      activity: [mention('a', 'mira', '1', '1', T)],
    });
    await ingestBatch(db, 'acct', first, T + 1);
    await db.activity.update('acct|na', { deliveryId: 'delivery-1' });
    const again = await ingestBatch(db, 'acct', first, T + 5000);
    expect(again.newActivity).toBe(0);
    expect(await db.activity.get('acct|na')).toMatchObject({
      arrivedAt: T + 1,
      deliveryId: 'delivery-1',
    });
  });

  it("keeps the user's own notes and screening when a person is seen again", async () => {
    await ingestBatch(db, 'acct', batch({ people: [person('mira', 'Mira')] }), T);
    await db.people.update('acct|mira', { notes: 'met at SummitUp', screening: 'let-in' });
    await ingestBatch(db, 'acct', batch({ people: [person('mira', 'Mira Okafor')] }), T + 1);
    expect(await db.people.get('acct|mira')).toMatchObject({
      displayName: 'Mira Okafor',
      notes: 'met at SummitUp',
      screening: 'let-in',
      firstSeenAt: T,
    });
  });

  it('merges duplicates within a batch, the last one winning', async () => {
    const summary = await ingestBatch(
      db,
      'acct',
      batch({
        people: [person('mira', 'Mira')],
        posts: [post('1', 'mira', T, null)],
        activity: [mention('a', 'mira', '1', '1', T), mention('a', 'mira', '1', '1', T + 9)],
        nextCursor: 'cursor-2',
      }),
      T,
    );
    expect(summary.newActivity).toBe(1);
    expect(await db.activity.get('acct|na')).toMatchObject({ createdAt: T + 9 });
    expect((await db.accounts.get('acct'))?.syncCursor).toBe('cursor-2');
  });

  it('records what the sync skipped in the same transaction as the cursor', async () => {
    await ingestBatch(
      db,
      'acct',
      batch({
        posts: [post('1', 'mira', T, null)],
        nextCursor: 'cursor-2',
        problems: [{ itemId: 'acct|2', message: 'Invalid post: contentHtml: expected string' }],
      }),
      T,
    );
    expect(await db.syncLog.toArray()).toEqual([
      {
        seq: 1,
        accountId: 'acct',
        at: T,
        itemId: 'acct|2',
        reason: 'Invalid post: contentHtml: expected string',
      },
    ]);
  });

  it('keeps the cursor and the sync log unchanged when a batch fails half-way (all or nothing)', async () => {
    const refusing = new SlowpostDatabase(`ingest-refusing-${++name}`);
    refuseWrites(refusing, (table) => (table === 'activity' ? 'ConstraintError' : null));
    await refusing.accounts.add(ACCOUNT);
    const broken = batch({
      people: [person('mira', 'Mira')],
      posts: [post('1', 'mira', T, null)],
      activity: [mention('a', 'mira', '1', '1', T)],
      nextCursor: 'cursor-2',
      problems: [{ itemId: 'acct|2', message: 'Invalid post' }],
    });
    await expect(ingestBatch(refusing, 'acct', broken, T)).rejects.toThrow(/activity refused/);
    expect(await refusing.posts.count()).toBe(0);
    expect(await refusing.syncLog.count()).toBe(0);
    expect((await refusing.accounts.get('acct'))?.syncCursor).toBeNull();
    refusing.close();
    await refusing.delete();
  });
});
