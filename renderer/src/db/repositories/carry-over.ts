import type { ActivityItem, CarriedSource } from '@shared/domain';
import { WAITING_FOR_DELIVERY } from '@shared/domain';
import {
  leftUntouched,
  mergeLeft,
  sessionFromRecords,
  stillWaiting,
  storedScreening,
} from '@shared/session';
import type { SlowpostDb } from '../database';
import { readCarried } from './carry-over-records';
import { loadThreads } from './session-state';
import { loadSessionData } from './session-data';

const screeningCache = storedScreening();

/**
 * When the open deliveries' session closes at `now`: what it left untouched waits for the next
 * delivery. Worked out here, from the store, with the session's own rule (the session is built
 * as the page builds it), so what the page showed and what comes back never disagree. Runs inside
 * the transaction that closes the deliveries.
 */
export async function keepWhatWasLeft(db: SlowpostDb, now: number): Promise<void> {
  const data = await loadSessionData(db);
  const threads = await loadThreads(db, data.threadIds, data.threadsActiveSince);
  const session = sessionFromRecords(data, { hideDigest: true, screeningCache });
  const left = leftUntouched(session, new Map(threads.map((t) => [t.id, t])), data.since, now);
  if (left.length === 0) return;
  // Nothing should wait here while deliveries are open (the first of them took it); if something
  // does, it stays too.
  const waiting = await readCarried(db, [WAITING_FOR_DELIVERY]);
  await db.carryOvers.put({
    deliveryId: WAITING_FOR_DELIVERY,
    conversations: mergeLeft(waiting.conversations, left),
    sources: [
      ...waiting.sources,
      ...sourcesOf(
        left.flatMap((l) => l.activityIds),
        data.activity,
      ),
    ],
  });
}

/**
 * A new delivery takes what waits, less the conversations the user has seen to since (answered,
 * saved for later or muted between deliveries), and says how many it brings back. Runs inside the
 * transaction that makes the delivery.
 */
export async function carryInto(db: SlowpostDb, deliveryId: string): Promise<number> {
  const waiting = await readCarried(db, [WAITING_FOR_DELIVERY]);
  if (waiting.conversations.length === 0) return 0;
  const threads = await db.threads.bulkGet(waiting.conversations.map((c) => c.threadId));
  const carried = waiting.conversations.filter((left, index) => stillWaiting(left, threads[index]));
  await db.carryOvers.delete(WAITING_FOR_DELIVERY);
  if (carried.length > 0) {
    // The sources may now count more than is carried: they only bound a range read.
    await db.carryOvers.put({ deliveryId, conversations: carried, sources: [...waiting.sources] });
  }
  return carried.length;
}

/** Which delivery first released each of these items, with how many of them came from each. */
function sourcesOf(ids: readonly string[], activity: readonly ActivityItem[]): CarriedSource[] {
  const wanted = new Set(ids);
  const counts = new Map<string, number>();
  for (const item of activity) {
    if (wanted.has(item.id)) counts.set(item.deliveryId, (counts.get(item.deliveryId) ?? 0) + 1);
  }
  return [...counts].map(([deliveryId, count]) => ({ deliveryId, count }));
}
