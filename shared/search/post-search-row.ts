import type { Post } from '../domain';
import { htmlToVisibleText } from '../text/html-to-text';
import { searchTerms } from '../text/search-terms';

/**
 * What the search index keeps of one post (table `searchPosts`, one row per post, same id). Its
 * `keys` are a multi-entry index: each folded word of the post, followed by when the post may be
 * found, so that one range of the index holds, newest first, exactly the posts with that word
 * that deliveries have released:
 * - another person's post: `word` + OTHERS + the inverted instant it arrived. It is released once
 *   a delivery releases everything up to then, so the released ones are the keys from
 *   `word` + OTHERS + invert(releasedUpTo) on: nothing waiting for a delivery is ever read.
 * - the user's own post (always shown): `word` + OWN + the inverted instant it was written.
 * A delivery changes nothing in the index: what it releases falls inside the range it reads.
 */
export interface PostSearchRow {
  readonly id: string;
  readonly threadId: string;
  readonly authorId: string;
  readonly createdAt: number;
  readonly keys: readonly string[];
}

export const OTHERS = '\u0001';
export const OWN = '\u0002';
/** Past every key of one word and mark. */
export const AFTER = '\uffff';

const LATEST = 9_999_999_999_999;

/** An instant as 13 digits that sort newest first. */
export function invertInstant(instant: number): string {
  return String(LATEST - Math.max(0, Math.min(LATEST, Math.floor(instant)))).padStart(13, '0');
}

/** The instant back from {@link invertInstant}. */
export function instantOf(inverted: string): number {
  return LATEST - Number(inverted);
}

/** The words a post is found by: its text, its content warning and its media descriptions. */
export function postSearchText(post: Post): string {
  const parts = [htmlToVisibleText(post.contentHtml)];
  if (post.contentWarning !== null) parts.push(post.contentWarning);
  for (const media of post.media ?? [])
    if (media.description !== null) parts.push(media.description);
  return parts.join('\n');
}

export function postSearchRow(post: Post): PostSearchRow {
  const suffix = post.isOwn
    ? OWN + invertInstant(post.createdAt)
    : OTHERS + invertInstant(post.arrivedAt);
  return {
    id: post.id,
    threadId: post.threadId,
    authorId: post.authorId,
    createdAt: post.createdAt,
    keys: searchTerms(postSearchText(post)).map((term) => term + suffix),
  };
}
