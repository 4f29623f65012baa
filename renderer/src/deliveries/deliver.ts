import type { Delivery, DeliveryKind } from '@shared/domain';
import { bridge } from '../bridge/bridge';
import type { SlowpostDb } from '../db/database';
import { makeDelivery } from '../db/repositories/deliveries';
import type { SyncClient } from '../sync/sync-client';

/** A slot counts as on time when the clock reaches it within this long; later is a catch-up. */
const ON_TIME_MS = 2 * 60_000;

/**
 * Makes a delivery for a slot main says has come, then lets main decide about the one calm
 * notification. A catch-up (after sleep or a closed app) first catches the sync up, so it
 * brings everything that arrived while the machine was away.
 */
export async function deliverSlot(
  db: SlowpostDb,
  sync: SyncClient,
  slot: number,
  missedSlots: number,
  now: () => number,
): Promise<Delivery> {
  const kind: DeliveryKind =
    missedSlots > 1 || now() - slot > ON_TIME_MS ? 'catch-up' : 'scheduled';
  if (kind === 'catch-up') await sync.sync(now());
  const delivery = await makeDelivery(db, {
    kind,
    slot,
    now: now(),
    missedSlots: Math.max(0, missedSlots - 1),
  });
  await announce(delivery);
  return delivery;
}

/** Opening between deliveries: deliberate, with a reason, recorded in the history. */
export async function openEarly(
  db: SlowpostDb,
  sync: SyncClient,
  reason: string,
  now: () => number,
): Promise<Delivery> {
  await sync.sync(now());
  return makeDelivery(db, { kind: 'early', slot: now(), now: now(), earlyReason: reason });
}

export async function announce(delivery: Delivery): Promise<void> {
  const result = await bridge.deliveries.delivered({
    deliveryId: delivery.id,
    kind: delivery.kind,
    slot: delivery.scheduledFor,
    conversationCount: delivery.conversationCount,
  });
  if (!result.ok) console.warn(`delivery notice: ${result.error.message}`);
}
