/**
 * Test support: a fake reply server, and a Connector whose calls can be scripted to fail the ways
 * networks fail. Reusable by integration tests.
 *
 * The server keeps every post it ever created (`server.posts`), so a test can count deliveries
 * per reply: by idempotency key, or by text when each reply's text is unique. It models the three
 * kinds of server the app meets (`IdempotencyModel`): one that keeps every key (the app cannot
 * rely on it), one that forgets a key after an hour (Mastodon keeps `Idempotency-Key` for 3,600 s,
 * while a 429 can push a retry six hours out), and one that ignores the key (some
 * Mastodon-compatible servers; Bluesky has no such header). Where it keeps the key, idempotency is
 * checked first, as Mastodon does: a key that already created a post gets that post back, whatever
 * else the request says.
 */
import {
  ConnectorError,
  type ActivityBatch,
  type Connector,
  type EarlierAttempt,
  type OutgoingReply,
  type SentReply,
  type ThreadSnapshot,
} from '../../connectors/connector';
import type { Account } from '../../domain/account';
import { MASTODON_DEFAULT_CAPABILITIES } from '../../domain/capabilities';
import { localId } from '../../domain/common';
import type { Post } from '../../domain/post';

// ---------------------------------------------------------------------------------------------
// Faults
// ---------------------------------------------------------------------------------------------

export type InjectedFault =
  /** The request succeeds. */
  | { readonly kind: 'none' }
  /** Fails before reaching the server (DNS, connection refused). */
  | { readonly kind: 'offline' }
  /** The request is lost on the way; the server never sees it; the caller gets a timeout. */
  | { readonly kind: 'timeout-before-accept' }
  /** The server creates (or finds) the post, but the answer is lost: the caller gets a timeout. */
  | { readonly kind: 'timeout-after-accept' }
  /** 5xx. With `afterAccept`, a proxy fails after the backend created the post (a 502). */
  | { readonly kind: 'server-error'; readonly status?: number; readonly afterAccept?: boolean }
  /** 429, nothing created. */
  | { readonly kind: 'rate-limited'; readonly retryAfterMs: number | null }
  /**
   * A permanent 4xx (default 404: the post being answered was deleted). Only for a key that has
   * not created a post yet; otherwise the server returns that post (idempotency comes first).
   */
  | { readonly kind: 'rejected'; readonly status?: number; readonly message?: string }
  /** 401, checked before anything else (even before idempotency): nothing created. */
  | { readonly kind: 'auth' }
  /** The server creates (or finds) the post, but its answer cannot be parsed. */
  | { readonly kind: 'malformed-after-accept' }
  /**
   * The call never settles because the process dies mid-request. With `afterAccept` the server
   * creates (or finds) the post first. `onHang` is called so a harness can "crash".
   */
  | { readonly kind: 'hang'; readonly afterAccept: boolean }
  /**
   * The call never settles but the process lives on (a socket that hangs): only the caller's own
   * timeout ends it. With `afterAccept` the server creates the post: at once, or `landsAfterMs`
   * later on the server's clock (a request still queued on the server when the client gave up).
   */
  | { readonly kind: 'stall'; readonly afterAccept: boolean; readonly landsAfterMs?: number };

export interface SendCall {
  /** 0-based, per connector, over both operations. */
  readonly index: number;
  /** `send`: `sendReply`; `find`: `findSentReply` (the check after an unknown outcome). */
  readonly operation: 'send' | 'find';
  readonly accountId: string;
  readonly idempotencyKey: string;
  readonly reply: OutgoingReply;
}

/** Chooses the fault for each call. */
export type FaultScript = (call: SendCall) => InjectedFault;

export const NO_FAULTS: FaultScript = () => ({ kind: 'none' });

/** The given faults, one per call in order, then no faults. */
export function faultSequence(...faults: readonly InjectedFault[]): FaultScript {
  let next = 0;
  return () => faults[next++] ?? { kind: 'none' };
}

