/**
 * The outbox state machine, as pure functions on `OutboxEntry`. Nothing here reads a clock, a
 * random source or a store: the caller passes `now`, `random` and the id/key generators in.
 *
 * Illegal transitions never throw; they return `{ ok: false, error }` with a typed error.
 */
import { isTransient, mayHaveCreated, type ConnectorFailure } from '../connectors/connector';
import { isNewConversationDraftId, newConversationDraftId, type Draft } from '../domain/draft';
import {
  OutboxEntrySchema,
  type Addressee,
  type OutboxEntry,
  type OutboxState,
} from '../domain/outbox';
import { parseUnknown, type ValidationIssue } from '../validation/parse-unknown';
import { backoffDelayMs, DEFAULT_BACKOFF, type BackoffPolicy } from './outbox-backoff';
import { describeFailure, INTERRUPTED_MESSAGE } from './outbox-messages';

// ---------------------------------------------------------------------------------------------
// The transition table
// ---------------------------------------------------------------------------------------------

export type OutboxEvent =
  | 'startAttempt'
  | 'recordSuccess'
  | 'recordFailure'
  | 'resumeInterrupted'
  | 'cancel'
  | 'retry'
  | 'dismiss'
  | 'confirmSent'
  | 'confirmNotSent';

export interface TransitionRule {
  readonly from: readonly OutboxState[];
  readonly to: readonly OutboxState[];
}

/**
 * Every allowed transition, and only those. `sent` and `cancelled` are terminal.
 *
 * | event             | from            | to                         | why                                   |
 * |-------------------|-----------------|----------------------------|---------------------------------------|
 * | startAttempt      | waiting         | sending                    | write-ahead, before the network call  |
 * | recordSuccess     | sending         | sent                       | the network accepted the reply        |
 * | recordFailure     | sending         | waiting / needs-attention  | transient / permanent failure         |
 * | resumeInterrupted | sending         | waiting                    | found at startup: the app died mid-send |
 * | cancel            | waiting         | cancelled                  | undo before it ever left              |
 * | retry             | needs-attention | waiting                    | the user asks to try again            |
 * | dismiss           | needs-attention | cancelled                  | the user gives up on a failed reply   |
 * | confirmSent       | needs-attention | sent                       | the check found it posted after all   |
 * | confirmNotSent    | needs-attention | needs-attention            | the check found it is not there       |
 *
 * `sending → waiting` by `recordFailure` also covers a failed check (the network could not say
 * whether an earlier attempt posted the reply); the entry then stays `outcomeUnknown`.
 */
export const OUTBOX_TRANSITIONS = {
  startAttempt: { from: ['waiting'], to: ['sending'] },
  recordSuccess: { from: ['sending'], to: ['sent'] },
  recordFailure: { from: ['sending'], to: ['waiting', 'needs-attention'] },
  resumeInterrupted: { from: ['sending'], to: ['waiting'] },
  cancel: { from: ['waiting'], to: ['cancelled'] },
  retry: { from: ['needs-attention'], to: ['waiting'] },
  dismiss: { from: ['needs-attention'], to: ['cancelled'] },
  confirmSent: { from: ['needs-attention'], to: ['sent'] },
  confirmNotSent: { from: ['needs-attention'], to: ['needs-attention'] },
} as const satisfies Record<OutboxEvent, TransitionRule>;

export const OUTBOX_EVENTS = Object.keys(OUTBOX_TRANSITIONS) as OutboxEvent[];

/** The states an entry may move to from `state`, over all events. */
export function nextStates(state: OutboxState): readonly OutboxState[] {
  const out = new Set<OutboxState>();
  for (const event of OUTBOX_EVENTS) {
    const rule: TransitionRule = OUTBOX_TRANSITIONS[event];
    if (rule.from.includes(state)) for (const to of rule.to) out.add(to);
  }
  return [...out];
}

export function canApply(event: OutboxEvent, state: OutboxState): boolean {
  const rule: TransitionRule = OUTBOX_TRANSITIONS[event];
  return rule.from.includes(state);
}

