/** The shapes of a review session: what one delivery shows, and in which order. */
import type { ActivityItem, Person, Post, Thread } from '../domain';
import type { PersonHistory } from './person-history';
import type { ScreeningCache } from './screening-cache';

/** How a conversation reached the user. `other` notifications that carry a post count as `mention`. */
export type ConversationKind = 'direct' | 'reply' | 'mention' | 'quote';

/**
 * 1: direct messages, and replies or mentions from people the user talks with.
 * 2: everything else that is conversation (other mentions and replies, quotes, `other` posts).
 */
export type ConversationPriority = 1 | 2;

export interface SessionConversation {
  readonly threadId: string;
  /** The most personal kind among its items: direct > reply > mention > quote. */
  readonly kind: ConversationKind;
  /** Other people who wrote in this delivery (not screened ones), in order of appearance. */
  readonly people: readonly string[];
  /** Who the conversation is grouped under: the author of its newest item. */
  readonly personId: string;
  /** Oldest first. */
  readonly activityIds: readonly string[];
  /** Posts the items carry, oldest first, no duplicates. */
  readonly postIds: readonly string[];
  /** The newest item's `createdAt`. */
  readonly latestAt: number;
  readonly priority: ConversationPriority;
  /** "Direct message from Mira Castellanos", "Ngozi Eze replied to you". */
  readonly reason: string;
}

export type ScreenerReason = 'first-time' | 'suspicious';

/** One person's items in one thread, waiting for the user to let them in or keep them out. */
export interface ScreenerEntry {
  readonly personId: string;
  readonly threadId: string;
  readonly kind: ConversationKind;
  /** Oldest first. */
  readonly activityIds: readonly string[];
  /** The screened posts: a thread view should hide or collapse these until the user decides. */
  readonly postIds: readonly string[];
  readonly latestAt: number;
  /** `suspicious` when any of the items looks like spam, otherwise `first-time`. */
  readonly reason: ScreenerReason;
  /** Readable sentences, most telling first. */
  readonly explanations: readonly string[];
}

export type DigestKind = 'favourite' | 'boost' | 'follow';

/** Likes, boosts and follows, folded into one calm line: the only place such numbers appear. */
export interface Digest {
  /** "7 people appreciated 3 of your posts, and 2 people followed you". */
  readonly text: string;
  /** Distinct people behind all of it (not events). */
  readonly peopleCount: number;
  /** Distinct posts of the user's that were favourited or boosted. */
  readonly postCount: number;
  /** Distinct people who followed. */
  readonly followCount: number;
  /** Which kinds are folded in, in the order favourite, boost, follow. */
  readonly kinds: readonly DigestKind[];
}

/** Conversational items that are in neither the conversations nor the screener, by activity id. */
export interface SetAside {
  /** In threads the user muted. */
  readonly muted: readonly string[];
  /** From people the user keeps out. */
  readonly keptOut: readonly string[];
  /** Nothing to show: neither a thread nor a post (a malformed notification). */
  readonly unplaced: readonly string[];
}

export interface Session {
  readonly conversations: readonly SessionConversation[];
  readonly screener: readonly ScreenerEntry[];
  readonly digest: Digest | null;
  /** How many conversational items came from kept-out people (never shown, never named). */
  readonly keptOutCount: number;
  readonly setAside: SetAside;
  readonly counts: { readonly conversations: number; readonly screened: number };
}

export interface BuildSessionInput {
  /** What one delivery released. Order does not matter; duplicate ids are counted once. */
  readonly activity: readonly ActivityItem[];
  readonly posts: ReadonlyMap<string, Post> | readonly Post[];
  readonly people: ReadonlyMap<string, Person> | readonly Person[];
  readonly threads: ReadonlyMap<string, Thread> | readonly Thread[];
  /** The user's own person id; people with `isSelf` count as the user too. */
  readonly selfId?: string;
  /** Who the user has talked with before this delivery (see `historyFromPosts`). */
  readonly history: PersonHistory;
  /** Leave likes, boosts and follows out entirely: `digest` is null. */
  readonly hideDigest?: boolean;
  /** Keep one across sessions so each post's text is screened only once (screening is costly). */
  readonly screeningCache?: ScreeningCache;
}
