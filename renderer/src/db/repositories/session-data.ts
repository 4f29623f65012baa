import Dexie from 'dexie';
import type { ActivityItem, Delivery, Person, Post } from '../../../../shared/domain';
import { localId } from '../../../../shared/domain';
import type { SessionRecords } from '../../../../shared/session/session-from-records';
import type { SlowpostDb } from '../database';
import { readCarried } from './carry-over-records';
import { openDeliveries } from './open-deliveries';
import { RANGE_READ_FACTOR, recordsByRange } from './records-by-range';

/**
 * Everything a review session is built from: the open deliveries, what they released and what
 * they brought back (conversations earlier sessions left untouched).
 */
export interface SessionData extends SessionRecords {
  readonly deliveries: readonly Delivery[];
  /** What the open deliveries released, then what they brought back. */
  readonly activity: readonly ActivityItem[];
  /**
   * The earlier deliveries that first brought the activity brought back (it keeps their id): what
   * it has been waiting since.
   */
  readonly earlier: readonly Delivery[];
  /** The threads the delivered activity belongs to (their triage is read apart: it changes often). */
  readonly threadIds: readonly string[];
  /**
   * No earlier than the latest activity of every thread with a post the open deliveries released
   * (the oldest such post): where a range read of the threads by last activity starts (threads
   * outside it, such as those brought back, are read by id).
   */
  readonly threadsActiveSince: number | null;
  /** When the session's first delivery was made. */
  readonly since: number;
}

/**
 * Reads the open deliveries' activity (one index range each) and what they brought back (ranges
 * of the deliveries that first released it, by id for the rest), then everything it refers to at
 * once: the posts (mostly ranges of arrival times: they arrive with the activity), the people,
 * and who the user talks with.
 */
export async function loadSessionData(db: SlowpostDb): Promise<SessionData> {
  return db.transaction(
    'r',
    [db.accounts, db.deliveries, db.activity, db.posts, db.people, db.carryOvers],
    async () => {
      const deliveries = await openDeliveries(db);
      // Both at once. (Inside a transaction, await helpers through Promise.all, Dexie's own:
      // awaited one by one, nested native awaits can leave the transaction's zone.)
      const [released, brought] = await Promise.all([
        deliveredActivity(db, deliveries),
        carriedActivity(db, deliveries),
      ]);
      const have = new Set(released.map((i) => i.id));
      const carried = brought.filter((i) => !have.has(i.id));
      const activity = [...released, ...carried];
      const postIds = new Set<string>();
      const threadIds = new Set<string>();
      const actorIds = new Set<string>();
      for (const item of activity) {
        if (item.postId !== null) postIds.add(item.postId);
        if (item.subjectPostId !== null) postIds.add(item.subjectPostId);
        if (item.threadId !== null) threadIds.add(item.threadId);
        actorIds.add(item.actorId);
      }
      const [posts, talks, actors, earlier] = await Promise.all([
        deliveredPosts(db, [...postIds], activity),
        whoTheUserTalksWith(db),
        db.people.bulkGet([...actorIds]),
        firstBroughtBy(db, carried),
      ]);
      // Same order as one read of actors, then authors, then the people the user answered.
      const personIds = new Set(actorIds);
      for (const post of posts) personIds.add(post.authorId);
      for (const post of talks.answeredPosts) personIds.add(post.authorId);
      const byId = new Map<string, Person>();
      for (const person of actors) if (person !== undefined) byId.set(person.id, person);
      const others = (
        await db.people.bulkGet([...personIds].filter((id) => !actorIds.has(id)))
      ).filter((p): p is Person => p !== undefined);
      for (const person of others) byId.set(person.id, person);
      const people = [...personIds].flatMap((id) => {
        const person = byId.get(id);
        return person === undefined ? [] : [person];
      });
      const since = deliveries.reduce((min, d) => Math.min(min, d.deliveredAt), Infinity);
      // Posts brought back arrived long ago: they would only widen the range of active threads.
      const releasedPostIds = new Set(
        released.flatMap((i) => (i.postId === null ? [] : [i.postId])),
      );
      return {
        deliveries,
        activity,
        earlier,
        posts,
        people: [...people, ...talks.selves],
        threadIds: [...threadIds],
        threadsActiveSince: posts.reduce<number | null>(
          (min, p) =>
            releasedPostIds.has(p.id) && (min === null || p.createdAt < min) ? p.createdAt : min,
          null,
        ),
        ownPosts: talks.ownPosts,
        answeredPosts: talks.answeredPosts,
        selfIds: talks.selfIds,
        since,
      };
    },
  );
}

