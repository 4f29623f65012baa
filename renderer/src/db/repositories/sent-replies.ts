import type { Post } from '@shared/domain';
import { PostSchema } from '@shared/domain';
import { parseUnknown } from '@shared/validation/parse-unknown';
import type { SlowpostDb } from '../database';
import { releasedUpTo } from './released';
import { summariseThreads } from './thread-summaries';

/**
 * Stores a reply the network accepted in its thread at once, so the user sees it there without
 * waiting for a sync. The post's id comes from the network, so a later sync that brings the same
 * post overwrites it instead of adding a second copy.
 */
export async function storeSentReply(db: SlowpostDb, post: Post, now: number): Promise<void> {
  const parsed = parseUnknown(PostSchema, { ...post, isOwn: true, arrivedAt: now }, 'sent reply');
  if (!parsed.ok) throw new Error(parsed.error);
  await db.transaction('rw', [db.posts, db.threads, db.people, db.deliveries], async () => {
    await db.posts.put(parsed.value);
    await summariseThreads(db, [parsed.value.threadId], await releasedUpTo(db));
  });
}
