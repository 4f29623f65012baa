/**
 * The outbox engine: sends due replies through their account's connector, exactly once, without
 * trusting the server to deduplicate.
 *
 * How "never lost, never sent twice" holds:
 * - Write-ahead: the entry is persisted as `sending` (attempts + 1) BEFORE any network call, and
 *   as `sent` (with `sentPostId`) after it. No network call ever happens inside a store operation.
 * - Whenever an attempt's outcome is unknown — found in `sending` at startup (`recover()`), a
 *   timeout, a 5xx, an answer that cannot be read — the entry is marked `outcomeUnknown`, and its
 *   next attempt first asks the network whether the reply is already there
 *   (`Connector.findSentReply`): found, it is marked sent; not there, it is sent. The idempotency
 *   key, made once when the reply is queued, stays the first line of defence, but servers forget
 *   keys (Mastodon after an hour) or ignore them, so nothing relies on it.
 * - The check waits `settleMs` after the unclear attempt, longer than any request's timeout, so a
 *   request still on its way has landed before the check looks for it.
 * - Every network call has a timeout (`requestTimeoutMs`) and is aborted when it runs out.
 * - Every write is a compare-and-set against the entry as it was read, so the engine and the UI
 *   (take back, retry, edit as a draft) never overwrite each other's transitions.
 * - Each account has its own lane: one send at a time per account, accounts side by side, and a
 *   slow or hung server holds up only its own account's replies.
 * - "Edit as a draft" of a reply whose outcome is unknown (`editAsDraft`) checks with the network
 *   first: a reply that was posted after all is marked sent instead of coming back as a draft.
 */
import {
  DEFAULT_REQUEST_TIMEOUT_MS,
  realTimer,
  withDeadline,
  type RequestTimer,
} from '../connectors/deadline';
import {
  ConnectorError,
  type CallOptions,
  type Connector,
  type ConnectorFailure,
  type OutgoingReply,
  type SentReply,
} from '../connectors/connector';
import type { OutboxEntry } from '../domain/outbox';
import { PostSchema, type Post } from '../domain/post';
import { DEFAULT_BACKOFF, type BackoffPolicy } from './outbox-backoff';
import { failureCause } from './outbox-messages';
import { byAge, type OutboxStore } from './outbox-store';
import {
  cancel,
  confirmNotSent,
  confirmSent,
  DEFAULT_SETTLE_MS,
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
   * How long `recover()` waits before checking on an interrupted entry (default 60 s). Must exceed
   * the request timeout: a request the previous run left open (authorized requests go through the
   * main process, so a page reload does not cancel them) must have landed before the check looks.
   */
  readonly resumeGraceMs?: number;
  /** The least wait after an attempt whose outcome is unknown before the check (default 60 s). */
  readonly settleMs?: number;
  /** Every network call is abandoned (and aborted) after this long (default 30 s). */
  readonly requestTimeoutMs?: number;
  /** Default: `setTimeout`. Tests pass their own to make a stalled request time out at once. */
  readonly timer?: RequestTimer;
}

export const DEFAULT_RESUME_GRACE_MS = 60_000;
export { DEFAULT_REQUEST_TIMEOUT_MS, realTimer, type RequestTimer };

export type OutboxCommandError =
  | OutboxTransitionError
  | { readonly kind: 'not-found'; readonly id: string; readonly message: string }
  /** Another writer kept changing the entry; nothing was written. */
  | { readonly kind: 'conflict'; readonly id: string; readonly message: string }
  /** The network could not say whether a reply with an unknown outcome was posted. */
  | { readonly kind: 'cannot-check'; readonly id: string; readonly message: string };

export type OutboxCommandResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: OutboxCommandError };

