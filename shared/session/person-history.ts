/**
 * Who the user has talked with before. Two signals, both about the user *answering*, never about
 * someone writing to the user (a stranger writing twice is still a stranger):
 * - `repliedTo`: people whose posts the user has replied to;
 * - `conversationsWith`: for each person, how many threads the user wrote in after that person did.
 */
import type { Person } from '../domain';

/** What the history reads of a post: a whole Post is one, and so is this much of it. */
export interface HistoryPost {
  readonly id: string;
  readonly isOwn: boolean;
  readonly authorId: string;
  readonly threadId: string;
  readonly createdAt: number;
  readonly parent: { readonly id: string } | null;
}

/** The part of a post the history reads (kept for every post the user wrote or answered). */
export function historyPost(post: HistoryPost): HistoryPost {
  const { id, isOwn, authorId, threadId, createdAt, parent } = post;
  return {
    id,
    isOwn,
    authorId,
    threadId,
    createdAt,
    parent: parent === null ? null : { id: parent.id },
  };
}

export interface PersonHistory {
  readonly repliedTo: ReadonlySet<string>;
  readonly conversationsWith: ReadonlyMap<string, number>;
}

/** Someone met only in threads counts as someone the user talks with from this many threads on. */
export const TALKS_WITH_MIN_CONVERSATIONS = 2;

export function emptyHistory(): PersonHistory {
  return { repliedTo: new Set(), conversationsWith: new Map() };
}

/** Any past exchange at all: such a person is not a first-time sender. */
export function hasHistory(history: PersonHistory, personId: string): boolean {
  return history.repliedTo.has(personId) || (history.conversationsWith.get(personId) ?? 0) > 0;
}

/**
 * "Someone the user talks with": let in by the user, replied to by the user, or met in at least
 * `TALKS_WITH_MIN_CONVERSATIONS` threads the user took part in.
 */
export function talksWith(
  history: PersonHistory,
  personId: string,
  screening: Person['screening'] | undefined,
): boolean {
  return (
    screening === 'let-in' ||
    history.repliedTo.has(personId) ||
    (history.conversationsWith.get(personId) ?? 0) >= TALKS_WITH_MIN_CONVERSATIONS
  );
}

interface ThreadTimes {
  /** When each other author first wrote in the thread. */
  readonly firstBy: Map<string, number>;
  lastOwnAt: number;
}

/**
 * Derives the history from stored posts (linear). A post is the user's when it `isOwn` or its
 * author is `selfId`. Pass every stored post: a post from this delivery adds nothing unless the
 * user has already answered it.
 */
export function historyFromPosts(posts: Iterable<HistoryPost>, selfId?: string): PersonHistory {
  const byId = new Map<string, HistoryPost>();
  for (const post of posts) byId.set(post.id, post);
  const isOwn = (post: HistoryPost): boolean => post.isOwn || post.authorId === selfId;

  const repliedTo = new Set<string>();
  const threads = new Map<string, ThreadTimes>();
  for (const post of byId.values()) {
    let times = threads.get(post.threadId);
    if (times === undefined) {
      times = { firstBy: new Map(), lastOwnAt: -Infinity };
      threads.set(post.threadId, times);
    }
    if (isOwn(post)) {
      times.lastOwnAt = Math.max(times.lastOwnAt, post.createdAt);
      const parent = post.parent === null ? undefined : byId.get(post.parent.id);
      if (parent !== undefined && !isOwn(parent)) repliedTo.add(parent.authorId);
    } else {
      const first = times.firstBy.get(post.authorId);
      if (first === undefined || post.createdAt < first) {
        times.firstBy.set(post.authorId, post.createdAt);
      }
    }
  }

  const conversationsWith = new Map<string, number>();
  for (const times of threads.values()) {
    for (const [personId, firstAt] of times.firstBy) {
      if (firstAt < times.lastOwnAt) {
        conversationsWith.set(personId, (conversationsWith.get(personId) ?? 0) + 1);
      }
    }
  }
  return { repliedTo, conversationsWith };
}
