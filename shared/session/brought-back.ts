import type { ActivityItem, Delivery } from '../domain';

/**
 * What the open deliveries brought back from earlier sessions, and since which delivery each of
 * it has been waiting: brought-back activity keeps the id of the delivery that first released it.
 */
export class BroughtBack {
  private readonly firstBy = new Map<string, Delivery>();

  constructor(data: {
    readonly deliveries: readonly Delivery[];
    readonly activity: readonly ActivityItem[];
    readonly earlier: readonly Delivery[];
  }) {
    if (data.earlier.length === 0) return;
    const open = new Set(data.deliveries.map((d) => d.id));
    const earlier = new Map(data.earlier.map((d) => [d.id, d]));
    for (const item of data.activity) {
      if (open.has(item.deliveryId)) continue;
      const delivery = earlier.get(item.deliveryId);
      if (delivery !== undefined) this.firstBy.set(item.id, delivery);
    }
  }

  /** Each brought-back item's id with the delivery that first brought it (to keep, see fromEntries). */
  entries(): (readonly [string, Delivery])[] {
    return [...this.firstBy];
  }

  static fromEntries(entries: readonly (readonly [string, Delivery])[]): BroughtBack {
    const broughtBack = new BroughtBack({ deliveries: [], activity: [], earlier: [] });
    for (const [id, delivery] of entries) broughtBack.firstBy.set(id, delivery);
    return broughtBack;
  }

  /** The earliest delivery any of these items has been waiting since; null when all are new. */
  since(activityIds: readonly string[]): Delivery | null {
    if (this.firstBy.size === 0) return null;
    let earliest: Delivery | null = null;
    for (const id of activityIds) {
      const delivery = this.firstBy.get(id);
      if (
        delivery !== undefined &&
        (earliest === null || delivery.deliveredAt < earliest.deliveredAt)
      )
        earliest = delivery;
    }
    return earliest;
  }
}
