import { expect } from 'vitest';
import type { Post, Thread } from '../../../../shared/domain';
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
];

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
