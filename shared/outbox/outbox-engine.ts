/**
 * The outbox engine: sends due replies through their account's connector, exactly once.
 *
 * How "never lost, never sent twice" holds:
 * - The idempotency key is made once, when the reply is queued (`queueReply`), and every attempt
 *   sends that same key. The connector contract makes the server deduplicate it.
 * - Write-ahead: the entry is persisted as `sending` (attempts + 1) BEFORE the network call, and as
 *   `sent` (with `sentPostId`) after it. The store has no transactions to hold open, so no network
 *   call ever happens inside one.
 * - `recover()` (run at startup, and by the first `tick()` if nobody called it) moves entries
 *   left in `sending` by a dead process back to `waiting`, due after a short grace delay. Their
 *   request may have been accepted before the crash; re-sending with the same key returns the post
 *   the server already made instead of a second one.
 * - Every write is a compare-and-set against the entry as it was read, so the engine and the UI
 *   (cancel, retry, dismiss) never overwrite each other's transitions.
 * - One send at a time per account; accounts run side by side.
 */
import {
  ConnectorError,
  type Connector,
  type ConnectorFailure,
  type OutgoingReply,
} from '../connectors/connector';
import type { OutboxEntry } from '../domain/outbox';
import type { Post } from '../domain/post';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './outbox-backoff';
import { byAge, type OutboxStore } from './outbox-store';
import {
  cancel,
  dismiss,
  dueAt,
  queueReply,
  recordFailure,
  recordSuccess,
  resumeInterrupted,
  retry,
  startAttempt,
  type OutboxResult,
  type OutboxTransitionError,
  type QueueReplyInput,
  type QueueReplyOptions,
  type Withdrawn,
} from './outbox-transitions';

export interface OutboxClock {
  /** Epoch milliseconds. */
  now(): number;
}

type MaybePromise<T> = T | Promise<T>;

export interface OutboxEngineOptions {
  readonly store: OutboxStore;
  /** The connector for an account, or null/undefined while it has none (signed out): its replies wait. */
  readonly connectorFor: (accountId: string) => MaybePromise<Connector | null | undefined>;
  readonly clock: OutboxClock;
  /** In [0, 1); `Math.random` in the app, a seeded source in tests. */
  readonly random: () => number;
  /**
   * Called after an entry was persisted as `sent`, with the post the network returned (store it in
   * its thread). Not called again if the app dies in between; the next sync brings the post.
   * A throw here is reported in `TickReport.callbackErrors`, and the entry stays `sent`.
   */
  readonly onSent?: (entry: OutboxEntry, post: Post) => MaybePromise<void>;
  readonly backoff?: BackoffPolicy;
  /**
   * How long `recover()` waits before re-sending an interrupted entry (default 60 s). Must exceed
   * the connectors' request timeout: a request the previous run left open (the main process does
   * the HTTP, so a renderer reload does not cancel it) must be over before the same key is sent
   * again — Mastodon checks the key, creates the status, then records the key, so two requests
   * with one key in flight together can both create a post.
   */
  readonly resumeGraceMs?: number;
}

export const DEFAULT_RESUME_GRACE_MS = 60_000;

export type OutboxCommandError =
  | OutboxTransitionError
  | { readonly kind: 'not-found'; readonly id: string; readonly message: string }
  /** Another writer kept changing the entry; nothing was written. */
  | { readonly kind: 'conflict'; readonly id: string; readonly message: string };

export type OutboxCommandResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: OutboxCommandError };

export interface TickReport {
  /** Requests made (`startAttempt` persisted, then `sendReply` called). */
  attempted: number;
  readonly sent: OutboxEntry[];
  /** Transient failures, back in `waiting` with a later `nextAttemptAt`. */
  readonly retrying: OutboxEntry[];
  readonly needsAttention: OutboxEntry[];
  /** Writes that lost a compare-and-set to another writer (harmless; counted for diagnostics). */
  conflicts: number;
  readonly accountsWithoutConnector: string[];
  /** Accounts skipped because the server asked to slow down (429) and that time has not passed. */
  readonly accountsRateLimited: string[];
  readonly callbackErrors: unknown[];
  /**
   * Store failures (e.g. a Dexie write error). The tick goes on with other accounts; an entry left
   * in `sending` by such a failure is resumed by the next tick's recovery pass.
   */
  readonly storeErrors: unknown[];
}

