import type { Delivery } from '@shared/domain';
import type { SlowpostDb } from '../database';

/** Deliveries the user has not closed yet, oldest first. */
export async function openDeliveries(db: SlowpostDb): Promise<Delivery[]> {
  const recent = await db.deliveries.orderBy('deliveredAt').reverse().limit(64).toArray();
  return recent.filter((d) => d.closedAt === null).reverse();
}
