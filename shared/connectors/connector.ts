import type {
  Account,
  Addressee,
  ActivityItem,
  Network,
  NetworkCapabilities,
  Person,
  Post,
  RecordKey,
  Visibility,
} from '../domain';

/** A person as a network describes them; the user's own notes and screening are added locally. */
export type IncomingPerson = Omit<
  Person,
  | 'screening'
  | 'notes'
  | 'keepInTouchDays'
  | 'keepInTouchSince'
  | 'keepInTouchSnoozedUntil'
  | 'firstSeenAt'
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

/** A page of the people the user follows. */
export interface PeoplePage {
  readonly people: readonly IncomingPerson[];
  /** Pass it back for the next page; null when this was the last one. */
  readonly nextCursor: string | null;
  readonly problems: readonly ConnectorProblem[];
}

export interface ThreadSnapshot {
  readonly people: readonly IncomingPerson[];
  readonly posts: readonly Post[];
  readonly problems: readonly ConnectorProblem[];
}

/**
 * A post to send: a reply (`inReplyToPostId` and `threadId` set), or a new conversation (both
 * null) written to `addressee`, who is mentioned at its start on their network.
 */
export interface OutgoingReply {
  readonly accountId: string;
  readonly threadId: string | null;
  readonly inReplyToPostId: string | null;
  /** Whom a new conversation is written to; absent or null for a reply. */
  readonly addressee?: Addressee | null;
  readonly text: string;
  readonly visibility: Visibility;
  readonly contentWarning: string | null;
  readonly language: string | null;
  /**
   * The reply's record, chosen before the first attempt (networks with `chooseRecordKey`); every
   * attempt writes this record, and the check after an unknown outcome reads it back.
   */
  readonly recordKey?: RecordKey | null;
}

export interface SentReply {
  /** The reply as the network stored it, ready to show in its thread. */
  readonly post: Post;
}

/** What the outbox knows about earlier attempts, for the check after an unknown outcome. */
export interface EarlierAttempt {
  /** The key every attempt of this reply was sent with. */
  readonly idempotencyKey: string;
  /**
   * When the first attempt started, on this computer's clock: a reply made by it cannot be older.
   * Connectors allow for the server's clock being a few minutes off.
   */
  readonly firstAttemptAt: number;
}

/** Per call: the outbox aborts a request that outlives its timeout. */
export interface CallOptions {
  readonly signal?: AbortSignal;
}

/**
 * Why a connector call failed, typed so that the outbox and sync can decide what to do:
 * - `offline`, `timeout`, `server`, `rate-limited`: transient, try again later;
 * - `rejected`, `auth`, `malformed`: permanent for this request, tell the user.
 *
 * Whether a failed send may still have made the post matters as much (see `mayHaveCreated`):
 * `offline` means the request never left this computer (no connection, DNS failure, refused), so
 * a connection lost after the request was sent must be reported as `timeout`; `rate-limited`,
 * `rejected` and `auth` are the server's own answer that it made nothing.
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
 * Whether a send that failed this way may nonetheless have created the post on the server: the
 * request may have been accepted before its answer was lost (timeout, a 502 from a proxy after the
 * backend made the post, an answer that cannot be read). After such a failure the outbox asks the
 * network (`findSentReply`) before it sends again.
 */
export function mayHaveCreated(failure: ConnectorFailure): boolean {
  switch (failure.kind) {
    case 'timeout':
    case 'server':
    case 'malformed':
      return true;
    case 'offline':
    case 'rate-limited':
    case 'rejected':
    case 'auth':
      return false;
  }
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
  /**
   * What the account's server lets a reply do. A connector that reads it from the server
   * (Mastodon: the instance) says what it knows so far: after a `fetchActivitySince`, the
   * server's own values; before, the account's stored ones or the network's defaults.
   */
  readonly capabilities: NetworkCapabilities;
  /** Activity newer than `cursor` (null: the first sync), oldest first, in pages. */
  fetchActivitySince(cursor: string | null, options?: CallOptions): Promise<ActivityBatch>;
  /**
   * Tells the network the user has seen everything up to this activity (its `networkId`), so the
   * user's other apps do not show it as new (Mastodon: the notifications marker). Never moves the
   * network's position back. `happenedAt` is the activity's `createdAt`: Bluesky marks by time
   * (`updateSeen`), Mastodon by id.
   */
  markSeen(activityNetworkId: string, options?: CallOptions, happenedAt?: number): Promise<void>;
  /** The people the user follows, a page at a time (null: the first page); they pass the screener. */
  fetchFollowing(cursor: string | null, options?: CallOptions): Promise<PeoplePage>;
  /** The whole conversation around a post. */
  fetchThread(postId: string, options?: CallOptions): Promise<ThreadSnapshot>;
  /**
   * Sends a reply, with an idempotency key the server may use to return the post an earlier call
   * with the same key made (Mastodon's `Idempotency-Key`; a record key chosen up front on
   * Bluesky). The outbox does not rely on it: servers forget keys (Mastodon after an hour) or
   * ignore them, which is why `findSentReply` exists.
   */
  sendReply(
    reply: OutgoingReply,
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<SentReply>;
  /**
   * Networks whose posts are records the client names (Bluesky): the key and creation time of a
   * reply's record. The outbox asks once, before the first attempt, and stores the answer with the
   * entry in the same write that starts the attempt; every attempt then passes it in
   * `OutgoingReply.recordKey`. Networks without it get no key.
   */
  chooseRecordKey?(now: number): RecordKey;
  /**
   * The check the outbox makes before sending again after an attempt whose outcome is unknown:
   * the reply as the network holds it if an earlier attempt made it (for example the account's
   * own reply to that parent with the same text, created since the first attempt; or, on Bluesky,
   * the record at the key chosen before the first attempt), or null when it is certainly not there.
   * Throws a `ConnectorError` when it cannot tell (offline, timeout, an unreadable answer).
   */
  findSentReply(
    reply: OutgoingReply,
    earlier: EarlierAttempt,
    options?: CallOptions,
  ): Promise<SentReply | null>;
}