export interface RecoverReport {
  /** Entries found in `sending` and put back in `waiting` (same key), due after the grace delay. */
  readonly resumed: OutboxEntry[];
  conflicts: number;
}

export interface OutboxEngine {
  /** Run at startup, before the first tick (the first tick runs it if nobody has). */
  recover(): Promise<RecoverReport>;
  /**
   * Sends every entry due now, oldest first, one at a time per account. A call made while a tick
   * is running returns that tick's promise, which then makes one more pass.
   */
  tick(): Promise<TickReport>;
  /** When the next entry becomes due (to schedule the next tick), or null when none is waiting. */
  nextDueAt(): Promise<number | null>;
  /** Queues a new reply (the only place a key is made). */
  queue(
    input: QueueReplyInput,
    options: Omit<QueueReplyOptions, 'now'>,
  ): Promise<OutboxCommandResult<OutboxEntry>>;
  /** Undo while waiting and never attempted; returns the draft to restore. */
  cancel(id: string): Promise<OutboxCommandResult<Withdrawn>>;
  /** needs-attention → waiting, same key. */
  retry(id: string): Promise<OutboxCommandResult<OutboxEntry>>;
  /** needs-attention → cancelled; returns the draft to restore. */
  dismiss(id: string): Promise<OutboxCommandResult<Withdrawn>>;
}

const MAX_CAS_ROUNDS = 5;

/**
 * Applies a pure transition to the stored entry with compare-and-set, re-reading and re-applying
 * if another writer got there first. Usable on its own (e.g. by UI code holding a Dexie store).
 */
export async function applyTransition<T>(
  store: OutboxStore,
  id: string,
  transition: (entry: OutboxEntry) => OutboxResult<T>,
  entryOf: (value: T) => OutboxEntry,
): Promise<OutboxCommandResult<T>> {
  for (let round = 0; round < MAX_CAS_ROUNDS; round++) {
    const current = await store.get(id);
    if (current === undefined) {
      return {
        ok: false,
        error: { kind: 'not-found', id, message: 'This reply is no longer in the outbox.' },
      };
    }
    const result = transition(current);
    if (!result.ok) return result;
    if (await store.compareAndSet(current, entryOf(result.value))) return result;
  }
  return {
    ok: false,
    error: { kind: 'conflict', id, message: 'This reply was changing too fast; try again.' },
  };
}

/** What the connector is asked to send for an entry. */
export function outgoingReplyOf(entry: OutboxEntry): OutgoingReply {
  return {
    accountId: entry.accountId,
    threadId: entry.threadId,
    inReplyToPostId: entry.inReplyToPostId,
    text: entry.text,
    visibility: entry.visibility,
    contentWarning: entry.contentWarning,
    language: entry.language,
  };
}

const FAILURE_KINDS = new Set<ConnectorFailure['kind']>([
  'offline',
  'timeout',
  'server',
  'rate-limited',
  'rejected',
  'auth',
  'malformed',
]);

/**
 * The typed failure behind a connector throw. Duck-typed as well as `instanceof`, because errors
 * that cross a worker or IPC boundary lose their class. Anything else (a bug, an unwrapped library
 * error) is treated as `malformed`: permanent, so the user sees it instead of a silent retry loop,
 * and a later retry still uses the same key.
 */
export function failureOf(error: unknown): ConnectorFailure {
  if (error instanceof ConnectorError) return error.failure;
  if (typeof error === 'object' && error !== null && 'failure' in error) {
    const failure: unknown = error.failure;
    if (
      typeof failure === 'object' &&
      failure !== null &&
      'kind' in failure &&
      FAILURE_KINDS.has(failure.kind as ConnectorFailure['kind'])
    ) {
      return failure as ConnectorFailure;
    }
  }
  const detail = error instanceof Error ? error.message : String(error);
  return { kind: 'malformed', message: `Unexpected error while sending: ${detail}` };
}

