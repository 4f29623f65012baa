import type { Account, Person, Post } from '@shared/domain';
import type { ActivityBatch } from '@shared/connectors/connector';
import type { SlowpostDb } from '../database';
import { freshActivity, lastPerId, mergePerson, mergePost } from './ingest-merge';
import { releasedUpTo } from './released';
import { sameRecord } from './same-record';
import { recordSkipped } from './sync-log';
import { readPeople, readThreadPosts, threadsShowing, writeSummaries } from './thread-summaries';
import { releasedAuthorIds, shownNameChanged, threadsToSummarise } from './thread-summary';

export interface IngestSummary {
  readonly people: number;
  readonly posts: number;
  /** Activity stored for the first time (waiting for a delivery). */
  readonly newActivity: number;
  readonly threads: number;
}

/** The account a batch was meant for is not in the store (removed while it synced). */
export class NoSuchAccountError extends Error {
  constructor(accountId: string) {
    super(`No account "${accountId}" to store activity for.`);
    this.name = 'NoSuchAccountError';
  }
}

/**
 * Stores one batch from a connector in one transaction, with its cursor and the record of what
 * the sync skipped from it (`problems`): either all of it lands or none, so an interrupted sync
 * resumes from the last stored cursor and never duplicates, and an item is in the sync log exactly
 * when the cursor has moved past it.
 * - records are one per id, the last one winning (as writing them in order would);
 * - people keep the user's own notes, screening and keep-in-touch cadence;
 * - posts and activity seen before keep their arrival time, and activity its delivery (nothing is
 *   ever delivered twice); new ones arrive now and wait for the next delivery;
 * - each thread whose summary the batch changes is re-summarised from the posts that deliveries
 *   have released (see `threadsToSummarise`).
 * Everything the batch needs is read in one round (all requests in flight together), and records
 * the batch would not change are not rewritten.
 */
export async function ingestBatch(
  db: SlowpostDb,
  accountId: string,
  batch: ActivityBatch,
  now: number,
): Promise<IngestSummary> {
  const people = lastPerId(batch.people);
  const posts = lastPerId(batch.posts);
  const incoming = lastPerId(batch.activity);
  const batchThreadIds = [...new Set(posts.map((p) => p.threadId))];
  return db.transaction(
    'rw',
    [db.accounts, db.people, db.posts, db.threads, db.activity, db.deliveries, db.syncLog],
    async () => {
      const [account, peopleBefore, postsBefore, activityBefore, upTo] = await Promise.all([
        db.accounts.get(accountId),
        db.people.bulkGet(people.map((p) => p.id)),
        db.posts.bulkGet(posts.map((p) => p.id)),
        db.activity.bulkGet(incoming.map((a) => a.id)),
        releasedUpTo(db),
      ]);
      if (account === undefined) throw new NoSuchAccountError(accountId);

      const mergedPeople = people.map((p, i) => mergePerson(p, peopleBefore[i], now));
      const fresh = freshActivity(incoming, activityBefore, now);
      // Writes go out without waiting for one another; the transaction keeps their order.
      const writes: Promise<unknown>[] = [
        db.people.bulkPut(mergedPeople.filter((p, i) => !sameRecord(peopleBefore[i], p))),
        db.activity.bulkAdd(fresh),
      ];
      const mergedPosts = posts.map((p, i) => mergePost(p, postsBefore[i], now));
      writes.push(db.posts.bulkPut(mergedPosts.filter((p, i) => !sameRecord(postsBefore[i], p))));

      // Only threads whose summary the batch can change are read again (usually none: fresh
      // posts wait for their delivery, and people come back as they were).
      const renamed = mergedPeople.filter((p, i) => shownNameChanged(peopleBefore[i], p));
      const touched = threadsToSummarise(mergedPosts, postsBefore, upTo);
      const batchPosts = new Map(mergedPosts.map((p) => [p.id, p]));
      const naming = await threadsShowing(
        db,
        renamed.map((p) => p.id),
        batchPosts,
        upTo,
      );
      for (const id of naming) touched.add(id);
      const threadIds = [...touched];
      if (threadIds.length > 0) {
        const postsByThread = withBatchPosts(await readThreadPosts(db, threadIds), mergedPosts);
        const peopleById = new Map<string, Person>(mergedPeople.map((p) => [p.id, p]));
        const authorsToRead = releasedAuthorIds([...postsByThread.values()].flat(), upTo).filter(
          (id) => !peopleById.has(id),
        );
        for (const [id, person] of await readPeople(db, authorsToRead)) peopleById.set(id, person);
        const existing = await db.threads.bulkGet(threadIds);
        writes.push(writeSummaries(db, threadIds, existing, postsByThread, upTo, peopleById));
      }

      const updated: Account = {
        ...account,
        syncCursor: batch.nextCursor ?? account.syncCursor,
        lastSyncedAt: now,
      };
      writes.push(db.accounts.put(updated), recordSkipped(db, accountId, batch.problems, now));
      await Promise.all(writes);
      return {
        people: people.length,
        posts: posts.length,
        newActivity: fresh.length,
        threads: batchThreadIds.length,
      };
    },
  );
}

/** Each thread's posts as they will be stored once the batch is written. */
function withBatchPosts(
  stored: ReadonlyMap<string, readonly Post[]>,
  batchPosts: readonly Post[],
): Map<string, Post[]> {
  const inBatch = new Set(batchPosts.map((p) => p.id));
  const byThread = new Map<string, Post[]>();
  for (const [threadId, list] of stored) {
    byThread.set(
      threadId,
      list.filter((p) => !inBatch.has(p.id)),
    );
  }
  for (const post of batchPosts) byThread.get(post.threadId)?.push(post);
  return byThread;
}
