import Dexie from 'dexie';
import type {
  ActivityItem,
  Delivery,
  Person,
  Post,
  Screening,
  Thread,
  TriageState,
} from '../../../../shared/domain';
import { localId } from '../../../../shared/domain';
import type { SlowpostDb } from '../database';
import { openDeliveries } from './deliveries';

/** Everything a review session is built from: the open deliveries and what they released. */
export interface SessionData {
  readonly deliveries: readonly Delivery[];
  readonly activity: readonly ActivityItem[];
  readonly posts: readonly Post[];
  readonly people: readonly Person[];
  /** The threads the delivered activity belongs to (their triage is read apart: it changes often). */
  readonly threadIds: readonly string[];
  /** The user's own posts and the posts they answered: who the user talks with. */
  readonly ownPosts: readonly Post[];
  readonly answeredPosts: readonly Post[];
  readonly selfIds: readonly string[];
  /** When the session's first delivery was made. */
  readonly since: number;
}

/** What changes with every triage keystroke: threads triaged since the session began, replies. */
export interface SessionState {
  readonly triagedSince: readonly Thread[];
  /** Replies queued since the session's first delivery. */
  readonly repliesWritten: number;
}

/**
 * One small index range (threads by triage time), not every thread of the delivery: a live
 * query over thousands of keys costs more to watch than to read.
 */
export async function loadSessionState(db: SlowpostDb, since: number): Promise<SessionState> {
  return db.transaction('r', [db.threads, db.outbox], async () => {
    const triagedSince = await db.threads.where('triagedAt').aboveOrEqual(since).toArray();
    // Replies taken back (undo) or given up were not written after all.
    const repliesWritten = await db.outbox
      .filter((entry) => entry.createdAt >= since && entry.state !== 'cancelled')
      .count();
    return { triagedSince, repliesWritten };
  });
}

/** The delivery's threads as they are now (read once per delivery, not watched). */
export async function loadThreads(db: SlowpostDb, threadIds: readonly string[]): Promise<Thread[]> {
  return (await db.threads.bulkGet([...threadIds])).filter((t): t is Thread => t !== undefined);
}

export async function loadSessionData(db: SlowpostDb): Promise<SessionData> {
  return db.transaction(
    'r',
    [db.accounts, db.deliveries, db.activity, db.posts, db.people],
    async () => {
      const deliveries = await openDeliveries(db);
      const activity: ActivityItem[] = [];
      for (const delivery of deliveries) {
        activity.push(
          ...(await db.activity
            .where('[deliveryId+arrivedAt]')
            .between([delivery.id, Dexie.minKey], [delivery.id, Dexie.maxKey])
            .toArray()),
        );
      }
      const postIds = new Set<string>();
      const threadIds = new Set<string>();
      const personIds = new Set<string>();
      for (const item of activity) {
        if (item.postId !== null) postIds.add(item.postId);
        if (item.subjectPostId !== null) postIds.add(item.subjectPostId);
        if (item.threadId !== null) threadIds.add(item.threadId);
        personIds.add(item.actorId);
      }
      const posts = (await db.posts.bulkGet([...postIds])).filter(
        (p): p is Post => p !== undefined,
      );
      for (const post of posts) personIds.add(post.authorId);
      const accounts = await db.accounts.toArray();
      const selfIds = accounts.map((a) => localId(a.id, a.networkUserId));
      const selves = (await db.people.bulkGet(selfIds)).filter((p): p is Person => p !== undefined);
      const ownPosts = await db.posts.where('authorId').anyOf(selfIds).toArray();
      const answered = (
        await db.posts.bulkGet([
          ...new Set(ownPosts.flatMap((p) => (p.parent === null ? [] : [p.parent.id]))),
        ])
      ).filter((p): p is Post => p !== undefined);
      for (const post of answered) personIds.add(post.authorId);
      const people = (await db.people.bulkGet([...personIds])).filter(
        (p): p is Person => p !== undefined,
      );
      const since = deliveries.reduce((min, d) => Math.min(min, d.deliveredAt), Infinity);
      return {
        deliveries,
        activity,
        posts,
        people: [...people, ...selves],
        threadIds: [...threadIds],
        ownPosts,
        answeredPosts: answered,
        selfIds,
        since,
      };
    },
  );
}

/** What a triage action changed, so it can be undone exactly. */
export type TriageChange =
  | {
      readonly type: 'thread';
      readonly threadId: string;
      readonly before: Pick<Thread, 'triage' | 'triagedAt'>;
    }
  | { readonly type: 'person'; readonly personId: string; readonly before: Screening };

export async function setThreadTriage(
  db: SlowpostDb,
  threadId: string,
  triage: TriageState,
  now: number,
): Promise<TriageChange | null> {
  return db.transaction('rw', db.threads, async () => {
    const thread = await db.threads.get(threadId);
    if (thread === undefined) return null;
    await db.threads.update(threadId, { triage, triagedAt: triage === 'open' ? null : now });
    return {
      type: 'thread',
      threadId,
      before: { triage: thread.triage, triagedAt: thread.triagedAt },
    };
  });
}

export async function setScreening(
  db: SlowpostDb,
  personId: string,
  screening: Screening,
): Promise<TriageChange | null> {
  return db.transaction('rw', db.people, async () => {
    const person = await db.people.get(personId);
    if (person === undefined) return null;
    await db.people.update(personId, { screening });
    return { type: 'person', personId, before: person.screening };
  });
}

export async function undoChange(db: SlowpostDb, change: TriageChange): Promise<void> {
  if (change.type === 'thread') await db.threads.update(change.threadId, change.before);
  else await db.people.update(change.personId, { screening: change.before });
}