export interface TickReport {
  /** Attempts made (`startAttempt` persisted, then the check and/or `sendReply`). */
  attempted: number;
  /** Checks made before sending again after an unknown outcome. */
  checked: number;
  /** Entries the check found already posted (also in `sent`). */
  readonly foundByCheck: OutboxEntry[];
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

/** What the check of a reply that needs attention found. */
export type CheckOutcome =
  /** It is on the network after all: now `sent`. */
  | { readonly kind: 'posted'; readonly entry: OutboxEntry }
  /** It is not there: it still needs attention, and can safely come back as a draft. */
  | { readonly kind: 'not-posted'; readonly entry: OutboxEntry };

/** What "Edit as a draft" did. */
export type EditOutcome =
  | { readonly kind: 'posted'; readonly entry: OutboxEntry }
  | { readonly kind: 'draft'; readonly withdrawn: Withdrawn };

export interface OutboxEngine {
  /** Run at startup, before the first tick (the first tick runs it if nobody has). */
  recover(): Promise<RecoverReport>;
  /**
   * Sends every entry due now, oldest first, one at a time per account, accounts side by side.
   * An account already sending (a call made while its lane runs) makes one more pass when done;
   * the returned promise settles when every lane it started or joined is done.
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
  /**
   * needs-attention → cancelled; returns the draft to restore. Refused while an earlier attempt's
   * outcome is unknown, unless `acceptUnknown` (the user chose to, after being told it may be
   * posted already). The app uses `editAsDraft`, which checks first.
   */
  dismiss(
    id: string,
    options?: { readonly acceptUnknown?: boolean },
  ): Promise<OutboxCommandResult<Withdrawn>>;
  /** For a reply that needs attention: asks the network whether it was posted after all. */
  check(id: string): Promise<OutboxCommandResult<CheckOutcome>>;
  /** "Edit as a draft": checks first when the outcome is unknown, then gives the text back. */
  editAsDraft(id: string): Promise<OutboxCommandResult<EditOutcome>>;
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
    if (current === undefined) return notFound(id);
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
    ...(entry.addressee == null ? {} : { addressee: entry.addressee }),
    text: entry.text,
    visibility: entry.visibility,
    contentWarning: entry.contentWarning,
    language: entry.language,
    ...(entry.recordKey == null ? {} : { recordKey: entry.recordKey }),
  };
}

/**
 * The entry with its record chosen, for a connector that names its records (Bluesky) and an
 * entry that has none yet: done before the first attempt, in the write that starts it.
 */
