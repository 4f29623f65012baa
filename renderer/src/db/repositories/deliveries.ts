import Dexie from 'dexie';
import type { ActivityItem, Delivery, DeliveryKind } from '@shared/domain';
import { WAITING_FOR_DELIVERY } from '@shared/domain';
import { isConversational } from '@shared/session';
import type { SlowpostDb } from '../database';
import { carryInto, keepWhatWasLeft } from './carry-over';
import { openDeliveries } from './open-deliveries';
import { releasedUpTo } from './released';
import { dropSessionSnapshot } from './session-snapshot';
import { makeSessionSnapshot } from './session-view';
import { noteSeenUpTo } from './seen-up-to';
import { summariseThreads } from './thread-summaries';

export interface DeliveryRequest {
  readonly kind: DeliveryKind;
  /** The schedule slot (scheduled, catch-up) or the moment of opening (early, welcome). */
  readonly slot: number;
  readonly now: number;
  readonly missedSlots?: number;
  readonly earlyReason?: string;
}

/** One id per slot: asking twice for the same slot (a timer and a resume racing) delivers once. */
export function deliveryIdFor(kind: DeliveryKind, slot: number): string {
  return kind === 'scheduled' || kind === 'catch-up' ? `slot-${slot}` : `${kind}-${slot}`;
}

export { openDeliveries } from './open-deliveries';

/**
 * Makes a delivery: releases every activity item that arrived up to its instant and is still
 * waiting (a scheduled delivery releases up to its slot; a catch-up, early or welcome delivery up
 * to now), brings back the conversations earlier sessions left untouched, records it, and
 * re-summarises the threads it touched. Idempotent per slot.
 */
export async function makeDelivery(db: SlowpostDb, request: DeliveryRequest): Promise<Delivery> {
  const id = deliveryIdFor(request.kind, request.slot);
  const delivery = await releaseDelivery(db, id, request);
  // What it brought, in one record for the next open (an optimisation: an open that finds none
  // reads the records and makes it then).
  await makeSessionSnapshot(db).catch((error: unknown) => {
    console.warn('The session snapshot was not made:', error);
  });
  return delivery;
}

async function releaseDelivery(
  db: SlowpostDb,
  id: string,
  request: DeliveryRequest,
): Promise<Delivery> {
  return db.transaction(
    'rw',
    [db.deliveries, db.activity, db.threads, db.posts, db.people, db.carryOvers],
    async () => {
      const existing = await db.deliveries.get(id);
      if (existing !== undefined) return existing;
      const releasedBefore = await releasedUpTo(db);
      const upTo = Math.max(
        request.kind === 'scheduled' ? request.slot : request.now,
        releasedBefore,
      );
      const waiting = await db.activity
        .where('[deliveryId+arrivedAt]')
        .between([WAITING_FOR_DELIVERY, Dexie.minKey], [WAITING_FOR_DELIVERY, upTo], true, true)
        .toArray();
      const released: ActivityItem[] = waiting.map((item) => ({ ...item, deliveryId: id }));
      await db.activity.bulkPut(released);
      const threadIds = await conversationThreadIds(db, released);
      const carriedCount = await carryInto(db, id);
      const delivery: Delivery = {
        id,
        kind: request.kind,
        scheduledFor: request.slot,
        deliveredAt: request.now,
        releasedUpTo: upTo,
        missedSlots: request.missedSlots ?? 0,
        itemCount: released.length,
        conversationCount: threadIds.length,
        carriedCount,
        openedEarly:
          request.kind === 'early'
            ? { at: request.now, reason: request.earlyReason?.trim() || 'No reason given' }
            : null,
        openedAt: request.kind === 'early' || request.kind === 'welcome' ? request.now : null,
        closedAt: null,
      };
      await db.deliveries.put(delivery);
      // Every thread the delivery touches gets its summary (a poll that ended, too), so anything
      // the session lists can be opened and triaged; so does every thread with a post it released
      // (context with no activity of its own), so each stored summary stays that of its thread's
      // stored posts, which lets ingest skip threads a batch cannot change.
      const touched = released.flatMap((item) => (item.threadId === null ? [] : [item.threadId]));
      const releasedPosts = await db.posts
        .where('arrivedAt')
        .between(releasedBefore, upTo, false, true)
        .toArray();
      for (const post of releasedPosts) touched.push(post.threadId);
      await summariseThreads(db, [...new Set(touched)], upTo);
      return delivery;
    },
  );
}

/**
 * The conversations among `items`, as the review session counts them (see buildSession): threads
 * with something conversational from someone other than the user, shown or in the screener.
 */
async function conversationThreadIds(
  db: SlowpostDb,
  items: readonly ActivityItem[],
): Promise<string[]> {
  const conversational = items.filter((item) => item.threadId !== null && isConversational(item));
  const actors = await db.people.bulkGet([...new Set(conversational.map((i) => i.actorId))]);
  const self = new Set(actors.flatMap((p) => (p?.isSelf === true ? [p.id] : [])));
  const ids = new Set<string>();
  for (const item of conversational) {
    if (item.threadId !== null && !self.has(item.actorId)) ids.add(item.threadId);
  }
  return [...ids];
}

/** The newest deliveries first, for the history. */
export async function deliveryHistory(db: SlowpostDb, limit = 50): Promise<Delivery[]> {
  return db.deliveries.orderBy('deliveredAt').reverse().limit(limit).toArray();
}

/** The latest slot a delivery was made for (0 when none): the clock catches up from here. */
export async function lastDeliveredSlot(db: SlowpostDb): Promise<number | null> {
  const last = await db.deliveries.orderBy('scheduledFor').last();
  return last?.scheduledFor ?? null;
}

export async function markOpened(db: SlowpostDb, now: number): Promise<void> {
  await db.transaction('rw', db.deliveries, async () => {
    for (const delivery of await openDeliveries(db)) {
      if (delivery.openedAt === null) await db.deliveries.update(delivery.id, { openedAt: now });
    }
  });
}

/**
 * Closes the inbox until the next delivery. What the session left untouched waits for that
 * delivery (see carry-over). Each account notes the newest activity the session showed, for the
 * network's read position (see seen-up-to); telling the network happens later, off this path.
 */
export async function closeOpenDeliveries(db: SlowpostDb, now: number): Promise<void> {
  const { deliveries, carryOvers, accounts, activity, posts, people, threads } = db;
  const tables = [deliveries, carryOvers, accounts, activity, posts, people, threads];
  await db.transaction('rw', [...tables, db.sessionSnapshots], async () => {
    const open = await openDeliveries(db);
    if (open.length === 0) return;
    await dropSessionSnapshot(db);
    await keepWhatWasLeft(db, now);
    await noteSeenUpTo(db, open);
    for (const delivery of open) {
      await db.deliveries.update(delivery.id, {
        closedAt: now,
        openedAt: delivery.openedAt ?? now,
      });
    }
  });
}