// ---------------------------------------------------------------------------------------------
// Results and errors
// ---------------------------------------------------------------------------------------------

export type OutboxTransitionError =
  | {
      readonly kind: 'illegal-transition';
      readonly event: OutboxEvent;
      readonly from: OutboxState;
      readonly message: string;
    }
  /** `startAttempt` before `sendAfter` / `nextAttemptAt`. */
  | { readonly kind: 'not-due'; readonly dueAt: number; readonly message: string }
  /**
   * `cancel` after an attempt was made, or `dismiss` while an earlier attempt's outcome is
   * unknown: the server may already have the reply.
   */
  | { readonly kind: 'may-have-been-sent'; readonly message: string }
  | {
      readonly kind: 'invalid-input';
      readonly message: string;
      readonly issues: readonly ValidationIssue[];
    };

export type OutboxResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly error: OutboxTransitionError };

function ok<T>(value: T): OutboxResult<T> {
  return { ok: true, value };
}

function fail<T>(error: OutboxTransitionError): OutboxResult<T> {
  return { ok: false, error };
}

const STATE_WORDS: Record<OutboxState, string> = {
  waiting: 'waiting to be sent',
  sending: 'being sent',
  sent: 'already sent',
  'needs-attention': 'waiting for your attention',
  cancelled: 'cancelled',
};

const EVENT_WORDS: Record<OutboxEvent, string> = {
  startAttempt: 'start sending',
  recordSuccess: 'mark it as sent',
  recordFailure: 'record a failed attempt',
  resumeInterrupted: 'resume an interrupted send',
  cancel: 'cancel it',
  retry: 'retry it',
  dismiss: 'discard it',
  confirmSent: 'mark it as posted',
  confirmNotSent: 'mark it as not posted',
};

function guard<T>(event: OutboxEvent, entry: OutboxEntry): OutboxResult<T> | null {
  if (canApply(event, entry.state)) return null;
  return fail({
    kind: 'illegal-transition',
    event,
    from: entry.state,
    message: `Cannot ${EVENT_WORDS[event]}: this reply is ${STATE_WORDS[entry.state]}.`,
  });
}

// ---------------------------------------------------------------------------------------------
// Queries
// ---------------------------------------------------------------------------------------------

/** The earliest instant the entry may be sent: both the cooling-off / delivery time and the backoff. */
export function dueAt(entry: OutboxEntry): number {
  return Math.max(entry.sendAfter, entry.nextAttemptAt);
}

export function isDue(entry: OutboxEntry, now: number): boolean {
  return entry.state === 'waiting' && now >= dueAt(entry);
}

/**
 * True once any attempt has been made: from then on the server may hold the reply (an attempt may
 * have been accepted even if its answer never arrived), so the entry must not be cancelled — only
 * re-sent with the same key. With `attempts === 0`, no request was ever made: `startAttempt` is
 * persisted before every network call.
 */
export function mayHaveReachedServer(entry: OutboxEntry): boolean {
  return entry.attempts > 0;
}

// ---------------------------------------------------------------------------------------------
// Transitions
// ---------------------------------------------------------------------------------------------

export const MIN_IDEMPOTENCY_KEY_LENGTH = 16;

/**
 * What the user wrote and where it goes: a reply (thread and post answered), or a new
 * conversation (both null, and the person it is written to).
 */
export interface QueueReplyInput {
  readonly accountId: string;
  readonly threadId: string | null;
  readonly inReplyToPostId: string | null;
  /** Whom a new conversation is written to; absent or null for a reply. */
  readonly addressee?: Addressee | null;
  readonly text: string;
  readonly visibility: OutboxEntry['visibility'];
  readonly contentWarning: string | null;
  readonly language: string | null;
}

export interface QueueReplyOptions {
  readonly now: number;
  /** A new local id, e.g. `() => crypto.randomUUID()`. */
  readonly newId: () => string;
  /** A new idempotency key (≥ 16 characters), e.g. `() => crypto.randomUUID()`. Called once. */
  readonly newKey: () => string;
  /** Not before this instant: `now` to send at once, `now + cooling-off`, or the next delivery. */
  readonly sendAfter?: number;
}