function emptyTickReport(): TickReport {
  return {
    attempted: 0,
    sent: [],
    retrying: [],
    needsAttention: [],
    conflicts: 0,
    accountsWithoutConnector: [],
    accountsRateLimited: [],
    callbackErrors: [],
    storeErrors: [],
  };
}

function mergeInto(target: TickReport, source: TickReport): TickReport {
  return {
    attempted: target.attempted + source.attempted,
    sent: [...target.sent, ...source.sent],
    retrying: [...target.retrying, ...source.retrying],
    needsAttention: [...target.needsAttention, ...source.needsAttention],
    conflicts: target.conflicts + source.conflicts,
    accountsWithoutConnector: [
      ...new Set([...target.accountsWithoutConnector, ...source.accountsWithoutConnector]),
    ],
    accountsRateLimited: [
      ...new Set([...target.accountsRateLimited, ...source.accountsRateLimited]),
    ],
    callbackErrors: [...target.callbackErrors, ...source.callbackErrors],
    storeErrors: [...target.storeErrors, ...source.storeErrors],
  };
}

type SendOutcome = 'sent' | 'transient' | 'permanent' | 'skipped';

export function createOutboxEngine(options: OutboxEngineOptions): OutboxEngine {
  const { store, clock, random } = options;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const resumeGraceMs = options.resumeGraceMs ?? DEFAULT_RESUME_GRACE_MS;
  /** Entries this engine has a request in flight for; `recover()` leaves them alone. */
  const inFlight = new Set<string>();
  /** Per account: no request before this instant (a 429's Retry-After). Memory only. */
  const pausedUntil = new Map<string, number>();
  let recovered: Promise<RecoverReport> | null = null;
  let running: Promise<TickReport> | null = null;
  let again = false;

  async function recover(): Promise<RecoverReport> {
    const report: RecoverReport = { resumed: [], conflicts: 0 };
    const stuck = await store.listByState('sending');
    for (const entry of stuck) {
      if (inFlight.has(entry.id)) continue;
      const resumed = resumeInterrupted(entry, clock.now(), resumeGraceMs);
      if (!resumed.ok) continue;
      if (await store.compareAndSet(entry, resumed.value)) report.resumed.push(resumed.value);
      else report.conflicts++;
    }
    return report;
  }

  function recoverOnce(): Promise<RecoverReport> {
    recovered ??= recover();
    return recovered;
  }

  async function sendOne(
    listed: OutboxEntry,
    connector: Connector,
    report: TickReport,
  ): Promise<SendOutcome> {
    const started = startAttempt(listed, clock.now());
    if (!started.ok) return 'skipped';
    const sending = started.value;
    // Write-ahead: from here on, a crash leaves the entry in `sending` for recover().
    if (!(await store.compareAndSet(listed, sending))) {
      report.conflicts++;
      return 'skipped';
    }
    inFlight.add(sending.id);
    try {
      report.attempted++;
      let post: Post | null = null;
      let failure: ConnectorFailure | null = null;
      try {
        // Outside any store operation: nothing is held open while the network works.
        const result = await connector.sendReply(outgoingReplyOf(sending), sending.idempotencyKey);
        const candidate: unknown = result?.post;
        if (
          typeof candidate === 'object' &&
          candidate !== null &&
          typeof (candidate as { id?: unknown }).id === 'string' &&
          (candidate as Post).id !== ''
        ) {
          post = candidate as Post;
        } else {
          failure = {
            kind: 'malformed',
            message: 'The server accepted the reply but did not say which post it became.',
          };
        }
      } catch (error) {
        failure = failureOf(error);
      }

      const now = clock.now();
      if (post !== null) {
        const done = recordSuccess(sending, post.id, now);
        if (!done.ok) return 'skipped';
        if (!(await store.compareAndSet(sending, done.value))) {
          // Someone (another process's recover) took the entry over; it will re-send the same
          // key and get this same post back.
          report.conflicts++;
          return 'skipped';
        }
        report.sent.push(done.value);
        if (options.onSent) {
          try {
            await options.onSent(done.value, post);
          } catch (error) {
            report.callbackErrors.push(error);
          }
        }
        return 'sent';
      }

      const failed = recordFailure(
        sending,
        failure ?? { kind: 'malformed', message: 'Unknown failure' },
        now,
        random,
        policy,
      );
      if (!failed.ok) return 'skipped';
      if (!(await store.compareAndSet(sending, failed.value))) {
        report.conflicts++;
        return 'skipped';
      }
      if (failed.value.state === 'waiting') {
        report.retrying.push(failed.value);
        if (failure?.kind === 'rate-limited') {
          pausedUntil.set(sending.accountId, failed.value.nextAttemptAt);
        }
        return 'transient';
      }
      report.needsAttention.push(failed.value);
      return 'permanent';
    } finally {
      inFlight.delete(sending.id);
    }
  }

  async function sendAccount(
    accountId: string,
    entries: readonly OutboxEntry[],
    report: TickReport,
  ): Promise<void> {
    const paused = pausedUntil.get(accountId);
    if (paused !== undefined) {
      if (clock.now() < paused) {
        report.accountsRateLimited.push(accountId);
        return;
      }
      pausedUntil.delete(accountId);
    }
    let connector: Connector | null | undefined;
    try {
      connector = await options.connectorFor(accountId);
    } catch {
      connector = null;
    }
    if (!connector) {
      report.accountsWithoutConnector.push(accountId);
      return;
    }
    for (const entry of entries) {
      let outcome: SendOutcome;
      try {
        outcome = await sendOne(entry, connector, report);
      } catch (error) {
        // A store operation failed. The entry may be left in `sending`: run recovery again on the
        // next tick (safe — it re-sends with the same key), and leave this account for now.
        report.storeErrors.push(error);
        recovered = null;
        return;
      }
      // The network or the server is struggling: leave this account's other replies for later.
      if (outcome === 'transient') return;
    }
  }

  async function pass(): Promise<TickReport> {
    const report = emptyTickReport();
    const due = await store.listDue(clock.now());
    const byAccount = new Map<string, OutboxEntry[]>();
    for (const entry of [...due].sort(byAge)) {
      const list = byAccount.get(entry.accountId);
      if (list) list.push(entry);
      else byAccount.set(entry.accountId, [entry]);
    }
    await Promise.all(
      [...byAccount].map(([accountId, entries]) => sendAccount(accountId, entries, report)),
    );
    return report;
  }

  function tick(): Promise<TickReport> {
    if (running) {
      again = true;
      return running;
    }
    const run = (async () => {
      try {
        await recoverOnce();
        let report = await pass();
        while (again) {
          again = false;
          report = mergeInto(report, await pass());
        }
        return report;
      } finally {
        running = null;
      }
    })();
    running = run;
    return run;
  }

  async function nextDueAt(): Promise<number | null> {
    const waiting = await store.listByState('waiting');
    let next: number | null = null;
    for (const entry of waiting) {
      const at = Math.max(dueAt(entry), pausedUntil.get(entry.accountId) ?? 0);
      if (next === null || at < next) next = at;
    }
    return next;
  }

  async function queue(
    input: QueueReplyInput,
    queueOptions: Omit<QueueReplyOptions, 'now'>,
  ): Promise<OutboxCommandResult<OutboxEntry>> {
    const queued = queueReply(input, { ...queueOptions, now: clock.now() });
    if (!queued.ok) return queued;
    if (!(await store.compareAndSet(null, queued.value))) {
      return {
        ok: false,
        error: {
          kind: 'conflict',
          id: queued.value.id,
          message: 'An outbox entry with this id already exists.',
        },
      };
    }
    return queued;
  }

  const asEntry = (value: OutboxEntry) => value;
  const withdrawnEntry = (value: Withdrawn) => value.entry;

  return {
    recover: () => {
      const run = recover();
      recovered ??= run;
      return run;
    },
    tick,
    nextDueAt,
    queue,
    cancel: (id) => applyTransition(store, id, (e) => cancel(e, clock.now()), withdrawnEntry),
    retry: (id) => applyTransition(store, id, (e) => retry(e, clock.now()), asEntry),
    dismiss: (id) => applyTransition(store, id, (e) => dismiss(e, clock.now()), withdrawnEntry),
  };
}
