/**
 * Spam screening of post text, remembered per post. `screenText` costs a fraction of a
 * millisecond per post, so a session of thousands of posts is slow to screen from cold; a cache
 * kept across sessions screens each post once (again only if its text changes, e.g. an edit).
 */
import type { Post } from '../domain';
import { screenText, type ScreenResult } from '../text';

export interface ScreeningCache {
  /** The screening of the post's current text. */
  screen(post: Pick<Post, 'id' | 'contentHtml'> & Partial<Pick<Post, 'screen'>>): ScreenResult;
  readonly size: number;
}

/** Posts remembered by default; the least recently used are forgotten beyond it. */
export const DEFAULT_SCREENING_CACHE_SIZE = 20_000;

interface Entry {
  readonly html: string;
  readonly result: ScreenResult;
}

export function createScreeningCache(
  maxEntries: number = DEFAULT_SCREENING_CACHE_SIZE,
  screen: (textOrHtml: string) => ScreenResult = screenText,
): ScreeningCache {
  const limit = Math.max(1, Math.floor(maxEntries));
  const entries = new Map<string, Entry>();
  return {
    screen(post) {
      const hit = entries.get(post.id);
      if (hit !== undefined) {
        entries.delete(post.id);
        if (hit.html === post.contentHtml) {
          entries.set(post.id, hit);
          return hit.result;
        }
      }
      const result = screen(post.contentHtml);
      entries.set(post.id, { html: post.contentHtml, result });
      if (entries.size > limit) {
        const oldest = entries.keys().next();
        if (oldest.done !== true) entries.delete(oldest.value);
      }
      return result;
    },
    get size() {
      return entries.size;
    },
  };
}
