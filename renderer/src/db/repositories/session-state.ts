/**
 * What the session reads as it goes: the threads triaged since it began and the replies written
 * (which change with every keystroke), and the threads of its conversations by id.
 */
import type { Thread } from '@shared/domain';
import type { SlowpostDb } from '../database';
import { openDeliveries } from './open-deliveries';
import { RANGE_READ_FACTOR, recordsByRange } from './records-by-range';

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
    // One index range: a year of sent replies is never read at a keystroke.
    const repliesWritten = await db.outbox
      .where('createdAt')
      .aboveOrEqual(since)
      .filter((entry) => entry.state !== 'cancelled')
      .count();
    return { triagedSince, repliesWritten };
  });
}

/**
 * The state of the open deliveries' session, with when that session began (null when no delivery
 * is open). Needs nothing read before it, so it is ready as soon as what the deliveries brought.
 */
export async function loadOpenSessionState(
  db: SlowpostDb,
): Promise<(SessionState & { readonly since: number }) | null> {
  return db.transaction('r', [db.deliveries, db.threads, db.outbox], async () => {
    const deliveries = await openDeliveries(db);
    if (deliveries.length === 0) return null;
    const since = deliveries.reduce((min, d) => Math.min(min, d.deliveredAt), Infinity);
    return { ...(await loadSessionState(db, since)), since };
  });
}

/**
 * The delivery's threads as they are now (read once per delivery, not watched). Those active
 * since `activeSince` come in one index range; the rest by id.
 */
export async function loadThreads(
  db: SlowpostDb,
  threadIds: readonly string[],
  activeSince: number | null = null,
): Promise<Thread[]> {
  const range =
    activeSince === null
      ? null
      : () =>
          db.threads
            .where('lastActivityAt')
            .aboveOrEqual(activeSince)
            .limit(threadIds.length * RANGE_READ_FACTOR)
            .toArray();
  return db.transaction('r', db.threads, () =>
    recordsByRange(threadIds, range, (ids) => db.threads.bulkGet(ids)),
  );
}