/** The reply a draft describes. A draft's id is the local id of the post it answers. */
export function replyInputFromDraft(draft: Draft): QueueReplyInput {
  if (isNewConversationDraftId(draft.id)) {
    throw new Error('a new conversation is queued with its addressee, not from its draft alone');
  }
  return {
    accountId: draft.accountId,
    threadId: draft.threadId,
    inReplyToPostId: draft.id,
    text: draft.text,
    visibility: draft.visibility,
    contentWarning: draft.contentWarning,
    language: draft.language,
  };
}

/**
 * The id of the draft an entry was written in: the post a reply answers, or the new conversation
 * with its addressee.
 */
export function draftIdOfEntry(entry: OutboxEntry): string {
  if (entry.inReplyToPostId !== null) return entry.inReplyToPostId;
  if (entry.addressee == null) throw new Error('a new conversation always has its addressee');
  return newConversationDraftId(entry.addressee.personId);
}

/** The draft to restore when a reply leaves the outbox unsent (cancel or dismiss). */
export function draftFromEntry(entry: OutboxEntry, now: number): Draft {
  const id = draftIdOfEntry(entry);
  return {
    id,
    accountId: entry.accountId,
    threadId: entry.threadId ?? id,
    text: entry.text,
    visibility: entry.visibility,
    contentWarning: entry.contentWarning,
    language: entry.language,
    updatedAt: now,
  };
}

/**
 * A new outbox entry in `waiting`. This is the only place an idempotency key is made; every later
 * attempt, retry and recovery sends this same key.
 */
export function queueReply(
  input: QueueReplyInput,
  options: QueueReplyOptions,
): OutboxResult<OutboxEntry> {
  const issues: ValidationIssue[] = [];
  if (input.text.trim() === '') issues.push({ path: 'text', message: 'the reply is empty' });
  const idempotencyKey = options.newKey();
  if (idempotencyKey.length < MIN_IDEMPOTENCY_KEY_LENGTH) {
    issues.push({
      path: 'idempotencyKey',
      message: `must be at least ${MIN_IDEMPOTENCY_KEY_LENGTH} characters (got ${idempotencyKey.length})`,
    });
  }
  if (issues.length > 0) {
    return fail({
      kind: 'invalid-input',
      message: `Cannot queue this reply: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`,
      issues,
    });
  }
  const sendAfter = Math.max(options.now, options.sendAfter ?? options.now);
  const candidate: OutboxEntry = {
    id: options.newId(),
    idempotencyKey,
    accountId: input.accountId,
    threadId: input.threadId,
    inReplyToPostId: input.inReplyToPostId,
    addressee: input.addressee ?? null,
    text: input.text,
    visibility: input.visibility,
    contentWarning: input.contentWarning,
    language: input.language,
    state: 'waiting',
    createdAt: options.now,
    sendAfter,
    attempts: 0,
    firstAttemptAt: null,
    outcomeUnknown: false,
    nextAttemptAt: sendAfter,
    lastError: null,
    sentPostId: null,
    recordKey: null,
  };
  const parsed = parseUnknown(OutboxEntrySchema, candidate, 'reply');
  if (!parsed.ok) {
    return fail({ kind: 'invalid-input', message: parsed.error, issues: parsed.issues });
  }
  return ok(parsed.value);
}

/**
 * waiting → sending. Persist the result BEFORE the network call (write-ahead): an entry found in
 * `sending` at startup is one whose request may or may not have reached the server. An attempt of
 * an `outcomeUnknown` entry asks the network first (see the engine) and sends only if the reply
 * is not there.
 */