// ---------------------------------------------------------------------------------------------
// The server
// ---------------------------------------------------------------------------------------------

export interface CreatedPost {
  readonly accountId: string;
  readonly idempotencyKey: string;
  readonly reply: OutgoingReply;
  readonly post: Post;
}

export interface ServerRequestRecord extends SendCall {
  readonly fault: InjectedFault;
  /**
   * What the server did: `created` a post, returned a `duplicate`, `rejected` it, never saw it,
   * will create it later (`queued`), or answered a check (`found` / `not-found`).
   */
  readonly serverOutcome:
    'created' | 'duplicate' | 'rejected' | 'not-received' | 'queued' | 'found' | 'not-found';
}

/** How a server treats the idempotency key. */
export type IdempotencyModel =
  /** Keeps every key forever: a resent key always gets its first post back. */
  | { readonly kind: 'forever' }
  /** Forgets a key `afterMs` after the post was created (Mastodon: one hour). */
  | { readonly kind: 'expires'; readonly afterMs: number }
  /** Ignores the key: every request that reaches it creates a post. */
  | { readonly kind: 'ignored' };

export const SERVER_MODELS = {
  'keys kept forever': { kind: 'forever' },
  'keys kept for 1 hour': { kind: 'expires', afterMs: 60 * 60_000 },
  'keys ignored': { kind: 'ignored' },
} as const satisfies Record<string, IdempotencyModel>;

export type ReceiveResult =
  | { readonly outcome: 'created' | 'duplicate'; readonly post: Post }
  | { readonly outcome: 'rejected'; readonly status: number; readonly message: string };

