import type { Delivery } from '@shared/domain';
import type { SlowpostDb } from '../database';
import { readDelivered } from './delivered-records';
import { openDeliveries } from './open-deliveries';
import { loadThreads } from './session-state';
import {
  SNAPSHOT_DEPS_ID,
  SNAPSHOT_FORMAT,
  SNAPSHOT_HEAD_ID,
  SNAPSHOT_ID,
} from './session-snapshot-records';
import type {
  SessionSnapshot,
  SessionSnapshotHead,
  SessionSnapshotRow,
} from './session-snapshot-records';
import { readTalks, sessionBuildKey, talksDeps } from './talks-with';

/**
 * The session snapshot: what the open deliveries brought, kept in one record, so opening the app
 * reads one record instead of thousands. It is made when a delivery is made (and on the first
 * open that finds none), and removed by any write to a record it was made from (see
 * session-snapshot-guard): one source of truth, the records; the snapshot only ever agrees.
 */

/**
 * The last snapshot each store gave, by version: read again (a delivery opened, a reply sent),
 * the same version costs one small read, not the whole record.
 */
const lastRead = new WeakMap<SlowpostDb, SessionSnapshot>();

/** The snapshot for exactly these open deliveries, if there is one. */
export async function readSnapshotFor(
  db: SlowpostDb,
  deliveries: readonly Delivery[],
): Promise<SessionSnapshot | null> {
  if (deliveries.length === 0) return null;
  const head = await db.sessionSnapshots.get(SNAPSHOT_HEAD_ID);
  if (!isCurrentHead(head)) return null;
  const cached = lastRead.get(db);
  const row =
    cached?.version === head.version ? cached : await db.sessionSnapshots.get(SNAPSHOT_ID);
  if (row === undefined || row.id !== SNAPSHOT_ID || row.version !== head.version) return null;
  lastRead.set(db, row);
  const ids = deliveryKey(deliveries);
  const same =
    row.deliveryIds.length === ids.length && row.deliveryIds.every((id, i) => id === ids[i]);
  return same ? row : null;
}

/** A head of a snapshot this Slowpost made (see SNAPSHOT_FORMAT); the other records follow it. */
export function isCurrentHead(row: SessionSnapshotRow | undefined): row is SessionSnapshotHead {
  return row?.id === SNAPSHOT_HEAD_ID && row.format === SNAPSHOT_FORMAT;
}

/**
 * Makes the snapshot of the open deliveries, reading and writing in one transaction (nothing can
 * change what it is made from in between). Does nothing when one is there already; removes a
 * stale one when no delivery is open. True when it made one.
 */
export async function writeSessionSnapshot(db: SlowpostDb): Promise<boolean> {
  const { accounts, deliveries, activity, posts, people, carryOvers, threads } = db;
  const tables = [accounts, deliveries, activity, posts, people, carryOvers, threads];
  return db.transaction('rw', [...tables, db.sessionSnapshots], async () => {
    const open = await openDeliveries(db);
    if (open.length === 0) {
      await db.sessionSnapshots.clear();
      return false;
    }
    if ((await readSnapshotFor(db, open)) !== null) return false;
    const { records: delivered, wanted } = await readDelivered(db, open);
    const deliveredThreads = await loadThreads(
      db,
      delivered.threadIds,
      delivered.threadsActiveSince,
    );
    const talks = await readTalks(db);
    const talked = talksDeps(talks);
    const version = crypto.randomUUID();
    const rows: SessionSnapshotRow[] = [
      {
        id: SNAPSHOT_ID,
        version,
        deliveryIds: deliveryKey(open),
        delivered,
        threads: deliveredThreads,
        talks,
        buildKey: sessionBuildKey(talks),
      },
      {
        id: SNAPSHOT_DEPS_ID,
        version,
        // Every id it looked for, found or not: one that arrives later changes it too.
        activity: wanted.activity,
        posts: [...wanted.posts, ...talked.posts],
        people: [...wanted.people, ...talked.people],
        deliveries: wanted.deliveries,
        open: open.map((d) => d.id),
        selves: talked.selves,
      },
      // Last: the guard reads the head first, and finds the ids of the same version.
      { id: SNAPSHOT_HEAD_ID, version, format: SNAPSHOT_FORMAT },
    ];
    await db.sessionSnapshots.bulkPut(rows);
    return true;
  });
}

/** The session is over (the inbox closed): its snapshot goes with it. */
export async function dropSessionSnapshot(db: SlowpostDb): Promise<void> {
  await db.sessionSnapshots.clear();
}

function deliveryKey(deliveries: readonly Delivery[]): string[] {
  return deliveries.map((d) => d.id).sort();
}