export function startAttempt(entry: OutboxEntry, now: number): OutboxResult<OutboxEntry> {
  const illegal = guard<OutboxEntry>('startAttempt', entry);
  if (illegal) return illegal;
  if (!isDue(entry, now)) {
    const at = dueAt(entry);
    return fail({
      kind: 'not-due',
      dueAt: at,
      message: `This reply is not due yet (due in ${Math.ceil((at - now) / 1000)} s).`,
    });
  }
  return ok({
    ...entry,
    state: 'sending',
    attempts: entry.attempts + 1,
    firstAttemptAt: entry.firstAttemptAt ?? now,
  });
}

/** sending → sent. `sentPostId` is the local id of the post the network created. */
export function recordSuccess(
  entry: OutboxEntry,
  sentPostId: string,
  // Kept for a uniform signature (and a future `sentAt`); the schema has no field for it today.
  _now: number,
): OutboxResult<OutboxEntry> {
  const illegal = guard<OutboxEntry>('recordSuccess', entry);
  if (illegal) return illegal;
  if (sentPostId === '') {
    return fail({
      kind: 'invalid-input',
      message: 'Cannot mark this reply as sent without the id of the post it became.',
      issues: [{ path: 'sentPostId', message: 'empty' }],
    });
  }
  return ok({
    ...entry,
    state: 'sent',
    sentPostId,
    lastError: null,
    outcomeUnknown: false,
  });
}

/** What failed: the check after an unknown outcome, or the send itself. */
export type AttemptPhase = 'check' | 'send';

/**
 * How long to wait after an attempt whose outcome is unknown before asking the network about it
 * (default 60 s): longer than any request timeout, so that a request still on its way or queued
 * on the server has landed before the check looks for it.
 */
export const DEFAULT_SETTLE_MS = 60_000;

export interface FailureOptions {
  /** Default `send`. A failed check leaves the outcome as unknown as it was. */
  readonly phase?: AttemptPhase;
  readonly policy?: BackoffPolicy;
  /** The least wait before the next attempt when the outcome is unknown (`DEFAULT_SETTLE_MS`). */
  readonly settleMs?: number;
}

/**
 * sending → waiting (transient failure: try again after a backoff) or → needs-attention
 * (permanent: rejected, auth, malformed). The idempotency key is kept either way.
 *
 * A send that failed in a way that may have posted the reply (`mayHaveCreated`), and a check that
 * could not tell, leave the entry `outcomeUnknown`: the next attempt asks the network first, and
 * not before `settleMs`. A send that certainly made nothing clears it: the check just before it
 * (or the lack of any earlier unclear attempt) says nothing else is there.
 */
export function recordFailure(
  entry: OutboxEntry,
  failure: ConnectorFailure,
  now: number,
  random: () => number,
  options: FailureOptions = {},
): OutboxResult<OutboxEntry> {
  const illegal = guard<OutboxEntry>('recordFailure', entry);
  if (illegal) return illegal;
  const phase = options.phase ?? 'send';
  const outcomeUnknown = phase === 'check' ? entry.outcomeUnknown : mayHaveCreated(failure);
  const lastError = describeFailure(failure, { outcomeUnknown, phase });
  if (!isTransient(failure)) {
    return ok({ ...entry, state: 'needs-attention', lastError, outcomeUnknown });
  }
  const retryAfterMs = failure.kind === 'rate-limited' ? failure.retryAfterMs : null;
  const backoff = backoffDelayMs(
    entry.attempts,
    random,
    retryAfterMs,
    options.policy ?? DEFAULT_BACKOFF,
  );
  const delay = outcomeUnknown ? Math.max(backoff, options.settleMs ?? DEFAULT_SETTLE_MS) : backoff;
  return ok({
    ...entry,
    state: 'waiting',
    lastError,
    outcomeUnknown,
    nextAttemptAt: Math.max(entry.sendAfter, now + delay),
  });
}

/**
 * sending → waiting, for an entry found in `sending` when the app starts: the previous run died
 * mid-send, possibly after the server accepted the reply, so its outcome is unknown: the next
 * attempt asks the network first, and sends (with the same key) only if the reply is not there.
 * Not before `graceMs`: long enough for a request the dead run left in flight (e.g. still open in
 * the main process after a renderer reload) to land, so the check sees it.
 */
