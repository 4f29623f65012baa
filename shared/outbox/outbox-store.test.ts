import { describe, expect, it } from 'vitest';
import { OutboxEntrySchema, type OutboxEntry } from '../domain/outbox';
import { sameEntry } from './outbox-store';
import { createMemoryOutboxStore } from './testing/memory-outbox-store';

function entry(id: string, over: Partial<OutboxEntry> = {}): OutboxEntry {
  return {
    id,
    idempotencyKey: `key-${id}-0123456789abcdef`,
    accountId: 'acc-1',
    threadId: 'acc-1|t',
    inReplyToPostId: 'acc-1|p',
    text: `reply ${id}`,
    visibility: 'public',
    contentWarning: null,
    language: null,
    state: 'waiting',
    createdAt: 100,
    sendAfter: 100,
    attempts: 0,
    firstAttemptAt: null,
    outcomeUnknown: false,
    nextAttemptAt: 100,
    lastError: null,
    sentPostId: null,
    recordKey: null,
    ...over,
  };
}

/** Whether a promise settles once pending microtasks have run (no timers involved). */
async function settles(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  promise.then(
    () => (done = true),
    () => (done = true),
  );
  for (let i = 0; i < 20; i++) await Promise.resolve();
  return done;
}

describe('memory outbox store', () => {
  it('stores copies, not references', async () => {
    const store = createMemoryOutboxStore();
    const e = entry('a');
    await store.put(e);
    e.text = 'changed';
    const read = await store.get('a');
    expect(read?.text).toBe('reply a');
    if (read) read.text = 'changed again';
    expect((await store.get('a'))?.text).toBe('reply a');
  });

  it('compareAndSet compares nested records by value (a stored copy is never the same object)', async () => {
    const store = createMemoryOutboxStore();
    const a = entry('a', {
      threadId: null,
      inReplyToPostId: null,
      addressee: { personId: 'acc-1|friend', networkId: 'friend', handle: '@friend@example.org' },
    });
    expect(OutboxEntrySchema.safeParse(a).success).toBe(true);
    expect(await store.compareAndSet(null, a)).toBe(true);
    const stored = await store.get('a');
    expect(stored?.addressee).not.toBe(a.addressee);
    expect(stored === undefined ? false : sameEntry(stored, a)).toBe(true);
    const sending = { ...a, state: 'sending' as const, attempts: 1 };
    expect(await store.compareAndSet(a, sending)).toBe(true);
    const other = {
      ...sending,
      addressee: { ...sending.addressee!, handle: '@other@example.org' },
    };
    expect(sameEntry(sending, other)).toBe(false);
  });

  it('compareAndSet writes only over the expected entry', async () => {
    const store = createMemoryOutboxStore();
    const a = entry('a');
    expect(await store.compareAndSet(null, a)).toBe(true);
    expect(await store.compareAndSet(null, a)).toBe(false);
    const sending = { ...a, state: 'sending' as const, attempts: 1 };
    expect(await store.compareAndSet(a, sending)).toBe(true);
    expect(await store.compareAndSet(a, { ...a, state: 'cancelled' })).toBe(false);
    expect((await store.get('a'))?.state).toBe('sending');
    expect(await store.compareAndSet(entry('zzz'), { ...entry('a') })).toBe(false);
  });

  it('lists due entries, oldest first, honouring sendAfter and nextAttemptAt', async () => {
    const store = createMemoryOutboxStore([
      entry('late', { createdAt: 300, sendAfter: 300, nextAttemptAt: 300 }),
      entry('b', { createdAt: 200, sendAfter: 200, nextAttemptAt: 200 }),
      entry('a', { createdAt: 200, sendAfter: 200, nextAttemptAt: 200 }),
      entry('backoff', { createdAt: 50, sendAfter: 50, nextAttemptAt: 1_000 }),
      entry('cooling', { createdAt: 60, sendAfter: 1_000, nextAttemptAt: 1_000 }),
      entry('sending', { state: 'sending' }),
      entry('sent', { state: 'sent', sentPostId: 'x' }),
    ]);
    expect((await store.listDue(250)).map((e) => e.id)).toEqual(['a', 'b']);
    expect((await store.listDue(1_000)).map((e) => e.id)).toEqual([
      'backoff',
      'cooling',
      'a',
      'b',
      'late',
    ]);
    expect((await store.listByState('sending')).map((e) => e.id)).toEqual(['sending']);
  });

  it('a crash keeps every write and abandons every unsettled promise', async () => {
    const store = createMemoryOutboxStore();
    const pendingPut = store.put(entry('a'));
    const pendingGet = store.get('a');
    const next = store.crash();
    expect(store.alive).toBe(false);
    expect(next.alive).toBe(true);
    expect(await settles(pendingPut)).toBe(false);
    expect(await settles(pendingGet)).toBe(false);
    // The dead handle can no longer change anything.
    const late = store.put(entry('b'));
    expect(await settles(late)).toBe(false);
    expect(await settles(store.listDue(1e9))).toBe(false);
    // The next process sees what was written before the crash, and only that.
    expect((await next.get('a'))?.id).toBe('a');
    expect(await next.get('b')).toBeUndefined();
    expect(next.snapshot().map((e) => e.id)).toEqual(['a']);
  });

  it('sameEntry compares every field', () => {
    const a = entry('a');
    expect(sameEntry(a, { ...a })).toBe(true);
    expect(sameEntry(a, { ...a, lastError: 'x' })).toBe(false);
    expect(sameEntry(a, { ...a, attempts: 1 })).toBe(false);
  });

  it('sameEntry compares the chosen record by value, as a stored copy of it is another object', () => {
    const key = { rkey: '3lbcdefghijkl', createdAt: 5 };
    const a = entry('a', { recordKey: key });
    expect(sameEntry(a, { ...a, recordKey: { ...key } })).toBe(true);
    expect(sameEntry(a, { ...a, recordKey: { ...key, rkey: '3lbcdefghijkm' } })).toBe(false);
    expect(sameEntry(a, { ...a, recordKey: { ...key, createdAt: 6 } })).toBe(false);
    expect(sameEntry(a, { ...a, recordKey: null })).toBe(false);
    expect(sameEntry(entry('b'), entry('b'))).toBe(true);
  });

  it('an entry stored before records were chosen reads as having none', () => {
    const { recordKey: _none, ...older } = entry('a');
    expect(OutboxEntrySchema.parse(older).recordKey ?? null).toBeNull();
    expect(sameEntry(older, { ...older, recordKey: null })).toBe(true);
  });
});
