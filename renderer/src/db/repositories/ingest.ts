import type { Account, ActivityItem, Person, Post } from '../../../../shared/domain';
import { WAITING_FOR_DELIVERY } from '../../../../shared/domain';
import type { ActivityBatch, IncomingPerson } from '../../../../shared/connectors/connector';
import { screenText } from '../../../../shared/text/spam-signals';
import type { SlowpostDb } from '../database';
import { releasedUpTo } from './released';
import { summariseThreads } from './thread-summaries';

export interface IngestSummary {
  readonly people: number;
  readonly posts: number;
  /** Activity stored for the first time (waiting for a delivery). */
  readonly newActivity: number;
  readonly threads: number;
}

/**
 * Stores one batch from a connector in one transaction, with its cursor: either all of it lands or
 * none, so an interrupted sync resumes from the last stored cursor and never duplicates.
 * - people keep the user's own notes, screening and keep-in-touch cadence;
 * - posts and activity seen before keep their arrival time, and activity its delivery (nothing is
 *   ever delivered twice); new ones arrive now and wait for the next delivery;
 * - each touched thread is re-summarised from the posts that deliveries have released.
 */
export async function ingestBatch(
  db: SlowpostDb,
  accountId: string,
  batch: ActivityBatch,
  now: number,
): Promise<IngestSummary> {
  return db.transaction(
    'rw',
    [db.accounts, db.people, db.posts, db.threads, db.activity, db.deliveries],
    async () => {
      const account = await db.accounts.get(accountId);
      if (account === undefined)
        throw new Error(`No account "${accountId}" to store activity for.`);

      await upsertPeople(db, batch.people, now);
      await upsertPosts(db, batch.posts, now);

      const known = await db.activity.bulkGet(batch.activity.map((a) => a.id));
      const fresh: ActivityItem[] = [];
      batch.activity.forEach((item, index) => {
        if (known[index] === undefined) {
          fresh.push({ ...item, arrivedAt: now, deliveryId: WAITING_FOR_DELIVERY });
        }
      });
      await db.activity.bulkAdd(fresh);

      const threadIds = [...new Set(batch.posts.map((p) => p.threadId))];
      await summariseThreads(db, threadIds, await releasedUpTo(db));

      const updated: Account = {
        ...account,
        syncCursor: batch.nextCursor ?? account.syncCursor,
        lastSyncedAt: now,
      };
      await db.accounts.put(updated);
      return {
        people: batch.people.length,
        posts: batch.posts.length,
        newActivity: fresh.length,
        threads: threadIds.length,
      };
    },
  );
}

async function upsertPeople(
  db: SlowpostDb,
  incoming: readonly IncomingPerson[],
  now: number,
): Promise<void> {
  const existing = await db.people.bulkGet(incoming.map((p) => p.id));
  const merged: Person[] = incoming.map((person, index) => {
    const before = existing[index];
    return {
      ...person,
      firstSeenAt: before?.firstSeenAt ?? now,
      screening: before?.screening ?? 'unknown',
      notes: before?.notes ?? '',
      keepInTouchDays: before?.keepInTouchDays ?? null,
    };
  });
  await db.people.bulkPut(merged);
}

/**
 * Posts keep their first arrival. Other people's posts are screened for spam here, once, when
 * they arrive (in the sync worker, off the UI thread), so opening a session never waits on it.
 */
async function upsertPosts(db: SlowpostDb, incoming: readonly Post[], now: number): Promise<void> {
  const existing = await db.posts.bulkGet(incoming.map((p) => p.id));
  await db.posts.bulkPut(
    incoming.map((post, index) => {
      const before = existing[index];
      const screen = post.isOwn
        ? null
        : before?.screen != null && before.contentHtml === post.contentHtml
          ? before.screen
          : screenText(post.contentHtml);
      return { ...post, arrivedAt: before?.arrivedAt ?? now, screen };
    }),
  );
}
