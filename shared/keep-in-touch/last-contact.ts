import type { OutboxState, Post } from '../domain';

/** When the user and someone were last in touch, in which conversation, and on which account. */
export interface LastContact {
  readonly at: number;
  /** Null for a new conversation still in the outbox (its post starts a thread once sent). */
  readonly threadId: string | null;
  /** Which of the human's people it was with (for linked people: which network). */
  readonly personId: string;
  /** What a new conversation written to them begins with; null for a conversation in the store. */
  readonly text: string | null;
}

/**
 * What the rule reads of an outbox entry: a reply (its thread and the post it answers), or a new
 * conversation written to someone first (no thread, no post answered, an addressee).
 */
export interface OutboxContact {
  readonly state: OutboxState;
  readonly createdAt: number;
  readonly threadId: string | null;
  readonly inReplyToPostId: string | null;
  readonly addressee?: { readonly personId: string } | null;
  readonly text: string;
}

/** What last contact is read from (any superset will do: the rule picks what concerns them). */
export interface ContactRecords {
  /**
   * Posts of the conversations they took part in (theirs and the user's), and the posts the
   * user's replies answer.
   */
  readonly posts: readonly Post[];
  /** The user's outbox entries (replies in their conversations, new conversations to them). */
  readonly outbox: readonly OutboxContact[];
  /** The user's own people ids, one per account. */
  readonly selfIds: ReadonlySet<string>;
  /** Other people's posts count once a delivery has released them (see `isReleased`). */
  readonly releasedUpTo: number;
}

/** An outbox entry counts once it is on its way: written and queued, being sent, or sent. */
const REACHING_OUT: ReadonlySet<OutboxState> = new Set(['waiting', 'sending', 'sent']);

/**
 * The last contact between the user and one human (`personIds`: all their linked people, taken
 * as one), derived from what is stored:
 * - a conversation both took part in (the user and any of their people wrote in it) counts at its
 *   latest post by either of them — the user writing there, or them answering;
 * - a reply of the user's to one of their posts counts at the reply (its conversation is one both
 *   took part in);
 * - a reply in the outbox, or a new conversation written to them first, counts from when it was
 *   written, once it is on its way (waiting, sending or sent): one needing attention or
 *   cancelled has not reached them.
 * Their posts that no delivery has released yet do not count (the user has not seen them). Null:
 * no contact on this computer.
 */
export function lastContactWith(
  personIds: readonly string[],
  records: ContactRecords,
): LastContact | null {
  const them = new Set(personIds);
  const isOwn = (post: Post): boolean => post.isOwn || records.selfIds.has(post.authorId);
  const byId = new Map(records.posts.map((p) => [p.id, p]));
  // Per conversation: the latest post by each side, and which of their people wrote last.
  const threads = new Map<string, { mine: number; theirs: number; who: string }>();
  for (const post of byId.values()) {
    const own = isOwn(post);
    const theirs = !own && them.has(post.authorId) && post.arrivedAt <= records.releasedUpTo;
    if (!own && !theirs) continue;
    const t = threads.get(post.threadId) ?? { mine: -1, theirs: -1, who: '' };
    if (own) t.mine = Math.max(t.mine, post.createdAt);
    else if (post.createdAt > t.theirs) {
      t.theirs = post.createdAt;
      t.who = post.authorId;
    }
    threads.set(post.threadId, t);
  }

  let last: LastContact | null = null;
  const consider = (
    at: number,
    threadId: string | null,
    personId: string,
    text: string | null = null,
  ): void => {
    if (last === null || at > last.at) last = { at, threadId, personId, text };
  };
  for (const [threadId, t] of threads) {
    if (t.mine >= 0 && t.theirs >= 0) consider(Math.max(t.mine, t.theirs), threadId, t.who);
  }
  for (const entry of records.outbox) {
    if (!REACHING_OUT.has(entry.state)) continue;
    const addressee = entry.addressee?.personId;
    if (entry.threadId === null) {
      if (addressee !== undefined && them.has(addressee)) {
        consider(entry.createdAt, null, addressee, entry.text);
      }
      continue;
    }
    const answered = entry.inReplyToPostId === null ? undefined : byId.get(entry.inReplyToPostId);
    const to =
      answered !== undefined && them.has(answered.authorId)
        ? answered.authorId
        : (threads.get(entry.threadId)?.who ?? '');
    if (to !== '') consider(entry.createdAt, entry.threadId, to);
  }
  return last;
}