export function withRecordKey(entry: OutboxEntry, connector: Connector, now: number): OutboxEntry {
  if (entry.recordKey != null || connector.chooseRecordKey === undefined) return entry;
  return { ...entry, recordKey: connector.chooseRecordKey(now) };
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
    checked: 0,
    foundByCheck: [],
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

function mergeReports(reports: readonly TickReport[]): TickReport {
  const out = emptyTickReport();
  const without = new Set<string>();
  const limited = new Set<string>();
  for (const r of reports) {
    out.attempted += r.attempted;
    out.checked += r.checked;
    out.conflicts += r.conflicts;
    out.foundByCheck.push(...r.foundByCheck);
    out.sent.push(...r.sent);
    out.retrying.push(...r.retrying);
    out.needsAttention.push(...r.needsAttention);
    out.callbackErrors.push(...r.callbackErrors);
    out.storeErrors.push(...r.storeErrors);
    for (const a of r.accountsWithoutConnector) without.add(a);
    for (const a of r.accountsRateLimited) limited.add(a);
  }
  out.accountsWithoutConnector.push(...without);
  out.accountsRateLimited.push(...limited);
  return out;
}

/** A post a connector handed back, checked before it is trusted (it becomes `sentPostId`). */
function postOf(result: SentReply | null | undefined): Post | null {
  const parsed = PostSchema.safeParse(result?.post);
  return parsed.success ? parsed.data : null;
}

const UNREADABLE_POST: ConnectorFailure = {
  kind: 'malformed',
  message: 'The server accepted the reply but did not say which post it became.',
};

type SendOutcome = 'sent' | 'transient' | 'permanent' | 'skipped';

export function createOutboxEngine(options: OutboxEngineOptions): OutboxEngine {
  const { store, clock, random } = options;
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const resumeGraceMs = options.resumeGraceMs ?? DEFAULT_RESUME_GRACE_MS;
  const settleMs = options.settleMs ?? DEFAULT_SETTLE_MS;
  const timeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
  const timer = options.timer ?? realTimer;
  if (timeoutMs >= Math.min(settleMs, resumeGraceMs)) {
    throw new RangeError(
      'outbox engine: the request timeout must be shorter than the settle and resume delays',
    );
  }
  /** Entries this engine has a request in flight for; `recover()` leaves them alone. */
  const inFlight = new Set<string>();
  /** Per account: no request before this instant (a 429's Retry-After). Memory only. */
  const pausedUntil = new Map<string, number>();
  /** Per account: the lane sending its replies now, and whether it should look again. */
  const lanes = new Map<string, Promise<TickReport>>();
  const lookAgain = new Set<string>();
  let recovered: Promise<RecoverReport> | null = null;

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

  /** A connector call with a deadline: after `requestTimeoutMs` it is aborted and fails. */
  const deadline = <T>(call: (options: CallOptions) => Promise<T>): Promise<T> =>
    withDeadline(call, timeoutMs, timer);

  function earlierAttempt(entry: OutboxEntry) {
    return {
      idempotencyKey: entry.idempotencyKey,
      firstAttemptAt: entry.firstAttemptAt ?? entry.createdAt,
    };
  }

  async function markSent(
    sending: OutboxEntry,
    post: Post,
    report: TickReport,
    found: boolean,
  ): Promise<SendOutcome> {
    const done = recordSuccess(sending, post.id, clock.now());
    if (!done.ok) return 'skipped';
    if (!(await store.compareAndSet(sending, done.value))) {
      // Someone (another process's recover) took the entry over; it will check and find this post.
      report.conflicts++;
      return 'skipped';
    }
    report.sent.push(done.value);
    if (found) report.foundByCheck.push(done.value);
    await notifySent(done.value, post, report.callbackErrors);
    return 'sent';
  }

  async function notifySent(entry: OutboxEntry, post: Post, errors: unknown[]): Promise<void> {
    if (!options.onSent) return;
    try {
      await options.onSent(entry, post);
    } catch (error) {
      errors.push(error);
    }
  }

  async function markFailed(
    sending: OutboxEntry,
    failure: ConnectorFailure,
    phase: 'check' | 'send',
    report: TickReport,
  ): Promise<SendOutcome> {
    const failed = recordFailure(sending, failure, clock.now(), random, {
      phase,
      policy,
      settleMs,
    });
    if (!failed.ok) return 'skipped';
    if (!(await store.compareAndSet(sending, failed.value))) {
      report.conflicts++;
      return 'skipped';
    }
    if (failed.value.state === 'waiting') {
      report.retrying.push(failed.value);
      if (failure.kind === 'rate-limited') {
        pausedUntil.set(sending.accountId, failed.value.nextAttemptAt);
      }
      return 'transient';
    }
    report.needsAttention.push(failed.value);
    return 'permanent';
  }

  async function sendOne(
    listed: OutboxEntry,
    connector: Connector,
    report: TickReport,
  ): Promise<SendOutcome> {
    const started = startAttempt(listed, clock.now());
    if (!started.ok) return 'skipped';
    const sending = withRecordKey(started.value, connector, clock.now());
    // Write-ahead: from here on, a crash leaves the entry in `sending` for recover().
    if (!(await store.compareAndSet(listed, sending))) {
      report.conflicts++;
      return 'skipped';
    }
    inFlight.add(sending.id);
    try {
      report.attempted++;
      const outgoing = outgoingReplyOf(sending);
      if (sending.outcomeUnknown) {
        // An earlier attempt may have posted it: ask before sending again.
        report.checked++;
        let found: SentReply | null;
        try {
          found = await deadline((call) =>
            connector.findSentReply(outgoing, earlierAttempt(sending), call),
          );
        } catch (error) {
          return await markFailed(sending, failureOf(error), 'check', report);
        }
        if (found !== null) {
          const post = postOf(found);
          if (post === null) return await markFailed(sending, UNREADABLE_POST, 'check', report);
          return await markSent(sending, post, report, true);
        }
      }
      let result: SentReply;
      try {
        result = await deadline((call) =>
          connector.sendReply(outgoing, sending.idempotencyKey, call),
        );
      } catch (error) {
        return await markFailed(sending, failureOf(error), 'send', report);
      }
      const post = postOf(result);
      if (post === null) return await markFailed(sending, UNREADABLE_POST, 'send', report);
      return await markSent(sending, post, report, false);
    } finally {
      inFlight.delete(sending.id);
    }
  }

  async function connectorOf(accountId: string): Promise<Connector | null> {
    try {
      return (await options.connectorFor(accountId)) ?? null;
    } catch {
      return null;
    }
  }

  async function sendAccount(
    accountId: string,
    entries: readonly OutboxEntry[],
    report: TickReport,
  ): Promise<void> {
    if (entries.length === 0) return;
    const paused = pausedUntil.get(accountId);
    if (paused !== undefined) {
      if (clock.now() < paused) {
        report.accountsRateLimited.push(accountId);
        return;
      }
      pausedUntil.delete(accountId);
    }
    const connector = await connectorOf(accountId);
    if (connector === null) {
      report.accountsWithoutConnector.push(accountId);
      return;
    }
    for (const entry of entries) {
      let outcome: SendOutcome;
      try {
        outcome = await sendOne(entry, connector, report);
      } catch (error) {
        // A store operation failed. The entry may be left in `sending`: run recovery again on the
        // next tick (safe — its next attempt checks first), and leave this account for now.
        report.storeErrors.push(error);
        recovered = null;
        return;
      }
      // The network or the server is struggling: leave this account's other replies for later.
      if (outcome === 'transient') return;
    }
  }

  /** Runs (or joins) an account's lane; `first` is what the caller already listed as due. */
  function runLane(accountId: string, first: readonly OutboxEntry[]): Promise<TickReport> {
    const running = lanes.get(accountId);
    if (running !== undefined) {
      lookAgain.add(accountId);
      return running;
    }
    const lane = (async () => {
      const report = emptyTickReport();
      let entries = first;
      try {
        for (;;) {
          lookAgain.delete(accountId);
          await sendAccount(accountId, entries, report);
          if (!lookAgain.has(accountId)) return report;
          entries = (await store.listDue(clock.now()))
            .filter((e) => e.accountId === accountId)
            .sort(byAge);
        }
      } catch (error) {
        report.storeErrors.push(error);
        recovered = null;
        return report;
      } finally {
        lanes.delete(accountId);
      }
    })();
    lanes.set(accountId, lane);
    return lane;
  }

  async function tick(): Promise<TickReport> {
    const report = emptyTickReport();
    let due: OutboxEntry[];
    try {
      await recoverOnce();
      due = await store.listDue(clock.now());
    } catch (error) {
      recovered = null;
      report.storeErrors.push(error);
      return report;
    }
    const byAccount = new Map<string, OutboxEntry[]>();
    for (const entry of [...due].sort(byAge)) {
      const list = byAccount.get(entry.accountId);
      if (list) list.push(entry);
      else byAccount.set(entry.accountId, [entry]);
    }
    const lanesDone = await Promise.all(
      [...byAccount].map(([accountId, entries]) => runLane(accountId, entries)),
    );
    return mergeReports([report, ...lanesDone]);
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

  async function check(id: string): Promise<OutboxCommandResult<CheckOutcome>> {
    const entry = await store.get(id);
    if (entry === undefined) return notFound(id);
    const legal = confirmNotSent(entry);
    if (!legal.ok) return legal;
    if (!entry.outcomeUnknown) return { ok: true, value: { kind: 'not-posted', entry } };
    const cannot = (message: string): OutboxCommandResult<CheckOutcome> => ({
      ok: false,
      error: { kind: 'cannot-check', id, message },
    });
    const connector = await connectorOf(entry.accountId);
    if (connector === null) {
      return cannot(
        'Slowpost is not signed in to this account now, so it cannot check whether this reply was posted.',
      );
    }
    let found: SentReply | null;
    try {
      found = await deadline((call) =>
        connector.findSentReply(outgoingReplyOf(entry), earlierAttempt(entry), call),
      );
    } catch (error) {
      return cannot(
        `Slowpost could not check whether this reply was posted, because ${failureCause(failureOf(error))}.`,
      );
    }
    if (found === null) {
      const known = await applyTransition(store, id, confirmNotSent, (e) => e);
      return known.ok ? { ok: true, value: { kind: 'not-posted', entry: known.value } } : known;
    }
    const post = postOf(found);
    if (post === null) return cannot(UNREADABLE_POST.message);
    const posted = await applyTransition(
      store,
      id,
      (e) => confirmSent(e, post.id),
      (e) => e,
    );
    if (!posted.ok) return posted;
    await notifySent(posted.value, post, []);
    return { ok: true, value: { kind: 'posted', entry: posted.value } };
  }

  async function editAsDraft(id: string): Promise<OutboxCommandResult<EditOutcome>> {
    const checked = await check(id);
    if (!checked.ok) return checked;
    if (checked.value.kind === 'posted') {
      return { ok: true, value: { kind: 'posted', entry: checked.value.entry } };
    }
    const withdrawn = await applyTransition(
      store,
      id,
      (e) => dismiss(e, clock.now()),
      (value: Withdrawn) => value.entry,
    );
    return withdrawn.ok
      ? { ok: true, value: { kind: 'draft', withdrawn: withdrawn.value } }
      : withdrawn;
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
    dismiss: (id, dismissOptions = {}) =>
      applyTransition(store, id, (e) => dismiss(e, clock.now(), dismissOptions), withdrawnEntry),
    check,
    editAsDraft,
  };
}

function notFound<T>(id: string): OutboxCommandResult<T> {
  return {
    ok: false,
    error: { kind: 'not-found', id, message: 'This reply is no longer in the outbox.' },
  };
}
