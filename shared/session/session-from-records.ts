/**
 * The review session from the records the store holds for it. The page builds it to show the
 * session; the store builds it once more when the session closes, to know what was left
 * untouched: one function, so both see the same session.
 */
import type { ActivityItem, Person, Post } from '../domain';
import { buildSession } from './build-session';
import { historyFromPosts, type HistoryPost } from './person-history';
import { createScreeningCache, type ScreeningCache } from './screening-cache';
import type { Session } from './session-types';

export interface SessionRecords {
  readonly activity: readonly ActivityItem[];
  readonly posts: readonly Post[];
  readonly people: readonly Person[];
  /** The user's own posts and the posts they answered (what the history reads of them). */
  readonly ownPosts: readonly HistoryPost[];
  readonly answeredPosts: readonly HistoryPost[];
  readonly selfIds: readonly string[];
}

/** Posts are screened when they arrive and keep the verdict; this covers any stored before that. */
export function storedScreening(fallback: ScreeningCache = createScreeningCache()): ScreeningCache {
  return {
    screen: (post) => post.screen ?? fallback.screen(post),
    get size() {
      return fallback.size;
    },
  };
}

/**
 * Built without thread states: what triage changes is laid over it (muted threads, handled
 * conversations), so a triage keystroke never rebuilds it.
 */
export function sessionFromRecords(
  records: SessionRecords,
  options: { readonly hideDigest: boolean; readonly screeningCache: ScreeningCache },
): Session {
  const selfId = records.selfIds[0];
  const history = historyFromPosts(
    [...records.ownPosts, ...records.answeredPosts, ...records.posts],
    selfId,
  );
  return buildSession({
    activity: records.activity,
    posts: records.posts,
    people: records.people,
    threads: [],
    ...(selfId === undefined ? {} : { selfId }),
    history,
    hideDigest: options.hideDigest,
    screeningCache: options.screeningCache,
  });
}