async function deliveredActivity(
  db: SlowpostDb,
  deliveries: readonly Delivery[],
): Promise<ActivityItem[]> {
  const lists = await Promise.all(
    deliveries.map((delivery) =>
      db.activity
        .where('[deliveryId+arrivedAt]')
        .between([delivery.id, Dexie.minKey], [delivery.id, Dexie.maxKey])
        .toArray(),
    ),
  );
  return lists.flat();
}

/**
 * What the deliveries brought back: one index range of each delivery that first released it,
 * bounded by how much is wanted from it; whatever that misses, by id.
 */
async function carriedActivity(
  db: SlowpostDb,
  deliveries: readonly Delivery[],
): Promise<ActivityItem[]> {
  const carrying = deliveries.filter((d) => d.carriedCount > 0).map((d) => d.id);
  const { conversations, sources } = await readCarried(db, carrying);
  const ids = [...new Set(conversations.flatMap((c) => c.activityIds))];
  const range =
    sources.length === 0
      ? null
      : () =>
          Promise.all(
            sources.map((source) =>
              db.activity
                .where('[deliveryId+arrivedAt]')
                .between([source.deliveryId, Dexie.minKey], [source.deliveryId, Dexie.maxKey])
                .limit(source.count * RANGE_READ_FACTOR)
                .toArray(),
            ),
          ).then((lists) => lists.flat());
  return recordsByRange(ids, range, (missing) => db.activity.bulkGet(missing));
}

/** The deliveries that first released this activity. */
async function firstBroughtBy(
  db: SlowpostDb,
  activity: readonly ActivityItem[],
): Promise<Delivery[]> {
  const ids = [...new Set(activity.map((i) => i.deliveryId))];
  const found = await db.deliveries.bulkGet(ids);
  return found.filter((d): d is Delivery => d !== undefined);
}

/**
 * The posts by id. Posts arrive with their activity, so most come in one range of arrival times
 * per delivery that released the activity (the open deliveries, and those that first brought
 * what was brought back); the rest by id.
 */
async function deliveredPosts(
  db: SlowpostDb,
  postIds: readonly string[],
  activity: readonly ActivityItem[],
): Promise<Post[]> {
  const spans = arrivalSpans(activity);
  const range =
    spans.length === 0
      ? null
      : () =>
          Promise.all(
            spans.map((span) =>
              db.posts
                .where('arrivedAt')
                .between(span.from, span.to, true, true)
                .limit(span.posts * RANGE_READ_FACTOR)
                .toArray(),
            ),
          ).then((lists) => lists.flat());
  return recordsByRange(postIds, range, (ids) => db.posts.bulkGet(ids));
}

interface ArrivalSpan {
  from: number;
  to: number;
  /** How many posts its activity refers to. */
  posts: number;
}

/** When the activity released by each delivery arrived, first to last. */
function arrivalSpans(activity: readonly ActivityItem[]): ArrivalSpan[] {
  const spans = new Map<string, ArrivalSpan>();
  for (const item of activity) {
    const refs = (item.postId === null ? 0 : 1) + (item.subjectPostId === null ? 0 : 1);
    const span = spans.get(item.deliveryId);
    if (span === undefined) {
      spans.set(item.deliveryId, { from: item.arrivedAt, to: item.arrivedAt, posts: refs });
    } else {
      span.from = Math.min(span.from, item.arrivedAt);
      span.to = Math.max(span.to, item.arrivedAt);
      span.posts += refs;
    }
  }
  return [...spans.values()];
}

interface TalksWith {
  readonly selfIds: readonly string[];
  readonly selves: readonly Person[];
  readonly ownPosts: readonly Post[];
  readonly answeredPosts: readonly Post[];
}

/** The user's accounts, their own people records, their posts and the posts they answered. */
async function whoTheUserTalksWith(db: SlowpostDb): Promise<TalksWith> {
  const accounts = await db.accounts.toArray();
  const selfIds = accounts.map((a) => localId(a.id, a.networkUserId));
  const [selves, ownPosts] = await Promise.all([
    db.people.bulkGet(selfIds),
    db.posts.where('authorId').anyOf(selfIds).toArray(),
  ]);
  const answeredPosts = (
    await db.posts.bulkGet([
      ...new Set(ownPosts.flatMap((p) => (p.parent === null ? [] : [p.parent.id]))),
    ])
  ).filter((p): p is Post => p !== undefined);
  return {
    selfIds,
    selves: selves.filter((p): p is Person => p !== undefined),
    ownPosts,
    answeredPosts,
  };
}
