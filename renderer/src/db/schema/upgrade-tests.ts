import { expect } from 'vitest';
import {
  OutboxEntryFieldsSchema,
  OutboxEntrySchema,
  WAITING_FOR_DELIVERY,
  type Account,
  type Delivery,
  type Person,
  type Post,
  type Thread,
} from '@shared/domain';
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
      // Rows as version 3 wrote them: no firstAttemptAt, no outcomeUnknown.
      const v3Rows: unknown[] = [
        legacyOutboxRow('o-queued', 'waiting', 0),
        legacyOutboxRow('o-retrying', 'waiting', 2),
        legacyOutboxRow('o-interrupted', 'sending', 1),
        legacyOutboxRow('o-attention', 'needs-attention', 1),
        legacyOutboxRow('o-sent', 'sent', 1),
        { id: 'o-damaged', text: 'Kept as it is' },
      ];
      await db.table('outbox').bulkPut(v3Rows);
    },
    async verify(db) {
      const rows = new Map((await db.outbox.toArray()).map((r) => [r.id, r]));
      expect(rows.get('o-queued')).toMatchObject({ firstAttemptAt: null, outcomeUnknown: false });
      for (const id of ['o-retrying', 'o-interrupted', 'o-attention']) {
        expect(rows.get(id)).toMatchObject({ firstAttemptAt: 1_000, outcomeUnknown: true });
      }
      expect(rows.get('o-sent')).toMatchObject({ firstAttemptAt: 1_000, outcomeUnknown: false });
      // Whole as version 4 knew an entry (the record chosen for Bluesky came with version 7).
      const v4Entry = OutboxEntryFieldsSchema.omit({ recordKey: true, addressee: true });
      for (const id of ['o-queued', 'o-retrying', 'o-sent']) {
        expect(v4Entry.safeParse(rows.get(id)).success).toBe(true);
      }
      expect(rows.get('o-damaged')).toMatchObject({ text: 'Kept as it is' });
    },
  },
  {
    toVersion: 5,
    async seed(db) {
      await db.accounts.put(syncedAccount);
      await db.posts.put(post('p-kept', 1_000));
    },
    async verify(db) {
      // Everything survives as it was; the sync log starts empty and keeps each account's
      // entries in the order they were written.
      expect(await db.accounts.get('acct')).toEqual(syncedAccount);
      expect(await db.posts.get('p-kept')).toEqual(post('p-kept', 1_000));
      expect(await db.syncLog.count()).toBe(0);
      expect(await db.syncStatus.count()).toBe(0);
      await db.syncLog.bulkAdd([
        { accountId: 'acct', at: 5, itemId: 'first', reason: 'r' },
        { accountId: 'other', at: 6, itemId: 'elsewhere', reason: 'r' },
        { accountId: 'acct', at: 7, itemId: 'second', reason: 'r' },
      ]);
      const newest = await db.syncLog.where('accountId').equals('acct').reverse().toArray();
      expect(newest.map((e) => e.itemId)).toEqual(['second', 'first']);
      await db.syncStatus.put({ accountId: 'acct', lastSucceededAt: 9, lastFailure: null });
      expect(await db.syncStatus.get('acct')).toMatchObject({ lastSucceededAt: 9 });
    },
  },
  {
    toVersion: 6,
    async seed(db) {
      // Written as version 5 stored deliveries: no count of conversations brought back.
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
  {
    toVersion: 7,
    async seed(db) {
      // Written as version 6 stored replies: no record chosen.
      const v6Rows: unknown[] = [
        {
          ...legacyOutboxRow('o-waiting', 'waiting', 0),
          firstAttemptAt: null,
          outcomeUnknown: false,
        },
        {
          ...legacyOutboxRow('o-unknown', 'waiting', 1),
          firstAttemptAt: 1_000,
          outcomeUnknown: true,
        },
        { id: 'o-damaged', text: 'Kept as it is' },
      ];
      await db.table('outbox').bulkPut(v6Rows);
    },
    async verify(db) {
      const rows = new Map((await db.outbox.toArray()).map((r) => [r.id, r]));
      for (const id of ['o-waiting', 'o-unknown']) {
        expect(rows.get(id)).toMatchObject({ recordKey: null, text: `Reply ${id}` });
        expect(OutboxEntrySchema.safeParse(rows.get(id)).success).toBe(true);
      }
      expect(rows.get('o-unknown')).toMatchObject({ firstAttemptAt: 1_000, outcomeUnknown: true });
      expect(rows.get('o-damaged')).toMatchObject({ text: 'Kept as it is', recordKey: null });
      // A reply to Bluesky keeps the record chosen for it.
      const chosen = { rkey: '3lbcdefghijkl', createdAt: 2_000 };
      await db.outbox.update('o-waiting', { recordKey: chosen });
      expect((await db.outbox.get('o-waiting'))?.recordKey).toEqual(chosen);
    },
  },
  {
    toVersion: 8,
    async seed(db) {
      // People as version 7 stored them, each with the user's own notes.
      await db.people.bulkPut([
        personOf('acct', 'mira', 'Met at the garden club', 14),
        personOf('sky', 'mira', '', null),
      ]);
    },
    async verify(db) {
      // Every person keeps their notes; nobody is linked until the user says so, and a link is
      // found from any of its people.
      expect(await db.people.get('acct|mira')).toEqual(
        personOf('acct', 'mira', 'Met at the garden club', 14),
      );
      expect(await db.people.get('sky|mira')).toEqual(personOf('sky', 'mira', '', null));
      expect(await db.personLinks.count()).toBe(0);
      const link = {
        id: 'acct|mira+sky|mira',
        personIds: ['acct|mira', 'sky|mira'],
        notes: 'Met at the garden club',
        keepInTouchDays: 14,
        linkedAt: 2_000,
      };
      await db.personLinks.put(link);
      expect(await db.personLinks.where('personIds').equals('sky|mira').toArray()).toEqual([link]);
    },
  },
  {
    toVersion: 9,
    async seed(db) {
      await db.posts.bulkPut([post('p-kept', 1_000)]);
    },
    async verify(db) {
      // Nothing changes shape: the posts are as they were, and there is no snapshot yet (the
      // next open makes one).
      expect(await db.posts.get('p-kept')).toEqual(post('p-kept', 1_000));
      expect(await db.sessionSnapshots.count()).toBe(0);
    },
  },
  {
    toVersion: 10,
    async seed(db) {
      await db.posts.bulkPut([post('p-kept', 1_000)]);
    },
    async verify(db) {
      // Nothing changes shape; sessions before this version have no recorded time, and a week's
      // sessions are one range of the new index.
      expect(await db.posts.get('p-kept')).toEqual(post('p-kept', 1_000));
      expect(await db.sessionTime.count()).toBe(0);
      const record = { id: 'slot-1', startedAt: 5_000, lastAt: 65_000, activeMs: 60_000 };
      await db.sessionTime.put(record);
      expect(await db.sessionTime.where('startedAt').between(0, 10_000).toArray()).toEqual([
        record,
      ]);
    },
  },
  {
    toVersion: 11,
    async seed(db) {
      await db.posts.bulkPut([post('p-kept', 1_000)]);
    },
    async verify(db) {
      // The posts are as they were; their index is still to build (in the background, after
      // the first view), while a post written now is indexed at once.
      expect(await db.posts.get('p-kept')).toEqual(post('p-kept', 1_000));
      expect(await db.searchPosts.count()).toBe(0);
      expect(await db.searchBuild.get('posts')).toEqual({ id: 'posts', after: null });
      await db.posts.put(post('p-new', 2_000));
      expect(await db.searchPosts.get('p-new')).toMatchObject({ id: 'p-new' });
    },
  },
  {
    toVersion: 12,
    async seed(db) {
      await db.people.bulkPut([
        personOf('acct', 'mira', 'Met at the garden club', 14),
        personOf('acct', 'tomas', '', null),
      ]);
    },
    async verify(db) {
      // People are as they were; those with a cadence are found by it, the others are not there.
      expect(await db.people.get('acct|mira')).toEqual(
        personOf('acct', 'mira', 'Met at the garden club', 14),
      );
      const kept = await db.people.where('keepInTouchDays').above(0).primaryKeys();
      expect(kept).toEqual(['acct|mira']);
    },
  },
  {
    toVersion: 13,
    async seed(db) {
      await db.table('outbox').bulkPut([
        { ...legacyOutboxRow('o-old', 'sent', 1), createdAt: 1_000 },
        { ...legacyOutboxRow('o-new', 'waiting', 0), createdAt: 9_000 },
      ]);
    },
    async verify(db) {
      // The entries are as they were; those queued since an instant are one range of the index.
      expect(await db.table('outbox').get('o-old')).toEqual({
        ...legacyOutboxRow('o-old', 'sent', 1),
        createdAt: 1_000,
      });
      expect(await db.outbox.where('createdAt').aboveOrEqual(5_000).primaryKeys()).toEqual([
        'o-new',
      ]);
    },
  },
];

function personOf(
  accountId: string,
  networkId: string,
  notes: string,
  keepInTouchDays: number | null,
): Person {
  return {
    id: `${accountId}|${networkId}`,
    accountId,
    networkId,
    handle: `@${networkId}@example.social`,
    displayName: 'Mira Castellanos',
    avatarUrl: null,
    profileUrl: null,
    isSelf: false,
    firstSeenAt: 1_000,
    screening: 'let-in',
    notes,
    keepInTouchDays,
  };
}

function legacyOutboxRow(id: string, state: string, attempts: number): Record<string, unknown> {
  return {
    id,
    idempotencyKey: `key-${id}-0123456789abcdef`,
    accountId: 'acct',
    threadId: 'acct|t1',
    inReplyToPostId: 'acct|p1',
    text: `Reply ${id}`,
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    state,
    createdAt: 1_000,
    sendAfter: 1_000,
    attempts,
    nextAttemptAt: 1_000,
    lastError: null,
    sentPostId: state === 'sent' ? 'acct|srv-1' : null,
  };
}

const syncedAccount: Account = {
  id: 'acct',
  network: 'mastodon',
  handle: '@me@example.social',
  displayName: 'Me',
  serverOrigin: 'https://example.social',
  networkUserId: '1',
  isDemo: false,
  addedAt: 500,
  syncCursor: 'cursor-7',
  lastSyncedAt: 900,
};

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
