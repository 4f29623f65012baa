import type { Account, ActivityItem, Network, Person, Post, Visibility } from '../domain';

/** A person as a network describes them; the user's own notes and screening are added locally. */
export type IncomingPerson = Omit<
  Person,
  'screening' | 'notes' | 'keepInTouchDays' | 'firstSeenAt'
>;

/** Activity as a network reports it; when it arrived and which delivery released it are local facts. */
export type IncomingActivity = Omit<ActivityItem, 'arrivedAt' | 'deliveryId'>;

/** Something a connector could not understand. It is skipped and logged; the sync goes on. */
export interface ConnectorProblem {
  /** The network's id of the item, when it had one we could read. */
  readonly itemId: string | null;
  readonly message: string;
}

export interface ActivityBatch {
  readonly people: readonly IncomingPerson[];
  readonly posts: readonly Post[];
  readonly activity: readonly IncomingActivity[];
  /** Store this cursor with the batch, in the same transaction. */
  readonly nextCursor: string | null;
  /** True when another call with `nextCursor` would return more right now. */
  readonly hasMore: boolean;
  readonly problems: readonly ConnectorProblem[];
}

export interface ThreadSnapshot {
  readonly people: readonly IncomingPerson[];
  readonly posts: readonly Post[];
  readonly problems: readonly ConnectorProblem[];
}

export interface OutgoingReply {
  readonly accountId: string;
  readonly threadId: string;
  readonly inReplyToPostId: string;
  readonly text: string;
  readonly visibility: Visibility;
  readonly contentWarning: string | null;
  readonly language: string | null;
}

export interface SentReply {
  /** The reply as the network stored it, ready to show in its thread. */
  readonly post: Post;
}

/**
 * Why a connector call failed, typed so that the outbox and sync can decide what to do:
 * - `offline`, `timeout`, `server`, `rate-limited`: transient, try again later;
 * - `rejected`, `auth`, `malformed`: permanent for this request, tell the user.
 */
export type ConnectorFailure =
  | { readonly kind: 'offline'; readonly message: string }
  | { readonly kind: 'timeout'; readonly message: string }
  | { readonly kind: 'server'; readonly message: string; readonly status: number }
  | {
      readonly kind: 'rate-limited';
      readonly message: string;
      readonly retryAfterMs: number | null;
    }
  | { readonly kind: 'rejected'; readonly message: string; readonly status: number | null }
  | { readonly kind: 'auth'; readonly message: string }
  | { readonly kind: 'malformed'; readonly message: string };

export class ConnectorError extends Error {
  readonly failure: ConnectorFailure;
  constructor(failure: ConnectorFailure) {
    super(failure.message);
    this.name = 'ConnectorError';
    this.failure = failure;
  }
}

export function isTransient(failure: ConnectorFailure): boolean {
  return (
    failure.kind === 'offline' ||
    failure.kind === 'timeout' ||
    failure.kind === 'server' ||
    failure.kind === 'rate-limited'
  );
}

/**
 * One interface for every network (Mastodon, Bluesky, the built-in demo). Implementations map the
 * network's payloads to domain records through zod, tolerate unknown fields and new notification
 * types, and report malformed items as problems rather than failing the whole call.
 */
export interface Connector {
  readonly network: Network;
  /** The account this connector speaks for. */
  readonly account: Account;
  /** Activity newer than `cursor` (null: the first sync), oldest first, in pages. */
  fetchActivitySince(cursor: string | null): Promise<ActivityBatch>;
  /** The whole conversation around a post. */
  fetchThread(postId: string): Promise<ThreadSnapshot>;
  /**
   * Sends a reply exactly once per idempotency key: a second call with the same key returns the
   * post the first call created instead of creating another.
   */
  sendReply(reply: OutgoingReply, idempotencyKey: string): Promise<SentReply>;
}
