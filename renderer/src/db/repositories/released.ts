import type { Post } from '@shared/domain';
import type { SlowpostDb } from '../database';

/**
 * Everything that arrived up to this instant has been delivered (0: nothing yet). Deliveries are
 * few (a handful a day), so the newest ones are read and the latest release wins.
 */
export async function releasedUpTo(db: SlowpostDb): Promise<number> {
  const recent = await db.deliveries.orderBy('deliveredAt').reverse().limit(16).toArray();
  return recent.reduce((max, d) => Math.max(max, d.releasedUpTo), 0);
}

/** Other people's posts show once a delivery has released them; the user's own always do. */
export function isReleased(post: Post, upTo: number): boolean {
  return post.isOwn || post.arrivedAt <= upTo;
}
