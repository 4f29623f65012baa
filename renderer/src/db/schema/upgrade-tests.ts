import { expect } from 'vitest';
import type { Delivery, Post, Thread } from '../../../../shared/domain';
import { WAITING_FOR_DELIVERY } from '../../../../shared/domain';
import type { SlowpostDatabase } from '../database';

/**
 * One entry per schema version after the first: `seed` writes data as the previous version stored
 * it (the database is opened at `toVersion - 1`), `verify` checks it after the upgrade. The ladder
 * test fails when a version has none.
 */
export interface UpgradeTest {
  readonly toVersion: number;
  readonly seed: (db: SlowpostDatabase) => Promise<void>;
  readonly verify: (db: SlowpostDatabase) => Promise<void>;
}

export const UPGRADE_TESTS: readonly UpgradeTest[] = [
  {
    toVersion: 2,
    async seed(db) {
      await db.threads.bulkPut([
        thread('t-open', 'open', null),
        thread('t-done', 'done', 2_000),
        thread('t-later', 'later', 5_000),
      ]);
    },
    async verify(db) {
      // Every thread survives as it was, and the new index finds the triaged ones by time.
      expect(await db.threads.count()).toBe(3);
      expect(await db.threads.get('t-later')).toEqual(thread('t-later', 'later', 5_000));
      const since = await db.threads.where('triagedAt').aboveOrEqual(3_000).primaryKeys();
      expect(since).toEqual(['t-later']);
    },
  },
  {
    toVersion: 3,
    async seed(db) {
      await db.posts.bulkPut([post('p-early', 1_000), post('p-late', 9_000)]);
    },
    async verify(db) {
      // Every post survives as it was, and the new index finds them by arrival.
      expect(await db.posts.count()).toBe(2);
      expect(await db.posts.get('p-late')).toEqual(post('p-late', 9_000));
      const arrived = await db.posts.where('arrivedAt').between(5_000, 10_000).primaryKeys();
      expect(arrived).toEqual(['p-late']);
    },
  },
  {
    toVersion: 4,
    async seed(db) {
      // Written as version 3 stored deliveries: no count of conversations brought back.
      await db.deliveries.bulkPut([
        withoutCarried(delivery('slot-1', 1_000, 2_000)),
        withoutCarried(delivery('slot-2', 5_000, null)),
      ]);
    },
    async verify(db) {
      // Every delivery survives, and none brought anything back (nothing was carried then).
      expect(await db.deliveries.toArray()).toEqual([
        delivery('slot-1', 1_000, 2_000),
        delivery('slot-2', 5_000, null),
      ]);
      expect(await db.carryOvers.count()).toBe(0);
      const waiting = { deliveryId: WAITING_FOR_DELIVERY, conversations: [], sources: [] };
      await db.carryOvers.put(waiting);
      expect(await db.carryOvers.get(WAITING_FOR_DELIVERY)).toEqual(waiting);
    },
  },
];

function delivery(id: string, deliveredAt: number, closedAt: number | null): Delivery {
  return {
    id,
    kind: 'scheduled',
    scheduledFor: deliveredAt,
    deliveredAt,
    releasedUpTo: deliveredAt,
    missedSlots: 0,
    itemCount: 3,
    conversationCount: 2,
    carriedCount: 0,
    openedEarly: null,
    openedAt: closedAt,
    closedAt,
  };
}

function withoutCarried(record: Delivery): Delivery {
  const { carriedCount: _carried, ...older } = record;
  return older as Delivery;
}

function post(id: string, arrivedAt: number): Post {
  return {
    id,
    accountId: 'acct',
    networkId: id,
    uri: `https://example.social/${id}`,
    cid: null,
    url: null,
    threadId: id,
    authorId: 'acct|mira',
    contentHtml: '<p>Seeds for the garden</p>',
    createdAt: arrivedAt - 500,
    parent: null,
    root: { id, uri: `https://example.social/${id}`, cid: null },
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    isOwn: false,
    arrivedAt,
    screen: null,
  };
}

function thread(id: string, triage: Thread['triage'], triagedAt: number | null): Thread {
  return {
    id,
    accountId: 'acct',
    rootPostId: id,
    subject: 'Seeds for the garden',
    participantIds: ['acct|mira'],
    participantsLabel: 'Mira',
    lastSnippet: 'Seeds for the garden',
    isDirect: false,
    lastActivityAt: 1_000,
    lastPostId: id,
    triage,
    triagedAt,
  };
}
