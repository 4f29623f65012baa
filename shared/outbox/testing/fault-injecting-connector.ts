/**
 * Test support: a fake reply server with real server-side idempotency, and a Connector whose
 * `sendReply` can be scripted to fail the ways networks fail. Reusable by integration tests.
 *
 * The server keeps every post it ever created (`server.posts`), so a test can count deliveries
 * per reply: by idempotency key, or by text when each reply's text is unique. Idempotency is
 * checked first, as Mastodon does: a key that already created a post gets that post back, whatever
 * else the request says.
 */
import {
  ConnectorError,
  type ActivityBatch,
  type Connector,
  type OutgoingReply,
  type SentReply,
  type ThreadSnapshot,
} from '../../connectors/connector';
import type { Account } from '../../domain/account';
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
   * The call never settles — the process dies, or the socket hangs forever. With `afterAccept`
   * the server creates (or finds) the post first. `onHang` is called so a harness can "crash".
   */
  | { readonly kind: 'hang'; readonly afterAccept: boolean };

export interface SendCall {
  /** 0-based, per connector. */
  readonly index: number;
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
  /** What the server did: `created` a post, returned a `duplicate`, `rejected` it, or never saw it. */
  readonly serverOutcome: 'created' | 'duplicate' | 'rejected' | 'not-received';
}

export type ReceiveResult =
  | { readonly outcome: 'created' | 'duplicate'; readonly post: Post }
  | { readonly outcome: 'rejected'; readonly status: number; readonly message: string };

export interface FakeReplyServer {
  /** Every post ever created, in order. Never more than one per (account, key). */
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

export function createFakeReplyServer(
  options: { readonly now?: () => number } = {},
): FakeReplyServer {
  const now = options.now ?? (() => 0);
  const posts: CreatedPost[] = [];
  const requests: ServerRequestRecord[] = [];
  const byKey = new Map<string, CreatedPost>();
  const deleted = new Set<string>();
  let serial = 0;

  return {
    posts,
    requests,
    postsForKey: (key) => posts.filter((p) => p.idempotencyKey === key),
    deletePost: (postId) => {
      deleted.add(postId);
    },
    record: (request) => {
      requests.push(request);
    },
    receive(accountId, reply, idempotencyKey, rejectNew = null) {
      // Idempotency scope is per account, as in Mastodon (`idempotency:status:<account>:<key>`).
      const scoped = `${accountId}\u0000${idempotencyKey}`;
      const existing = byKey.get(scoped);
      if (existing) return { outcome: 'duplicate', post: existing.post };
      if (rejectNew) return { outcome: 'rejected', ...rejectNew };
      if (deleted.has(reply.inReplyToPostId)) {
        return { outcome: 'rejected', status: 404, message: 'Record not found' };
      }
      serial += 1;
      const networkId = `srv-${serial}`;
      const parentRef = {
        id: reply.inReplyToPostId,
        uri: `fake:${reply.inReplyToPostId}`,
        cid: null,
      };
      const post: Post = {
        id: localId(accountId, networkId),
        accountId,
        networkId,
        uri: `fake:${accountId}/${networkId}`,
        cid: null,
        url: null,
        threadId: reply.threadId,
        authorId: localId(accountId, 'me'),
        contentHtml: `<p>${escapeHtml(reply.text)}</p>`,
        createdAt: now(),
        parent: parentRef,
        root: parentRef,
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
  readonly faults?: FaultScript;
  /** Called when a `hang` fault swallows a call. */
  readonly onHang?: (call: SendCall) => void;
}

export interface FaultInjectingConnector extends Connector {
  /** Replace the fault script (e.g. "the network is back"). */
  setFaults(script: FaultScript): void;
  /** Calls made through this connector, with their faults. */
  readonly calls: readonly ServerRequestRecord[];
  /** Calls started and not yet settled (hung calls stay counted). */
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

  function succeed(post: Post): Promise<SentReply> {
    return Promise.resolve().then(() => {
      inFlight--;
      return { post };
    });
  }

  // Not `async`: everything the server does happens synchronously, at the moment of the call;
  // only the answer arrives later (a microtask), so a harness can crash in between.
  function sendReply(reply: OutgoingReply, idempotencyKey: string): Promise<SentReply> {
    const call: SendCall = { index: calls.length, accountId: account.id, idempotencyKey, reply };
    const fault = script(call);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    const log = (serverOutcome: ServerRequestRecord['serverOutcome']) => {
      const record: ServerRequestRecord = { ...call, fault, serverOutcome };
      calls.push(record);
      server.record(record);
    };

    // Failures before the request reaches the server.
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
        if (!fault.afterAccept) {
          log('not-received');
          const status = fault.status ?? 503;
          return fail({ kind: 'server', message: `Server error (HTTP ${status})`, status });
        }
        break;
      case 'hang':
        if (!fault.afterAccept) {
          log('not-received');
          options.onHang?.(call);
          return NEVER;
        }
        break;
      default:
        break;
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

    // Failures after the server accepted the request (the post exists now).
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
      default:
        return succeed(received.post);
    }
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
    fetchActivitySince: () => Promise.resolve(emptyBatch),
    fetchThread: (postId: string): Promise<ThreadSnapshot> =>
      Promise.resolve({
        people: [],
        posts: server.posts
          .filter((p) => p.post.parent?.id === postId || p.post.id === postId)
          .map((p) => p.post),
        problems: [],
      }),
    sendReply,
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
