import Dexie from 'dexie';
import type { ActivityItem, Delivery, Person, Post } from '@shared/domain';
import type { SlowpostDb } from '../database';
import { readCarried } from './carry-over-records';
import { RANGE_READ_FACTOR, recordsByRange } from './records-by-range';
import type { DeliveredRecords } from './session-snapshot-records';

/**
 * Reads what the open deliveries brought: their activity (one index range each) and what they
 * brought back (ranges of the deliveries that first released it, by id for the rest), then
 * everything it refers to at once: the posts (mostly ranges of arrival times: they arrive with
 * the activity) and the people (actors, then the posts' authors).
 */
export async function readDeliveredRecords(
  db: SlowpostDb,
  deliveries: readonly Delivery[],
): Promise<DeliveredRecords> {
  return (await readDelivered(db, deliveries)).records;
}

/**
 * Every id the read looked for, found or not: a record that appears later under one of them
 * changes what the read would give.
 */
export interface WantedIds {
  readonly activity: readonly string[];
  readonly posts: readonly string[];
  readonly people: readonly string[];
  readonly deliveries: readonly string[];
}

/** The records, with the ids the read looked for. */
export async function readDelivered(
  db: SlowpostDb,
  deliveries: readonly Delivery[],
): Promise<{ records: DeliveredRecords; wanted: WantedIds }> {
  // Both at once. (Inside a transaction, await helpers through Promise.all, Dexie's own:
  // awaited one by one, nested native awaits can leave the transaction's zone.)
  const [released, { activity: brought, wanted: carriedIds }] = await Promise.all([
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
  const [posts, actors, earlier] = await Promise.all([
    deliveredPosts(db, [...postIds], activity),
    db.people.bulkGet([...actorIds]),
    firstBroughtBy(db, carried),
  ]);
  const byId = new Map<string, Person>();
  for (const person of actors) if (person !== undefined) byId.set(person.id, person);
  const personIds = new Set(actorIds);
  for (const post of posts) personIds.add(post.authorId);
  const authors = (
    await db.people.bulkGet([...personIds].filter((id) => !actorIds.has(id)))
  ).filter((p): p is Person => p !== undefined);
  for (const person of authors) byId.set(person.id, person);
  // Posts brought back arrived long ago: they would only widen the range of active threads.
  const releasedPostIds = new Set(released.flatMap((i) => (i.postId === null ? [] : [i.postId])));
  const records: DeliveredRecords = {
    activity,
    earlier,
    posts,
    people: [...personIds].flatMap((id) => {
      const person = byId.get(id);
      return person === undefined ? [] : [person];
    }),
    threadIds: [...threadIds],
    threadsActiveSince: posts.reduce<number | null>(
      (min, p) =>
        releasedPostIds.has(p.id) && (min === null || p.createdAt < min) ? p.createdAt : min,
      null,
    ),
  };
  const wanted: WantedIds = {
    activity: [...new Set([...activity.map((i) => i.id), ...carriedIds])],
    posts: [...postIds],
    people: [...personIds],
    deliveries: [...new Set(carried.map((i) => i.deliveryId))],
  };
  return { records, wanted };
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
): Promise<{ activity: ActivityItem[]; wanted: string[] }> {
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
  const activity = await recordsByRange(ids, range, (missing) => db.activity.bulkGet(missing));
  return { activity, wanted: ids };
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