export interface FakeReplyServer {
  readonly idempotency: IdempotencyModel;
  /** Every post ever created, in order. */
  readonly posts: readonly CreatedPost[];
  /** Every request any connector made, in order, including those that never reached the server. */
  readonly requests: readonly ServerRequestRecord[];
  postsForKey(idempotencyKey: string): CreatedPost[];
  /** Deletes a post: new replies to it are rejected with 404 (an existing key still gets its post). */
  deletePost(postId: string): void;
  /**
   * One request as the server handles it: idempotency first, then `rejectNew` / a deleted parent,
   * then create. Connectors call this; tests rarely need to.
   */
  receive(
    accountId: string,
    reply: OutgoingReply,
    idempotencyKey: string,
    rejectNew?: { readonly status: number; readonly message: string } | null,
  ): ReceiveResult;
  /**
   * A request the server will handle `afterMs` from now (it was queued when the client gave up).
   * Handled by the first server operation at or after that instant, or by `settle()`.
   */
  receiveLater(
    accountId: string,
    reply: OutgoingReply,
    idempotencyKey: string,
    afterMs: number,
  ): void;
  /** Handles every queued request that is due by now. */
  settle(): void;
  /** Requests queued and not handled yet. */
  readonly queued: number;
  /**
   * The check after an unknown outcome, as a client can make it on a real server: the account's
   * own reply to `reply.inReplyToPostId` (or, for a new conversation, its own post that answers
   * nothing) with the same text, created at or after `since`.
   */
  findOwnReply(accountId: string, reply: OutgoingReply, since: number): Post | null;
  /** Used by connectors to log requests. */
  record(request: ServerRequestRecord): void;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

export interface FakeReplyServerOptions {
  readonly now?: () => number;
  /** Default: keys kept forever. */
  readonly idempotency?: IdempotencyModel;
}

interface QueuedRequest {
  readonly at: number;
  readonly accountId: string;
  readonly reply: OutgoingReply;
  readonly idempotencyKey: string;
}

export function createFakeReplyServer(options: FakeReplyServerOptions = {}): FakeReplyServer {
  const now = options.now ?? (() => 0);
  const idempotency = options.idempotency ?? { kind: 'forever' };
  const posts: CreatedPost[] = [];
  const requests: ServerRequestRecord[] = [];
  const byKey = new Map<string, CreatedPost>();
  const deleted = new Set<string>();
  let queue: QueuedRequest[] = [];
  let serial = 0;

  function remembered(scoped: string): CreatedPost | undefined {
    const existing = byKey.get(scoped);
    if (existing === undefined) return undefined;
    switch (idempotency.kind) {
      case 'forever':
        return existing;
      case 'ignored':
        return undefined;
      case 'expires':
        return now() - existing.post.createdAt < idempotency.afterMs ? existing : undefined;
    }
  }

  function settle(): void {
    const due = queue.filter((q) => q.at <= now());
    if (due.length === 0) return;
    queue = queue.filter((q) => q.at > now());
    for (const q of due) handle(q.accountId, q.reply, q.idempotencyKey, null);
  }

  function handle(
    accountId: string,
    reply: OutgoingReply,
    idempotencyKey: string,
    rejectNew: { readonly status: number; readonly message: string } | null,
  ): ReceiveResult {
    // Idempotency scope is per account, as in Mastodon (`idempotency:status:<account>:<key>`).
    const scoped = `${accountId}\u0000${idempotencyKey}`;
    const existing = remembered(scoped);
    if (existing) return { outcome: 'duplicate', post: existing.post };
    if (rejectNew) return { outcome: 'rejected', ...rejectNew };
    if (reply.inReplyToPostId !== null && deleted.has(reply.inReplyToPostId)) {
      return { outcome: 'rejected', status: 404, message: 'Record not found' };
    }
    serial += 1;
    const networkId = `srv-${serial}`;
    // A new conversation (answering nothing) starts its own thread.
    const parentRef =
      reply.inReplyToPostId === null
        ? null
        : { id: reply.inReplyToPostId, uri: `fake:${reply.inReplyToPostId}`, cid: null };
    const post: Post = {
      id: localId(accountId, networkId),
      accountId,
      networkId,
      uri: `fake:${accountId}/${networkId}`,
      cid: null,
      url: null,
      threadId: reply.threadId ?? localId(accountId, networkId),
      authorId: localId(accountId, 'me'),
      contentHtml: `<p>${escapeHtml(reply.text)}</p>`,
      createdAt: now(),
      parent: parentRef,
      root: parentRef ?? {
        id: localId(accountId, networkId),
        uri: `fake:${accountId}/${networkId}`,
        cid: null,
      },
      visibility: reply.visibility,
      contentWarning: reply.contentWarning,
      language: reply.language,
      isOwn: true,
      arrivedAt: 0,
      screen: null,
    };
    const created: CreatedPost = { accountId, idempotencyKey, reply, post };
    byKey.set(scoped, created);
    posts.push(created);
    return { outcome: 'created', post };
  }

  return {
    idempotency,
    posts,
    requests,
    postsForKey: (key) => {
      settle();
      return posts.filter((p) => p.idempotencyKey === key);
    },
    deletePost: (postId) => {
      deleted.add(postId);
    },
    record: (request) => {
      requests.push(request);
    },
    receive(accountId, reply, idempotencyKey, rejectNew = null) {
      settle();
      return handle(accountId, reply, idempotencyKey, rejectNew);
    },
    receiveLater(accountId, reply, idempotencyKey, afterMs) {
      queue.push({ at: now() + Math.max(0, afterMs), accountId, reply, idempotencyKey });
      settle();
    },
    settle,
    get queued() {
      return queue.length;
    },
    findOwnReply(accountId, reply, since) {
      settle();
      const found = posts.find(
        (p) =>
          p.accountId === accountId &&
          (p.post.parent?.id ?? null) === reply.inReplyToPostId &&
          p.reply.text === reply.text &&
          p.post.createdAt >= since,
      );
      return found?.post ?? null;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// The connector
// ---------------------------------------------------------------------------------------------

export interface FaultInjectingConnectorOptions {
  readonly server: FakeReplyServer;
  /** An account id, or a whole account. */
  readonly account: string | Account;
  /** Chooses the fault for each call, sends and checks alike (`SendCall.operation` tells which). */
  readonly faults?: FaultScript;
  /** Called when a `hang` fault swallows a call. */
  readonly onHang?: (call: SendCall) => void;
  /**
   * How far the server's clock may be behind this computer's: the check looks this far before the
   * first attempt (default 0: one clock in tests).
   */
  readonly clockSkewMs?: number;
  /**
   * A check that never finds anything (a control for tests: what the outbox would do if it could
   * not ask the network).
   */
  readonly blindCheck?: boolean;
}

export interface FaultInjectingConnector extends Connector {
  /** Replace the fault script (e.g. "the network is back"). */
  setFaults(script: FaultScript): void;
  /** Calls made through this connector, with their faults. */
  readonly calls: readonly ServerRequestRecord[];
  /** Calls started and not yet settled (hung and stalled calls stay counted). */
  readonly inFlight: number;
  /** The most calls ever in flight at once through this connector. */
  readonly maxInFlight: number;
}

export function testAccount(id: string): Account {
  return {
    id,
    network: 'demo',
    handle: `@${id} (test)`,
    displayName: `Test ${id}`,
    serverOrigin: 'https://fake.example',
    networkUserId: `user-${id}`,
    isDemo: true,
    addedAt: 0,
    syncCursor: null,
    lastSyncedAt: null,
  };
}

const NEVER: Promise<never> = new Promise<never>(() => {});

export function createFaultInjectingConnector(
  options: FaultInjectingConnectorOptions,
): FaultInjectingConnector {
  const { server } = options;
  const account =
    typeof options.account === 'string' ? testAccount(options.account) : options.account;
  const skew = options.clockSkewMs ?? 0;
  let script = options.faults ?? NO_FAULTS;
  const calls: ServerRequestRecord[] = [];
  let inFlight = 0;
  let maxInFlight = 0;

  function fail(failure: ConstructorParameters<typeof ConnectorError>[0]): Promise<never> {
    return Promise.resolve().then(() => {
      inFlight--;
      throw new ConnectorError(failure);
    });
  }

  function answer<T>(value: T): Promise<T> {
    return Promise.resolve().then(() => {
      inFlight--;
      return value;
    });
  }

  /** Starts a call: picks its fault and returns the logger for what the server did. */
  function begin(operation: SendCall['operation'], reply: OutgoingReply, idempotencyKey: string) {
    const call: SendCall = {
      index: calls.length,
      operation,
      accountId: account.id,
      idempotencyKey,
      reply,
    };
    const fault = script(call);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const log = (serverOutcome: ServerRequestRecord['serverOutcome']): void => {
      const record: ServerRequestRecord = { ...call, fault, serverOutcome };
      calls.push(record);
      server.record(record);
    };
    return { call, fault, log };
  }

  /** Failures before a request reaches the server; null when it gets there. */
  function failBeforeServer(
    fault: InjectedFault,
    call: SendCall,
    log: (outcome: ServerRequestRecord['serverOutcome']) => void,
  ): Promise<never> | null {
    switch (fault.kind) {
      case 'offline':
        log('not-received');
        return fail({ kind: 'offline', message: 'getaddrinfo ENOTFOUND fake.example' });
      case 'timeout-before-accept':
        log('not-received');
        return fail({ kind: 'timeout', message: 'The request timed out' });
      case 'auth':
        log('not-received');
        return fail({ kind: 'auth', message: 'The access token is invalid (HTTP 401)' });
      case 'rate-limited':
        log('not-received');
        return fail({
          kind: 'rate-limited',
          message: 'Too many requests (HTTP 429)',
          retryAfterMs: fault.retryAfterMs,
        });
      case 'server-error':
        if (fault.afterAccept) return null;
        log('not-received');
        return fail({
          kind: 'server',
          message: `Server error (HTTP ${fault.status ?? 503})`,
          status: fault.status ?? 503,
        });
      case 'hang':
        if (fault.afterAccept) return null;
        log('not-received');
        options.onHang?.(call);
        return NEVER;
      case 'stall':
        if (fault.afterAccept) return null;
        log('not-received');
        return NEVER;
      default:
        return null;
    }
  }

  // Not `async`: everything the server does happens synchronously, at the moment of the call;
  // only the answer arrives later (a microtask), so a harness can crash in between.
  function sendReply(reply: OutgoingReply, idempotencyKey: string): Promise<SentReply> {
    const { call, fault, log } = begin('send', reply, idempotencyKey);
    const early = failBeforeServer(fault, call, log);
    if (early) return early;

    if (fault.kind === 'stall' && fault.landsAfterMs !== undefined && fault.landsAfterMs > 0) {
      server.receiveLater(account.id, reply, idempotencyKey, fault.landsAfterMs);
      log('queued');
      return NEVER;
    }
    const rejectNew =
      fault.kind === 'rejected'
        ? { status: fault.status ?? 404, message: fault.message ?? 'Record not found' }
        : null;
    const received = server.receive(account.id, reply, idempotencyKey, rejectNew);
    log(received.outcome);
    if (received.outcome === 'rejected') {
      return fail({ kind: 'rejected', message: received.message, status: received.status });
    }
    return afterServer(fault, call, { post: received.post });
  }

  /** Failures after the server did its part (for a send: the post exists now). */
  function afterServer<T>(fault: InjectedFault, call: SendCall, value: T): Promise<T> {
    switch (fault.kind) {
      case 'timeout-after-accept':
        return fail({ kind: 'timeout', message: 'The request timed out' });
      case 'server-error': {
        const status = fault.status ?? 502;
        return fail({ kind: 'server', message: `Bad gateway (HTTP ${status})`, status });
      }
      case 'malformed-after-accept':
        return fail({ kind: 'malformed', message: 'Unexpected token < in JSON at position 0' });
      case 'hang':
        options.onHang?.(call);
        return NEVER;
      case 'stall':
        return NEVER;
      default:
        return answer(value);
    }
  }

  function findSentReply(reply: OutgoingReply, earlier: EarlierAttempt): Promise<SentReply | null> {
    const { call, fault, log } = begin('find', reply, earlier.idempotencyKey);
    const early = failBeforeServer(fault, call, log);
    if (early) return early;
    if (fault.kind === 'rejected') {
      log('rejected');
      return fail({
        kind: 'rejected',
        message: fault.message ?? 'Record not found',
        status: fault.status ?? 404,
      });
    }
    const found =
      options.blindCheck === true
        ? null
        : server.findOwnReply(account.id, reply, earlier.firstAttemptAt - skew);
    log(found === null ? 'not-found' : 'found');
    return afterServer(fault, call, found === null ? null : { post: found });
  }

  const emptyBatch: ActivityBatch = {
    people: [],
    posts: [],
    activity: [],
    nextCursor: null,
    hasMore: false,
    problems: [],
  };

  return {
    network: account.network,
    account,
    capabilities: MASTODON_DEFAULT_CAPABILITIES,
    fetchActivitySince: () => Promise.resolve(emptyBatch),
    // Harmless: this connector is about sending; nothing to mark, nobody followed.
    markSeen: () => Promise.resolve(),
    fetchFollowing: () => Promise.resolve({ people: [], nextCursor: null, problems: [] }),
    fetchThread: (postId: string): Promise<ThreadSnapshot> =>
      Promise.resolve({
        people: [],
        posts: server.posts
          .filter((p) => p.post.parent?.id === postId || p.post.id === postId)
          .map((p) => p.post),
        problems: [],
      }),
    sendReply,
    findSentReply,
    setFaults: (next) => {
      script = next;
    },
    calls,
    get inFlight() {
      return inFlight;
    },
    get maxInFlight() {
      return maxInFlight;
    },
  };
}
