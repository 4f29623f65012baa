import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConnectorFailure } from '../connectors/connector';
import { failureCause } from './outbox-messages';
import { OutboxEntrySchema, OutboxStateSchema, type OutboxEntry } from '../domain/outbox';
import {
  canApply,
  cancel,
  confirmNotSent,
  confirmSent,
  dismiss,
  dueAt,
  isDue,
  nextStates,
  OUTBOX_EVENTS,
  OUTBOX_TRANSITIONS,
  queueReply,
  recordFailure,
  recordSuccess,
  replyInputFromDraft,
  resumeInterrupted,
  retry,
  startAttempt,
  type OutboxEvent,
  type OutboxResult,
  type QueueReplyInput,
} from './outbox-transitions';

const T0 = 1_700_000_000_000;
const KEY = 'key-0123456789abcdef';

const input: QueueReplyInput = {
  accountId: 'acc-1',
  threadId: 'acc-1|thread-1',
  inReplyToPostId: 'acc-1|post-1',
  text: 'Thanks, that helps!',
  visibility: 'public',
  contentWarning: null,
  language: 'en',
};

function queued(sendAfter = T0): OutboxEntry {
  const result = queueReply(input, { now: T0, newId: () => 'out-1', newKey: () => KEY, sendAfter });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function value<T>(result: OutboxResult<T>): T {
  if (!result.ok) throw new Error(`expected ok, got ${result.error.kind}: ${result.error.message}`);
  return result.value;
}

const half = () => 0.5;

function sending(entry = queued()): OutboxEntry {
  return value(startAttempt(entry, Math.max(T0, dueAt(entry))));
}

const failures: Record<ConnectorFailure['kind'], ConnectorFailure> = {
  offline: { kind: 'offline', message: 'ENOTFOUND' },
  timeout: { kind: 'timeout', message: 'timed out' },
  server: { kind: 'server', message: 'Bad gateway', status: 502 },
  'rate-limited': { kind: 'rate-limited', message: 'slow down', retryAfterMs: 60_000 },
  rejected: { kind: 'rejected', message: 'Record not found', status: 404 },
  auth: { kind: 'auth', message: 'invalid token' },
  malformed: { kind: 'malformed', message: 'Unexpected token <' },
};

function entryIn(state: OutboxEntry['state'], attempts = 1): OutboxEntry {
  return { ...queued(), state, attempts, sentPostId: state === 'sent' ? 'acc-1|srv-1' : null };
}

/** Applies `event` with plausible arguments. */
function apply(event: OutboxEvent, entry: OutboxEntry): OutboxResult<unknown> {
  const now = dueAt(entry) + 1;
  switch (event) {
    case 'startAttempt':
      return startAttempt(entry, now);
    case 'recordSuccess':
      return recordSuccess(entry, 'acc-1|srv-9', now);
    case 'recordFailure':
      return recordFailure(entry, failures.offline, now, half);
    case 'resumeInterrupted':
      return resumeInterrupted(entry, now);
    case 'cancel':
      return cancel({ ...entry, attempts: 0 }, now);
    case 'retry':
      return retry(entry, now);
    case 'dismiss':
      return dismiss(entry, now);
    case 'confirmSent':
      return confirmSent(entry, 'acc-1|srv-9');
    case 'confirmNotSent':
      return confirmNotSent(entry);
  }
}

function stateOf(result: unknown): OutboxEntry['state'] {
  const v = result as OutboxEntry | { entry: OutboxEntry };
  return 'entry' in v ? v.entry.state : v.state;
}

describe('the transition table', () => {
  it('has sent and cancelled as terminal states', () => {
    expect(nextStates('sent')).toEqual([]);
    expect(nextStates('cancelled')).toEqual([]);
    expect([...nextStates('waiting')].sort()).toEqual(['cancelled', 'sending']);
    expect([...nextStates('sending')].sort()).toEqual(['needs-attention', 'sent', 'waiting']);
    expect([...nextStates('needs-attention')].sort()).toEqual([
      'cancelled',
      'needs-attention',
      'sent',
      'waiting',
    ]);
  });

  it('every transition function obeys the table, for every state', () => {
    for (const event of OUTBOX_EVENTS) {
      for (const state of OutboxStateSchema.options) {
        const result = apply(event, entryIn(state));
        const allowed = canApply(event, state);
        expect({ event, state, ok: result.ok }).toEqual({ event, state, ok: allowed });
        if (result.ok) {
          expect(OUTBOX_TRANSITIONS[event].to as readonly string[]).toContain(
            stateOf(result.value),
          );
        } else {
          expect(result.error).toMatchObject({ kind: 'illegal-transition', event, from: state });
          expect(result.error.message).toMatch(/^Cannot /);
        }
      }
    }
  });

  it('never changes the idempotency key, id or text, whatever the path', () => {
    const eventArb = fc.constantFrom(...OUTBOX_EVENTS);
    fc.assert(
      fc.property(fc.array(eventArb, { maxLength: 30 }), (events) => {
        let entry = queued();
        for (const event of events) {
          const result = apply(event, entry);
          if (!result.ok) continue;
          const v = result.value as OutboxEntry | { entry: OutboxEntry };
          entry = 'entry' in v ? v.entry : v;
          expect(entry.idempotencyKey).toBe(KEY);
          expect(entry.id).toBe('out-1');
          // What lets the store answer listDue from one [state+nextAttemptAt] index.
          expect(entry.nextAttemptAt).toBeGreaterThanOrEqual(entry.sendAfter);
          expect(entry.text).toBe(input.text);
          expect(OutboxEntrySchema.safeParse(entry).success).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('queueReply', () => {
  it('makes a waiting entry with a key made once', () => {
    let keys = 0;
    const entry = value(
      queueReply(input, {
        now: T0,
        newId: () => 'out-7',
        newKey: () => `key-${++keys}-0123456789abcdef`,
        sendAfter: T0 + 30_000,
      }),
    );
    expect(keys).toBe(1);
    expect(entry).toMatchObject({
      id: 'out-7',
      idempotencyKey: 'key-1-0123456789abcdef',
      state: 'waiting',
      attempts: 0,
      createdAt: T0,
      sendAfter: T0 + 30_000,
      nextAttemptAt: T0 + 30_000,
      lastError: null,
      sentPostId: null,
    });
  });

  it('never schedules in the past', () => {
    const entry = queued(T0 - 5_000);
    expect(entry.sendAfter).toBe(T0);
    expect(isDue(entry, T0)).toBe(true);
  });

  it('refuses a short key and an empty reply, with readable errors', () => {
    const short = queueReply(input, { now: T0, newId: () => 'x', newKey: () => 'short' });
    expect(short.ok).toBe(false);
    if (!short.ok) {
      expect(short.error.kind).toBe('invalid-input');
      expect(short.error.message).toContain('at least 16 characters');
    }
    const empty = queueReply(
      { ...input, text: '  \n' },
      { now: T0, newId: () => 'x', newKey: () => KEY },
    );
    expect(empty.ok).toBe(false);
    if (!empty.ok) expect(empty.error.message).toContain('the reply is empty');
  });

  it('reports schema problems (a bad language tag) instead of throwing', () => {
    const result = queueReply(
      { ...input, language: 'not a tag' },
      { now: T0, newId: () => 'x', newKey: () => KEY },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/language/);
  });

  it('reads a draft: its id is the post being answered', () => {
    const draftInput = replyInputFromDraft({
      id: 'acc-1|post-9',
      accountId: 'acc-1',
      threadId: 'acc-1|thread-9',
      text: 'hello',
      visibility: 'unlisted',
      contentWarning: 'cw',
      language: null,
      updatedAt: T0,
    });
    expect(draftInput).toEqual({
      accountId: 'acc-1',
      threadId: 'acc-1|thread-9',
      inReplyToPostId: 'acc-1|post-9',
      text: 'hello',
      visibility: 'unlisted',
      contentWarning: 'cw',
      language: null,
    });
  });
});

describe('isDue and startAttempt', () => {
  it('waits for the cooling-off delay', () => {
    const entry = queued(T0 + 30_000);
    expect(isDue(entry, T0 + 29_999)).toBe(false);
    expect(isDue(entry, T0 + 30_000)).toBe(true);
    const early = startAttempt(entry, T0 + 10_000);
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error).toMatchObject({ kind: 'not-due', dueAt: T0 + 30_000 });
  });

  it('waits for the backoff too', () => {
    const entry = { ...queued(), nextAttemptAt: T0 + 60_000 };
    expect(isDue(entry, T0 + 59_999)).toBe(false);
    expect(isDue(entry, T0 + 60_000)).toBe(true);
  });

  it('is only due while waiting', () => {
    for (const state of OutboxStateSchema.options) {
      expect(isDue(entryIn(state), T0 + 1e9)).toBe(state === 'waiting');
    }
  });

  it('counts the attempt and keeps the key', () => {
    const started = sending();
    expect(started).toMatchObject({ state: 'sending', attempts: 1, idempotencyKey: KEY });
  });
});

describe('recordSuccess', () => {
  it('marks sent with the post id and clears the error', () => {
    const done = value(recordSuccess({ ...sending(), lastError: 'old' }, 'acc-1|srv-1', T0));
    expect(done).toMatchObject({ state: 'sent', sentPostId: 'acc-1|srv-1', lastError: null });
  });

  it('needs a post id', () => {
    expect(recordSuccess(sending(), '', T0).ok).toBe(false);
  });
});

describe('recordFailure', () => {
  it.each(['offline', 'timeout', 'server', 'rate-limited'] as const)(
    '%s is transient: back to waiting, later, same key',
    (kind) => {
      const s = sending();
      const failed = value(recordFailure(s, failures[kind], T0 + 1_000, half));
      expect(failed.state).toBe('waiting');
      expect(failed.idempotencyKey).toBe(KEY);
      expect(failed.attempts).toBe(1);
      expect(failed.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 1_000);
      expect(failed.lastError).toEqual(expect.any(String));
    },
  );

  it.each(['rejected', 'auth', 'malformed'] as const)(
    '%s is permanent: needs attention',
    (kind) => {
      const failed = value(recordFailure(sending(), failures[kind], T0, half));
      expect(failed.state).toBe('needs-attention');
      expect(failed.text).toBe(input.text);
      expect(failed.idempotencyKey).toBe(KEY);
    },
  );

  it('explains a deleted parent post in the user’s terms', () => {
    const failed = value(recordFailure(sending(), failures.rejected, T0, half));
    expect(failed.lastError).toMatch(/^The post you were answering was deleted \(HTTP 404\)\./);
    expect(failed.lastError).toContain('Your reply is kept');
  });

  it('has a readable sentence for every failure kind', () => {
    for (const failure of Object.values(failures)) {
      const failed = value(recordFailure(sending(), failure, T0, half));
      expect(failed.lastError).toMatch(/^[A-Z].*\.(”)?$/s);
      expect(failed.lastError).not.toMatch(/undefined|null|\[object/);
      // And the cause alone, to end a sentence with.
      expect(failureCause(failure)).toMatch(/^[a-zS][^.]*[a-z0-9)]$/);
    }
    const limited = value(recordFailure(sending(), failures['rate-limited'], T0, half));
    expect(limited.lastError).toContain('about 60 seconds');
    const auth = value(recordFailure(sending(), failures.auth, T0, half));
    expect(auth.lastError).toContain('Sign in again');
  });

  it('honours Retry-After', () => {
    const limited: ConnectorFailure = { kind: 'rate-limited', message: '', retryAfterMs: 120_000 };
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), (r) => {
        const failed = value(recordFailure(sending(), limited, T0, () => r));
        expect(failed.nextAttemptAt).toBeGreaterThanOrEqual(T0 + 120_000);
      }),
    );
  });

  it('never schedules before sendAfter', () => {
    const entry = { ...sending(queued(T0 + 60_000)) };
    const failed = value(recordFailure(entry, failures.offline, T0 + 60_000, () => 0));
    expect(failed.nextAttemptAt).toBeGreaterThanOrEqual(entry.sendAfter);
  });
});

describe('resumeInterrupted', () => {
  it('puts a sending entry back in waiting, due now, same key and attempts', () => {
    const s = sending();
    const resumed = value(resumeInterrupted(s, T0 + 5_000));
    expect(resumed).toMatchObject({
      state: 'waiting',
      idempotencyKey: KEY,
      attempts: 1,
      nextAttemptAt: T0 + 5_000,
    });
    expect(isDue(resumed, T0 + 5_000)).toBe(true);
    expect(resumed.lastError).toContain('will not be posted twice');
  });

  it('can wait a grace period first, never before sendAfter', () => {
    const resumed = value(resumeInterrupted(sending(), T0 + 5_000, 60_000));
    expect(resumed.nextAttemptAt).toBe(T0 + 65_000);
    expect(isDue(resumed, T0 + 64_999)).toBe(false);
    const late = sending(queued(T0 + 600_000));
    expect(value(resumeInterrupted(late, T0 + 600_000, -5)).nextAttemptAt).toBe(T0 + 600_000);
  });
});

describe('cancel', () => {
  it('undoes a waiting reply and gives back its draft', () => {
    const entry = queued(T0 + 30_000);
    const { entry: cancelled, draft } = value(cancel(entry, T0 + 10_000));
    expect(cancelled.state).toBe('cancelled');
    expect(draft).toEqual({
      id: input.inReplyToPostId,
      accountId: input.accountId,
      threadId: input.threadId,
      text: input.text,
      visibility: input.visibility,
      contentWarning: input.contentWarning,
      language: input.language,
      updatedAt: T0 + 10_000,
    });
  });

  it('is refused in every state but waiting', () => {
    for (const state of OutboxStateSchema.options) {
      const result = cancel({ ...entryIn(state), attempts: 0 }, T0);
      expect(result.ok).toBe(state === 'waiting');
    }
  });

  it('is refused once an attempt was made, since the server may have the reply', () => {
    const failed = value(recordFailure(sending(), failures.timeout, T0, half));
    const result = cancel(failed, T0 + 1);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.kind).toBe('may-have-been-sent');
      expect(result.error.message).toMatch(/can no longer be cancelled/);
    }
  });
});

describe('retry and dismiss', () => {
  const attention = () => value(recordFailure(sending(), failures.auth, T0, half));

  it('retry: needs-attention → waiting, due now, same key', () => {
    const again = value(retry(attention(), T0 + 1_000));
    expect(again).toMatchObject({
      state: 'waiting',
      idempotencyKey: KEY,
      lastError: null,
      nextAttemptAt: T0 + 1_000,
    });
    expect(isDue(again, T0 + 1_000)).toBe(true);
  });

  it('retry is refused elsewhere', () => {
    expect(retry(queued(), T0).ok).toBe(false);
    expect(retry(sending(), T0).ok).toBe(false);
  });

  it('dismiss: needs-attention → cancelled, with the draft back', () => {
    const { entry, draft } = value(dismiss(attention(), T0 + 1_000));
    expect(entry.state).toBe('cancelled');
    expect(draft.text).toBe(input.text);
  });
});

describe('an attempt whose outcome is unknown', () => {
  it('startAttempt remembers when the first attempt started, once', () => {
    const first = value(startAttempt(queued(), T0 + 1));
    expect(first.firstAttemptAt).toBe(T0 + 1);
    const failed = value(recordFailure(first, failures.offline, T0 + 2, half));
    const second = value(startAttempt(failed, dueAt(failed)));
    expect(second.firstAttemptAt).toBe(T0 + 1);
  });

  it.each<[ConnectorFailure['kind'], boolean]>([
    ['timeout', true],
    ['server', true],
    ['malformed', true],
    ['offline', false],
    ['rate-limited', false],
    ['rejected', false],
    ['auth', false],
  ])('a send failing with %s leaves the outcome unknown: %s', (kind, unknown) => {
    const failed = value(recordFailure(sending(), failures[kind], T0, half));
    expect(failed.outcomeUnknown).toBe(unknown);
  });

  it('waits at least the settle delay before the check, whatever the backoff', () => {
    const failed = value(
      recordFailure(sending(), failures.timeout, T0, () => 0, { settleMs: 45_000 }),
    );
    expect(failed.nextAttemptAt).toBe(T0 + 45_000);
    const known = value(recordFailure(sending(), failures.offline, T0, () => 0));
    expect(known.nextAttemptAt).toBe(T0);
  });

  it('a check that could not tell keeps it unknown; a send that surely made nothing clears it', () => {
    const unknown = { ...sending(), outcomeUnknown: true };
    const checkFailed = value(
      recordFailure(unknown, failures.offline, T0, half, { phase: 'check' }),
    );
    expect(checkFailed.outcomeUnknown).toBe(true);
    expect(checkFailed.lastError).toMatch(/earlier try got through/);
    const sendRefused = value(recordFailure(unknown, failures['rate-limited'], T0, half));
    expect(sendRefused.outcomeUnknown).toBe(false);
  });

  it('a send interrupted by a crash is unknown', () => {
    expect(value(resumeInterrupted(sending(), T0, 60_000)).outcomeUnknown).toBe(true);
  });

  it('cannot come back as a draft until the check says it is not posted, unless the user accepts', () => {
    const unknown = value(recordFailure(sending(), failures.malformed, T0, half));
    expect(unknown).toMatchObject({ state: 'needs-attention', outcomeUnknown: true });
    const refused = dismiss(unknown, T0);
    expect(!refused.ok && refused.error.kind).toBe('may-have-been-sent');
    expect(!refused.ok && refused.error.message).toMatch(/may already be posted/);
    expect(value(dismiss(unknown, T0, { acceptUnknown: true })).entry.state).toBe('cancelled');

    const known = value(confirmNotSent(unknown));
    expect(known).toMatchObject({ state: 'needs-attention', outcomeUnknown: false });
    expect(value(dismiss(known, T0)).draft.text).toBe(input.text);
  });

  it('the check can find it posted after all', () => {
    const unknown = value(recordFailure(sending(), failures.malformed, T0, half));
    expect(value(confirmSent(unknown, 'acc-1|srv-3'))).toMatchObject({
      state: 'sent',
      sentPostId: 'acc-1|srv-3',
      outcomeUnknown: false,
      lastError: null,
    });
    expect(confirmSent(unknown, '').ok).toBe(false);
  });
});

describe('a new conversation (a post that answers nothing)', () => {
  const addressee = { personId: 'acc-1|friend', networkId: 'friend', handle: 'friend@example.org' };
  const newConversation: QueueReplyInput = {
    ...input,
    threadId: null,
    inReplyToPostId: null,
    addressee,
  };

  it('queues with its addressee and no thread, and comes back as the draft of that person', () => {
    const entry = value(
      queueReply(newConversation, { now: T0, newId: () => 'out-n', newKey: () => KEY }),
    );
    expect(entry).toMatchObject({ inReplyToPostId: null, threadId: null, addressee });
    const withdrawn = value(cancel(entry, T0 + 1));
    expect(withdrawn.draft).toMatchObject({
      id: 'write:acc-1|friend',
      threadId: 'write:acc-1|friend',
      text: input.text,
    });
  });

  it('is refused without an addressee, or half a reply', () => {
    const noOne = queueReply(
      { ...newConversation, addressee: null },
      { now: T0, newId: () => 'x', newKey: () => KEY },
    );
    expect(noOne.ok).toBe(false);
    if (!noOne.ok) expect(noOne.error.message).toMatch(/addressee: .*whom it is written to/);
    const halfReply = queueReply(
      { ...input, threadId: null },
      { now: T0, newId: () => 'x', newKey: () => KEY },
    );
    expect(halfReply.ok).toBe(false);
    const both = queueReply(
      { ...input, addressee },
      { now: T0, newId: () => 'x', newKey: () => KEY },
    );
    expect(both.ok).toBe(false);
  });

  it('rows written before new conversations existed (no addressee) still parse as replies', () => {
    const { addressee: _dropped, ...older } = queued();
    const parsed = OutboxEntrySchema.parse(older);
    expect(parsed.inReplyToPostId).toBe('acc-1|post-1');
    expect(parsed.addressee ?? null).toBeNull();
  });
});
