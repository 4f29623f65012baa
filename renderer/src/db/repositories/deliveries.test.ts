import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createScreeningCache, sessionFromRecords } from '@shared/session';
import { ACCOUNT, batch, mention, person, post } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { loadThread } from './conversations';
import {
  closeOpenDeliveries,
  deliveryHistory,
  lastDeliveredSlot,
  makeDelivery,
  openDeliveries,
} from './deliveries';
import { ingestBatch } from './ingest';
import { setScreening } from './triage-actions';
import { loadSessionData } from './session-data';

const openThreadIds = async (): Promise<string[]> =>
  [...(await loadSessionData(db)).threadIds].sort();

let db: SlowpostDatabase;
let n = 0;
const T = 1_700_000_000_000;
const H = 3_600_000;

beforeEach(async () => {
  db = new SlowpostDatabase(`deliveries-${++n}`);
  await db.accounts.add(ACCOUNT);
  await ingestBatch(
    db,
    'acct',
    batch({ people: [person('me', 'Me', true), person('mira', 'Mira'), person('tom', 'Tom')] }),
    T,
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

async function arrive(id: string, by: string, at: number): Promise<void> {
  await ingestBatch(
    db,
    'acct',
    batch({
      posts: [post(id, by, at - 1000, null)],
      activity: [mention(id, by, id, id, at - 1000)],
    }),
    at,
  );
}

describe('deliveries', () => {
  it('release everything that arrived up to their instant, and nothing after', async () => {
    await arrive('1', 'mira', T + 1 * H);
    await arrive('2', 'tom', T + 3 * H);
    const first = await makeDelivery(db, { kind: 'scheduled', slot: T + 2 * H, now: T + 2 * H });
    expect(first).toMatchObject({ itemCount: 1, conversationCount: 1, releasedUpTo: T + 2 * H });
    expect(await loadThread(db, 'acct|1')).not.toBeNull();
    // Tom's post arrived after the delivery: it waits, invisible, for the next one.
    expect(await loadThread(db, 'acct|2')).toBeNull();
    expect(await openThreadIds()).toEqual(['acct|1']);

    const second = await makeDelivery(db, { kind: 'scheduled', slot: T + 4 * H, now: T + 4 * H });
    expect(second).toMatchObject({ itemCount: 1, conversationCount: 1 });
    expect(await openThreadIds()).toEqual(['acct|1', 'acct|2']);
  });

  it('deliver each slot once, however often they are asked', async () => {
    await arrive('1', 'mira', T + H);
    const a = await makeDelivery(db, { kind: 'scheduled', slot: T + 2 * H, now: T + 2 * H });
    const b = await makeDelivery(db, { kind: 'catch-up', slot: T + 2 * H, now: T + 5 * H });
    expect(b).toEqual(a);
    expect(await db.deliveries.count()).toBe(1);
    expect(await lastDeliveredSlot(db)).toBe(T + 2 * H);
  });

  it('a catch-up releases everything that arrived while away, in one delivery', async () => {
    await arrive('1', 'mira', T + 1 * H);
    await arrive('2', 'tom', T + 20 * H);
    const catchUp = await makeDelivery(db, {
      kind: 'catch-up',
      slot: T + 18 * H,
      now: T + 20 * H,
      missedSlots: 2,
    });
    expect(catchUp).toMatchObject({
      itemCount: 2,
      conversationCount: 2,
      missedSlots: 2,
      releasedUpTo: T + 20 * H,
    });
    expect(await db.deliveries.count()).toBe(1);
  });

  it('an early opening is recorded with its reason', async () => {
    await arrive('1', 'mira', T + H);
    await makeDelivery(db, {
      kind: 'early',
      slot: T + 2 * H,
      now: T + 2 * H,
      earlyReason: '  waiting for Mira  ',
    });
    const [history] = await deliveryHistory(db);
    expect(history).toMatchObject({
      kind: 'early',
      openedEarly: { at: T + 2 * H, reason: 'waiting for Mira' },
      openedAt: T + 2 * H,
    });
  });

  it('closing the inbox closes every open delivery; nothing shows until the next one', async () => {
    await arrive('1', 'mira', T + H);
    await makeDelivery(db, { kind: 'scheduled', slot: T + 2 * H, now: T + 2 * H });
    await closeOpenDeliveries(db, T + 3 * H);
    expect(await openDeliveries(db)).toEqual([]);
    expect(await openThreadIds()).toEqual([]);
    const [closed] = await deliveryHistory(db);
    expect(closed).toMatchObject({ closedAt: T + 3 * H, openedAt: T + 3 * H });
  });

  it('appreciation (favourites, boosts, follows) is delivered but is not a conversation', async () => {
    await ingestBatch(
      db,
      'acct',
      batch({
        activity: [
          {
            ...mention('f', 'mira', '1', '1', T),
            kind: 'favourite',
            rawType: 'favourite',
            postId: null,
            threadId: null,
            subjectPostId: 'acct|x',
          },
        ],
      }),
      T + H,
    );
    const delivery = await makeDelivery(db, { kind: 'scheduled', slot: T + 2 * H, now: T + 2 * H });
    expect(delivery).toMatchObject({ itemCount: 1, conversationCount: 0 });
  });

  it('counts the conversations its session lists: a poll that ended in a thread is one', async () => {
    await ingestBatch(
      db,
      'acct',
      batch({
        posts: [post('poll', 'mira', T - H, null), post('hi', 'tom', T - H, null)],
        activity: [
          mention('m', 'tom', 'hi', 'hi', T),
          { ...mention('p', 'mira', 'poll', 'poll', T), kind: 'other', rawType: 'poll' },
        ],
      }),
      T + H,
    );
    // People the user talks with, so nothing waits in the screener.
    await setScreening(db, 'acct|mira', 'let-in');
    await setScreening(db, 'acct|tom', 'let-in');
    const delivery = await makeDelivery(db, { kind: 'scheduled', slot: T + 2 * H, now: T + 2 * H });
    const session = sessionFromRecords(await loadSessionData(db), {
      hideDigest: false,
      screeningCache: createScreeningCache(),
    });
    expect(session.counts.conversations).toBe(2);
    expect(delivery).toMatchObject({ itemCount: 2, conversationCount: 2 });
  });
});
