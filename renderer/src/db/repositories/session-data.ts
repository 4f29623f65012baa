import type { ActivityItem, Delivery, Thread } from '@shared/domain';
import type { SessionRecords } from '@shared/session/session-from-records';
import type { SlowpostDb } from '../database';
import { readDeliveredRecords } from './delivered-records';
import { openDeliveries } from './open-deliveries';
import { readSnapshotFor } from './session-snapshot';
import type { DeliveredRecords, SessionSnapshot } from './session-snapshot-records';
import { readTalks, sessionBuildKey } from './talks-with';
import type { TalksWith } from './talks-with';

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
  /**
   * The delivery's threads as the snapshot keeps them, or null when there was no snapshot (the
   * caller reads them apart, once per delivery: triage changes them often).
   */
  readonly threads: readonly Thread[] | null;
  /**
   * What the deliveries brought, as read: the same object while the snapshot is the same, so a
   * session built from it need not be built again unless the live part changed.
   */
  readonly delivered: DeliveredRecords;
  /** Who the user talks with, as a key (see sessionBuildKey). */
  readonly buildKey: string;
  /** The version of the snapshot it was read from, or null when read from the records. */
  readonly snapshotVersion: string | null;
}

/**
 * Reads the session of the open deliveries: what they brought and who the user talks with (their
 * accounts, own posts and the posts they answered) from the session snapshot (one record) when
 * there is one for exactly these deliveries, otherwise from the records themselves (see
 * delivered-records and talks-with); the deliveries themselves always live.
 */
export async function loadSessionData(db: SlowpostDb): Promise<SessionData> {
  return db.transaction(
    'r',
    [
      db.accounts,
      db.deliveries,
      db.activity,
      db.posts,
      db.people,
      db.carryOvers,
      db.sessionSnapshots,
    ],
    async () => {
      const deliveries = await openDeliveries(db);
      const snapshot = await readSnapshotFor(db, deliveries);
      if (snapshot !== null) {
        const { delivered, talks, buildKey } = snapshot;
        return assembleSessionData(deliveries, delivered, talks, buildKey, snapshot);
      }
      const [delivered, talks] = await Promise.all([
        readDeliveredRecords(db, deliveries),
        readTalks(db),
      ]);
      return assembleSessionData(deliveries, delivered, talks, sessionBuildKey(talks), null);
    },
  );
}

/** The same read without the snapshot: what a snapshot must always agree with. */
export async function loadSessionDataFromRecords(db: SlowpostDb): Promise<SessionData> {
  return db.transaction(
    'r',
    [db.accounts, db.deliveries, db.activity, db.posts, db.people, db.carryOvers],
    async () => {
      const deliveries = await openDeliveries(db);
      const [delivered, talks] = await Promise.all([
        readDeliveredRecords(db, deliveries),
        readTalks(db),
      ]);
      return assembleSessionData(deliveries, delivered, talks, sessionBuildKey(talks), null);
    },
  );
}

function assembleSessionData(
  deliveries: readonly Delivery[],
  delivered: DeliveredRecords,
  talks: TalksWith,
  buildKey: string,
  snapshot: SessionSnapshot | null,
): SessionData {
  // The people the user answered, after those the deliveries brought (in that order).
  const have = new Set(delivered.people.map((p) => p.id));
  const answered = talks.answeredAuthors.filter((p) => !have.has(p.id));
  return {
    deliveries,
    activity: delivered.activity,
    earlier: delivered.earlier,
    posts: delivered.posts,
    people: [...delivered.people, ...answered, ...talks.selves],
    threadIds: delivered.threadIds,
    threadsActiveSince: delivered.threadsActiveSince,
    threads: snapshot?.threads ?? null,
    snapshotVersion: snapshot?.version ?? null,
    delivered,
    buildKey,
    ownPosts: talks.ownPosts,
    answeredPosts: talks.answeredPosts,
    selfIds: talks.selfIds,
    since: deliveries.reduce((min, d) => Math.min(min, d.deliveredAt), Infinity),
  };
}