export function resumeInterrupted(
  entry: OutboxEntry,
  now: number,
  graceMs = 0,
): OutboxResult<OutboxEntry> {
  const illegal = guard<OutboxEntry>('resumeInterrupted', entry);
  if (illegal) return illegal;
  return ok({
    ...entry,
    state: 'waiting',
    lastError: INTERRUPTED_MESSAGE,
    outcomeUnknown: true,
    nextAttemptAt: Math.max(entry.sendAfter, now + Math.max(0, graceMs)),
  });
}

export interface Withdrawn {
  readonly entry: OutboxEntry;
  /** Restore this as the draft, so nothing the user wrote is lost. */
  readonly draft: Draft;
}

/**
 * waiting → cancelled: undo before the reply ever left (e.g. within the cooling-off delay).
 * Refused once an attempt has been made, because the server may already hold the reply.
 */
export function cancel(entry: OutboxEntry, now: number): OutboxResult<Withdrawn> {
  const illegal = guard<Withdrawn>('cancel', entry);
  if (illegal) return illegal;
  if (mayHaveReachedServer(entry)) {
    return fail({
      kind: 'may-have-been-sent',
      message:
        'This reply can no longer be cancelled: Slowpost has already tried to send it, so the server may have it.',
    });
  }
  const cancelled: OutboxEntry = { ...entry, state: 'cancelled' };
  return ok({ entry: cancelled, draft: draftFromEntry(entry, now) });
}

/** needs-attention → waiting, due at once, with the same idempotency key. */
export function retry(entry: OutboxEntry, now: number): OutboxResult<OutboxEntry> {
  const illegal = guard<OutboxEntry>('retry', entry);
  if (illegal) return illegal;
  return ok({
    ...entry,
    state: 'waiting',
    lastError: null,
    nextAttemptAt: Math.max(entry.sendAfter, now),
  });
}

export const MAY_BE_POSTED_MESSAGE =
  'This reply may already be posted: an earlier try ended without a clear answer. Slowpost checks the conversation before giving it back as a draft, so it is not posted twice.';

/**
 * needs-attention → cancelled: the user gives up on a failed reply and gets it back as a draft.
 * Refused while an earlier attempt's outcome is unknown, unless the user accepts the risk
 * (`acceptUnknown`): the text would come back as a new reply, with a new key, and the network may
 * already hold the first one. The engine's `editAsDraft` checks with the network first.
 */
export function dismiss(
  entry: OutboxEntry,
  now: number,
  options: { readonly acceptUnknown?: boolean } = {},
): OutboxResult<Withdrawn> {
  const illegal = guard<Withdrawn>('dismiss', entry);
  if (illegal) return illegal;
  if (entry.outcomeUnknown && options.acceptUnknown !== true) {
    return fail({ kind: 'may-have-been-sent', message: MAY_BE_POSTED_MESSAGE });
  }
  const dismissed: OutboxEntry = { ...entry, state: 'cancelled' };
  return ok({ entry: dismissed, draft: draftFromEntry(entry, now) });
}

/** needs-attention → sent: the check found the reply on the network after all. */
export function confirmSent(entry: OutboxEntry, sentPostId: string): OutboxResult<OutboxEntry> {
  const illegal = guard<OutboxEntry>('confirmSent', entry);
  if (illegal) return illegal;
  if (sentPostId === '') {
    return fail({
      kind: 'invalid-input',
      message: 'Cannot mark this reply as posted without the id of the post it became.',
      issues: [{ path: 'sentPostId', message: 'empty' }],
    });
  }
  return ok({ ...entry, state: 'sent', sentPostId, lastError: null, outcomeUnknown: false });
}

/** needs-attention, outcome unknown → known: the check found the reply is not on the network. */
export function confirmNotSent(entry: OutboxEntry): OutboxResult<OutboxEntry> {
  const illegal = guard<OutboxEntry>('confirmNotSent', entry);
  if (illegal) return illegal;
  return ok({ ...entry, outcomeUnknown: false });
}
