import type { Post } from '../domain/post';
import type { Screening } from '../domain/person';

/**
 * Whether a post stays out of sight outside the session's screener (in the composer's thread and
 * when choosing which post a considered reply answers): everything from people kept out, and
 * posts the spam screen flagged from people not let in. The user's own posts always show.
 */
export function isScreenedOut(post: Post, authorScreening: Screening): boolean {
  if (post.isOwn) return false;
  if (authorScreening === 'kept-out') return true;
  return authorScreening !== 'let-in' && post.screen?.suspicious === true;
}
