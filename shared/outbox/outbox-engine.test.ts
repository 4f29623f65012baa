import { describe, expect, it } from 'vitest';
import { ConnectorError, type Connector } from '../connectors/connector';
import type { OutboxEntry } from '../domain/outbox';
import { createOutboxEngine, failureOf, type OutboxEngine } from './outbox-engine';
import type { OutboxStore } from './outbox-store';
import { createMemoryOutboxStore } from './testing/memory-outbox-store';
import type { QueueReplyInput } from './outbox-transitions';
import {
  createFakeReplyServer,
  createFaultInjectingConnector,
  faultSequence,
  type FaultScript,
} from './testing/fault-injecting-connector';
import { createFakeClock, createOutboxWorld, type OutboxWorld } from './testing/outbox-world';

let serial = 0;
const ids = () => ({
  newId: () => `out-${++serial}`,
  newKey: () => `key-${serial}-${'0'.repeat(16)}`,
});

function reply(accountId: string, text: string): QueueReplyInput {
  return {
    accountId,
    threadId: `${accountId}|thread`,
    inReplyToPostId: `${accountId}|parent`,
    text,
    visibility: 'public',
    contentWarning: null,
    language: 'en',
  };
}

async function queue(
  engine: OutboxEngine,
  accountId: string,
  text: string,
  sendAfter?: number,
): Promise<OutboxEntry> {
  const result = await engine.queue(reply(accountId, text), {
    ...ids(),
    ...(sendAfter === undefined ? {} : { sendAfter }),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function stored(world: OutboxWorld, id: string): OutboxEntry {
  const entry = world.entries().find((e) => e.id === id);
  if (!entry) throw new Error(`no entry ${id}`);
  return entry;
}

function posts(world: OutboxWorld, entry: OutboxEntry) {
  return world.server.posts.filter((p) => p.reply.text === entry.text);
}

describe('outbox engine: the happy path', () => {
  it('sends a due reply once, persisting `sending` before the network call', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    const { engine, connectors } = world.process;
    const entry = await queue(engine, 'a', 'hello');
    const connector = connectors.get('a');
    if (!connector) throw new Error('no connector');
    const statesAtSend: string[] = [];
    const send = connector.sendReply.bind(connector);
    connector.sendReply = (r, key) => {
      statesAtSend.push(stored(world, entry.id).state);
      return send(r, key);
    };

    const report = await engine.tick();

    expect(statesAtSend).toEqual(['sending']);
    expect(report.attempted).toBe(1);
    const sent = stored(world, entry.id);
    expect(sent.state).toBe('sent');
    expect(posts(world, entry)).toHaveLength(1);
    expect(sent.sentPostId).toBe(posts(world, entry)[0]?.post.id);
    expect(world.process.onSentPosts.map((p) => p.id)).toEqual([sent.sentPostId]);
    expect(world.server.requests.map((r) => r.idempotencyKey)).toEqual([entry.idempotencyKey]);
    expect(await engine.tick()).toMatchObject({ attempted: 0 });
  });

  it('waits for the cooling-off delay, and cancel within it restores the draft', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    const { engine } = world.process;
    const t0 = world.clock.now();
    const keep = await queue(engine, 'a', 'keep me', t0 + 30_000);
    const undo = await queue(engine, 'a', 'undo me', t0 + 30_000);
    expect(await engine.nextDueAt()).toBe(t0 + 30_000);

    world.clock.advance(10_000);
    expect((await engine.tick()).attempted).toBe(0);
    const cancelled = await engine.cancel(undo.id);
    expect(cancelled.ok && cancelled.value.draft.text).toBe('undo me');

    world.clock.advance(20_000);
    await engine.tick();
    expect(stored(world, keep.id).state).toBe('sent');
    expect(stored(world, undo.id).state).toBe('cancelled');
    expect(posts(world, undo)).toHaveLength(0);
    expect(await engine.nextDueAt()).toBeNull();
  });

  it('sends one at a time per account, accounts side by side, oldest first', async () => {
    const world = createOutboxWorld({ accounts: ['a', 'b'] });
    const { engine, connectors } = world.process;
    for (let i = 0; i < 3; i++) {
      await queue(engine, 'a', `a${i}`);
      world.clock.advance(1);
      await queue(engine, 'b', `b${i}`);
      world.clock.advance(1);
    }
    let together = 0;
    let maxTogether = 0;
    for (const connector of connectors.values()) {
      const send = connector.sendReply.bind(connector);
      connector.sendReply = (r, key) => {
        maxTogether = Math.max(maxTogether, ++together);
        return send(r, key).finally(() => together--);
      };
    }
    await engine.tick();
    expect(connectors.get('a')?.maxInFlight).toBe(1);
    expect(connectors.get('b')?.maxInFlight).toBe(1);
    expect(maxTogether).toBe(2);
    expect(world.server.posts.map((p) => p.reply.text).filter((t) => t.startsWith('a'))).toEqual([
      'a0',
      'a1',
      'a2',
    ]);
    expect(world.entries().every((e) => e.state === 'sent')).toBe(true);
  });

  it('a second tick while one runs does not send anything twice', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    const { engine } = world.process;
    for (let i = 0; i < 3; i++) await queue(engine, 'a', `r${i}`);
    const [first, second] = await Promise.all([engine.tick(), engine.tick()]);
    // The second joined the account's lane: both saw the same three sends.
    expect(first.sent.map((e) => e.text)).toEqual(['r0', 'r1', 'r2']);
    expect(second.sent.map((e) => e.text)).toEqual(['r0', 'r1', 'r2']);
    expect(world.server.requests).toHaveLength(3);
    expect(world.server.posts).toHaveLength(3);
  });
});

describe('outbox engine: new conversations (posts that answer nothing)', () => {
  const firstWords = (accountId: string, text: string): QueueReplyInput => ({
    ...reply(accountId, text),
    threadId: null,
    inReplyToPostId: null,
    addressee: { personId: `${accountId}|friend`, networkId: 'friend', handle: 'friend@example' },
  });

  it('sends one with its addressee, as a post that starts its own thread', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    const { engine } = world.process;
    const queued = await engine.queue(firstWords('a', 'thinking of you'), ids());
    if (!queued.ok) throw new Error(queued.error.message);
    await engine.tick();
    const sent = stored(world, queued.value.id);
    expect(sent.state).toBe('sent');
    const [post] = posts(world, sent);
    expect(posts(world, sent)).toHaveLength(1);
    expect(post?.reply.addressee?.handle).toBe('friend@example');
    expect(post?.post.parent).toBeNull();
    expect(sent.sentPostId).toBe(post?.post.id);
  });

  it('a timeout after the server accepted: the check finds it among the own posts, once', async () => {
    const world = createOutboxWorld({ accounts: ['a'], idempotency: { kind: 'ignored' } });
    world.setFaults('a', faultSequence({ kind: 'timeout-after-accept' }));
    const { engine } = world.process;
    const queued = await engine.queue(firstWords('a', 'long time no see'), ids());
    if (!queued.ok) throw new Error(queued.error.message);
    await engine.tick();
    expect(stored(world, queued.value.id)).toMatchObject({
      state: 'waiting',
      outcomeUnknown: true,
    });
    world.clock.advance(10 * 60_000);
    const report = await engine.tick();
    expect(report.foundByCheck.map((e) => e.id)).toEqual([queued.value.id]);
    expect(stored(world, queued.value.id).state).toBe('sent');
    expect(posts(world, queued.value)).toHaveLength(1);
    expect(world.server.requests.map((r) => [r.operation, r.serverOutcome])).toEqual([
      ['send', 'created'],
      ['find', 'found'],
    ]);
  });
});

describe('outbox engine: failures', () => {
  it('a timeout after the server accepted: checked after a settle delay, found, one post', async () => {
    const world = createOutboxWorld({
      accounts: ['a'],
      idempotency: { kind: 'ignored' }, // nothing relies on the server keeping the key
    });
    world.setFaults('a', faultSequence({ kind: 'timeout-after-accept' }));
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'once');

    const first = await engine.tick();
    expect(first.retrying).toHaveLength(1);
    const waiting = stored(world, entry.id);
    expect(waiting).toMatchObject({ state: 'waiting', attempts: 1, outcomeUnknown: true });
    expect(waiting.lastError).toContain('not posted twice');
    expect(posts(world, entry)).toHaveLength(1);
    // Not checked before requests still on their way could have landed.
    expect(await engine.nextDueAt()).toBe(world.clock.now() + 60_000);

    world.clock.advance(60_000);
    const second = await engine.tick();
    expect(second.foundByCheck.map((e) => e.id)).toEqual([entry.id]);
    expect(stored(world, entry.id)).toMatchObject({ state: 'sent', outcomeUnknown: false });
    expect(posts(world, entry)).toHaveLength(1);
    expect(world.server.requests.map((r) => [r.operation, r.serverOutcome])).toEqual([
      ['send', 'created'],
      ['find', 'found'],
    ]);
    expect(stored(world, entry.id).sentPostId).toBe(posts(world, entry)[0]?.post.id);
  });

  it('a timeout before the server saw it: the check finds nothing, then it is sent once', async () => {
    const world = createOutboxWorld({ accounts: ['a'], idempotency: { kind: 'ignored' } });
    world.setFaults('a', faultSequence({ kind: 'timeout-before-accept' }));
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'lost on the way');
    await engine.tick();
    world.clock.advance(60_000);
    await engine.tick();
    expect(stored(world, entry.id)).toMatchObject({ state: 'sent', outcomeUnknown: false });
    expect(world.server.requests.map((r) => [r.operation, r.serverOutcome])).toEqual([
      ['send', 'not-received'],
      ['find', 'not-found'],
      ['send', 'created'],
    ]);
  });

  it('a request still queued on the server when the client gave up lands before the check', async () => {
    const world = createOutboxWorld({ accounts: ['a'], idempotency: { kind: 'ignored' } });
    world.setFaults('a', faultSequence({ kind: 'stall', afterAccept: true, landsAfterMs: 45_000 }));
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'slow server');
    const first = await engine.tick();
    expect(first.retrying.map((e) => e.lastError)).toEqual([
      expect.stringContaining('took too long'),
    ]);
    expect(posts(world, entry)).toHaveLength(0);
    world.clock.advance(60_000);
    await engine.tick();
    expect(stored(world, entry.id).state).toBe('sent');
    expect(posts(world, entry)).toHaveLength(1);
  });

  it('a hung request times out and holds up only its own account', async () => {
    let expire!: () => void;
    const deadline = new Promise<void>((resolve) => (expire = resolve));
    // A's server never answers; request deadlines pass only when the test says so.
    const world = createOutboxWorld({
      accounts: ['a', 'b'],
      engine: { timer: () => ({ elapsed: deadline, cancel: () => undefined }) },
    });
    world.setFaults('a', faultSequence({ kind: 'stall', afterAccept: false }));
    const { engine } = world.process;
    await queue(engine, 'a', 'to a hung server');
    const hung = engine.tick();
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(world.entries()[0]).toMatchObject({ accountId: 'a', state: 'sending' });

    await queue(engine, 'b', 'to a healthy server');
    const healthy = await engine.tick();
    expect(healthy.sent.map((e) => e.text)).toEqual(['to a healthy server']);

    expire();
    const report = await hung;
    expect(report.retrying.map((e) => e.text)).toEqual(['to a hung server']);
    expect(world.entries().find((e) => e.accountId === 'a')).toMatchObject({
      state: 'waiting',
      // It never reached the server, but nothing told the engine so: it checks first next time.
      outcomeUnknown: true,
    });
  });

  it('backs off after transient failures and leaves the account’s other replies for later', async () => {
    const world = createOutboxWorld({ accounts: ['a'], random: () => 0.999 });
    world.setFaults('a', faultSequence({ kind: 'offline' }, { kind: 'offline' }));
    const { engine } = world.process;
    const first = await queue(engine, 'a', 'first');
    const second = await queue(engine, 'a', 'second');

    await engine.tick();
    expect(world.server.requests).toHaveLength(1);
    expect(stored(world, second.id).attempts).toBe(0);
    const t1 = stored(world, first.id).nextAttemptAt - world.clock.now();
    expect(t1).toBeGreaterThan(1_900);
    expect(t1).toBeLessThanOrEqual(2_000);

    world.clock.advance(t1);
    await engine.tick(); // first is due again, fails again: its backoff doubles
    const t2 = stored(world, first.id).nextAttemptAt - world.clock.now();
    expect(t2).toBeGreaterThan(3_900);
    expect(t2).toBeLessThanOrEqual(4_000);

    world.clock.advance(t2);
    await engine.tick();
    expect(world.entries().map((e) => e.state)).toEqual(['sent', 'sent']);
    expect(world.server.posts.map((p) => p.reply.text)).toEqual(['first', 'second']);
  });

  it('honours 429 Retry-After for the whole account', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    world.setFaults('a', faultSequence({ kind: 'rate-limited', retryAfterMs: 60_000 }));
    const { engine } = world.process;
    const limited = await queue(engine, 'a', 'limited');
    await engine.tick();
    expect(stored(world, limited.id).nextAttemptAt).toBeGreaterThanOrEqual(
      world.clock.now() + 60_000,
    );
    await queue(engine, 'a', 'another');
    world.clock.advance(59_000);
    const paused = await engine.tick();
    expect(paused.accountsRateLimited).toEqual(['a']);
    expect(world.server.requests).toHaveLength(1);
    world.clock.advance(1_000);
    await engine.tick();
    expect(world.entries().map((e) => e.state)).toEqual(['sent', 'sent']);
  });

  it('a deleted parent post needs attention, keeps the text, and can be retried or dismissed', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    const { engine } = world.process;
    world.server.deletePost('a|parent');
    const entry = await queue(engine, 'a', 'too late');
    const report = await engine.tick();
    expect(report.needsAttention).toHaveLength(1);
    const attention = stored(world, entry.id);
    expect(attention.state).toBe('needs-attention');
    expect(attention.text).toBe('too late');
    expect(attention.lastError).toMatch(/^The post you were answering was deleted \(HTTP 404\)/);

    // Nothing happens on its own.
    world.clock.advance(3_600_000);
    expect((await engine.tick()).attempted).toBe(0);

    const retried = await engine.retry(entry.id);
    expect(retried.ok && retried.value.idempotencyKey).toBe(entry.idempotencyKey);
    await engine.tick();
    expect(stored(world, entry.id).state).toBe('needs-attention');

    const dismissed = await engine.dismiss(entry.id);
    expect(dismissed.ok && dismissed.value.draft.text).toBe('too late');
    expect(stored(world, entry.id).state).toBe('cancelled');
    expect(world.server.posts).toHaveLength(0);
  });

  it('an expired sign-in needs attention; after retry it goes out with the same key', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    world.setFaults('a', faultSequence({ kind: 'auth' }));
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'signed out');
    await engine.tick();
    expect(stored(world, entry.id).lastError).toContain('Sign in again');
    await engine.retry(entry.id);
    await engine.tick();
    expect(stored(world, entry.id).state).toBe('sent');
    expect(new Set(world.server.requests.map((r) => r.idempotencyKey))).toEqual(
      new Set([entry.idempotencyKey]),
    );
  });

  it('cannot cancel once an attempt was made', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    world.setFaults('a', faultSequence({ kind: 'timeout-after-accept' }));
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'maybe out');
    await engine.tick();
    const result = await engine.cancel(entry.id);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.kind).toBe('may-have-been-sent');
  });

  it('turns an unexpected throw into needs-attention instead of a silent loop', async () => {
    const store = createMemoryOutboxStore();
    const clock = createFakeClock(1_000);
    const broken = {
      sendReply: () => Promise.reject(new TypeError('x is not a function')),
    } as unknown as Connector;
    const engine = createOutboxEngine({
      store,
      clock,
      random: () => 0.5,
      connectorFor: () => broken,
    });
    const entry = await queue(engine, 'a', 'boom');
    await engine.tick();
    const after = await store.get(entry.id);
    expect(after?.state).toBe('needs-attention');
    expect(after?.lastError).toContain('x is not a function');
  });

  it('recognises a connector failure that lost its class crossing a boundary', () => {
    const plain = { name: 'ConnectorError', failure: { kind: 'offline', message: 'm' } };
    expect(failureOf(plain)).toEqual({ kind: 'offline', message: 'm' });
    expect(failureOf(new ConnectorError({ kind: 'auth', message: 'a' }))).toEqual({
      kind: 'auth',
      message: 'a',
    });
    expect(failureOf({ failure: { kind: 'nonsense' } }).kind).toBe('malformed');
  });

  it('leaves replies waiting while their account has no connector', async () => {
    const world = createOutboxWorld({ accounts: ['a'], withoutConnector: ['a'] });
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'later');
    const report = await engine.tick();
    expect(report.accountsWithoutConnector).toEqual(['a']);
    expect(stored(world, entry.id)).toMatchObject({ state: 'waiting', attempts: 0 });
  });
});

describe('outbox engine: crashes and concurrent writers', () => {
  it('crash after the server accepted: recover checks after a grace delay and finds it', async () => {
    const world = createOutboxWorld({ accounts: ['a'], idempotency: { kind: 'ignored' } });
    world.setFaults('a', faultSequence({ kind: 'hang', afterAccept: true }));
    const entry = await queue(world.process.engine, 'a', 'crash after accept');

    expect(await world.run((p) => p.engine.tick())).toBe('crashed');
    expect(stored(world, entry.id)).toMatchObject({ state: 'sending', attempts: 1 });
    expect(posts(world, entry)).toHaveLength(1);

    const next = world.restart();
    const recovered = await next.engine.recover();
    expect(recovered.resumed.map((e) => e.id)).toEqual([entry.id]);
    // Not at once: a request the dead run left open must have landed before the check.
    expect((await next.engine.tick()).attempted).toBe(0);
    expect(await next.engine.nextDueAt()).toBe(world.clock.now() + 60_000);
    world.clock.advance(60_000);
    await next.engine.tick();

    const sent = stored(world, entry.id);
    expect(sent.state).toBe('sent');
    expect(posts(world, entry)).toHaveLength(1);
    expect(sent.sentPostId).toBe(posts(world, entry)[0]?.post.id);
    expect(world.server.requests.map((r) => [r.operation, r.serverOutcome])).toEqual([
      ['send', 'created'],
      ['find', 'found'],
    ]);
  });

  it('crash before the request left: recover sends it, once', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    world.setFaults('a', faultSequence({ kind: 'hang', afterAccept: false }));
    const entry = await queue(world.process.engine, 'a', 'crash before');
    expect(await world.run((p) => p.engine.tick())).toBe('crashed');
    expect(posts(world, entry)).toHaveLength(0);
    const next = world.restart();
    await next.engine.tick(); // the first tick recovers by itself
    expect(stored(world, entry.id)).toMatchObject({ state: 'waiting', attempts: 1 });
    world.clock.advance(60_000);
    await next.engine.tick();
    expect(stored(world, entry.id).state).toBe('sent');
    expect(posts(world, entry)).toHaveLength(1);
  });

  it('crash right after `sent` was written but before it was acknowledged: nothing re-sent', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    const entry = await queue(world.process.engine, 'a', 'written');
    // Store operations of a tick: recover's listByState, listDue, CAS→sending, CAS→sent.
    world.process.crashAtStoreOperation({ atOperation: 3, mode: 'after' });
    expect(await world.run((p) => p.engine.tick())).toBe('crashed');
    expect(stored(world, entry.id).state).toBe('sent');
    const next = world.restart();
    expect((await next.engine.recover()).resumed).toHaveLength(0);
    expect((await next.engine.tick()).attempted).toBe(0);
    expect(world.server.requests).toHaveLength(1);
  });

  it('a cancel that lands between listing and sending wins: nothing is sent', async () => {
    const inner = createMemoryOutboxStore();
    const clock = createFakeClock(1_000);
    const server = createFakeReplyServer();
    const connector = createFaultInjectingConnector({ server, account: 'a' });
    let ui: OutboxEngine | null = null;
    const store: OutboxStore = {
      ...inner,
      async listDue(now) {
        const due = await inner.listDue(now);
        for (const e of due) await ui?.cancel(e.id); // the user hits undo just now
        return due;
      },
    };
    const options = { store, clock, random: () => 0.5, connectorFor: () => connector };
    const engine = createOutboxEngine(options);
    ui = createOutboxEngine({ ...options, store: inner });
    const entry = await queue(engine, 'a', 'undo race');
    const report = await engine.tick();
    expect(report.conflicts).toBe(1);
    expect(report.attempted).toBe(0);
    expect((await inner.get(entry.id))?.state).toBe('cancelled');
    expect(server.requests).toHaveLength(0);
  });

  it('recover leaves this engine’s own in-flight sends alone', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    const { engine, connectors } = world.process;
    const connector = connectors.get('a');
    if (!connector) throw new Error('no connector');
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const send = connector.sendReply.bind(connector);
    connector.sendReply = (r, key) => gate.then(() => send(r, key));
    await queue(engine, 'a', 'slow');
    await engine.recover();
    const ticking = engine.tick();
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(world.entries()[0]?.state).toBe('sending');
    expect((await engine.recover()).resumed).toHaveLength(0);
    release();
    await ticking;
    expect(world.entries()[0]?.state).toBe('sent');
    expect(world.server.posts).toHaveLength(1);
  });

  it('a store failure after the send is reported, and the next tick finishes the job', async () => {
    const inner = createMemoryOutboxStore();
    const clock = createFakeClock(1_000);
    const server = createFakeReplyServer({ now: () => clock.now() });
    const connector = createFaultInjectingConnector({ server, account: 'a' });
    let failNextSentWrite = true;
    const store: OutboxStore = {
      ...inner,
      compareAndSet(expected, next) {
        if (next.state === 'sent' && failNextSentWrite) {
          failNextSentWrite = false;
          return Promise.reject(new Error('QuotaExceededError'));
        }
        return inner.compareAndSet(expected, next);
      },
    };
    const engine = createOutboxEngine({
      store,
      clock,
      random: () => 0.5,
      connectorFor: () => connector,
    });
    const entry = await queue(engine, 'a', 'quota');
    const first = await engine.tick();
    expect(first.storeErrors).toHaveLength(1);
    expect((await inner.get(entry.id))?.state).toBe('sending');
    await engine.tick(); // recovers it
    clock.advance(60_000);
    await engine.tick();
    expect((await inner.get(entry.id))?.state).toBe('sent');
    expect(server.posts).toHaveLength(1);
    expect(server.requests.map((r) => r.serverOutcome)).toEqual(['created', 'found']);
  });

  it('an onSent that throws does not undo the send', async () => {
    const store = createMemoryOutboxStore();
    const server = createFakeReplyServer();
    const engine = createOutboxEngine({
      store,
      clock: createFakeClock(1_000),
      random: () => 0.5,
      connectorFor: (id) => createFaultInjectingConnector({ server, account: id }),
      onSent: () => {
        throw new Error('thread table missing');
      },
    });
    const entry = await queue(engine, 'a', 'callback');
    const report = await engine.tick();
    expect(report.callbackErrors).toHaveLength(1);
    expect((await store.get(entry.id))?.state).toBe('sent');
  });

  it('refuses to queue over an existing id', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    const { engine } = world.process;
    const fixed = { newId: () => 'same-id', newKey: () => 'k'.repeat(20) };
    expect((await engine.queue(reply('a', 'one'), fixed)).ok).toBe(true);
    const second = await engine.queue(reply('a', 'two'), fixed);
    expect(second.ok).toBe(false);
    if (!second.ok) expect(second.error.kind).toBe('conflict');
    const missing = await engine.cancel('nope');
    expect(!missing.ok && missing.error.kind).toBe('not-found');
  });
});

describe('outbox engine: edit as a draft after an unclear attempt', () => {
  it('a reply posted after all (the answer could not be read) stays sent, not a draft', async () => {
    const world = createOutboxWorld({ accounts: ['a'], idempotency: { kind: 'ignored' } });
    world.setFaults('a', faultSequence({ kind: 'malformed-after-accept' }));
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'posted after all');
    await engine.tick();
    expect(stored(world, entry.id)).toMatchObject({
      state: 'needs-attention',
      outcomeUnknown: true,
    });
    const refused = await engine.dismiss(entry.id);
    expect(!refused.ok && refused.error.kind).toBe('may-have-been-sent');

    const edited = await engine.editAsDraft(entry.id);
    expect(edited).toMatchObject({ ok: true, value: { kind: 'posted' } });
    expect(stored(world, entry.id)).toMatchObject({ state: 'sent', outcomeUnknown: false });
    expect(stored(world, entry.id).sentPostId).toBe(posts(world, entry)[0]?.post.id);
    expect(world.process.onSentPosts.map((p) => p.id)).toEqual([posts(world, entry)[0]?.post.id]);
    expect(posts(world, entry)).toHaveLength(1);
  });

  it('a reply that is not there comes back as a draft', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    // Lost on the way (unknown), then the check is refused for good (signed out).
    world.setFaults('a', faultSequence({ kind: 'timeout-before-accept' }, { kind: 'auth' }));
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'never arrived');
    await engine.tick();
    world.clock.advance(60_000);
    await engine.tick();
    expect(stored(world, entry.id)).toMatchObject({
      state: 'needs-attention',
      outcomeUnknown: true,
    });
    const edited = await engine.editAsDraft(entry.id);
    expect(edited.ok && edited.value.kind === 'draft' && edited.value.withdrawn.draft.text).toBe(
      'never arrived',
    );
    expect(stored(world, entry.id).state).toBe('cancelled');
    expect(posts(world, entry)).toHaveLength(0);
  });

  it('when the network cannot be asked, it says so and keeps the reply; the user may accept the risk', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    world.setFaults('a', faultSequence({ kind: 'malformed-after-accept' }, { kind: 'offline' }));
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'cannot tell');
    await engine.tick();
    const edited = await engine.editAsDraft(entry.id);
    expect(edited.ok).toBe(false);
    if (!edited.ok) {
      expect(edited.error.kind).toBe('cannot-check');
      expect(edited.error.message).toMatch(/could not check whether this reply was posted/);
    }
    expect(stored(world, entry.id)).toMatchObject({
      state: 'needs-attention',
      text: 'cannot tell',
    });
    const anyway = await engine.dismiss(entry.id, { acceptUnknown: true });
    expect(anyway.ok && anyway.value.draft.text).toBe('cannot tell');
  });

  it('an account without a connector cannot be checked', async () => {
    const world = createOutboxWorld({ accounts: ['a'], withoutConnector: ['a'] });
    const { engine } = world.process;
    const entry = await queue(engine, 'a', 'signed out');
    await world.memory.put({
      ...stored(world, entry.id),
      state: 'needs-attention',
      outcomeUnknown: true,
    });
    const checked = await engine.check(entry.id);
    expect(!checked.ok && checked.error.message).toMatch(/not signed in/);
  });
});

describe('fault script helpers', () => {
  it('faultSequence runs out into no faults', () => {
    const script: FaultScript = faultSequence({ kind: 'offline' });
    const call = {
      index: 0,
      operation: 'send' as const,
      accountId: 'a',
      idempotencyKey: 'k',
      reply: reply('a', 'x'),
    };
    expect(script(call).kind).toBe('offline');
    expect(script(call).kind).toBe('none');
  });
});

describe('outbox engine: records named before the first attempt (Bluesky)', () => {
  it('chooses the record once, stores it before sending, and every attempt and check uses it', async () => {
    const store = createMemoryOutboxStore();
    const clock = createFakeClock(1_000);
    const chosen: number[] = [];
    const seen: { op: string; key: unknown; stored: unknown }[] = [];
    let sends = 0;
    const naming = {
      chooseRecordKey: (now: number) => {
        chosen.push(now);
        return { rkey: '3lbcdefghijkl', createdAt: now };
      },
      sendReply: async (r: { recordKey?: unknown }) => {
        const entry = (await store.listByState('sending'))[0];
        seen.push({ op: 'send', key: r.recordKey, stored: entry?.recordKey });
        sends += 1;
        // The first attempt's answer is lost after the server made the record.
        if (sends === 1) throw new ConnectorError({ kind: 'timeout', message: 'lost' });
        throw new Error('never sent twice');
      },
      findSentReply: (r: { recordKey?: unknown; accountId: string }) => {
        seen.push({ op: 'find', key: r.recordKey, stored: null });
        return Promise.resolve({ post: sentPost(r.accountId) });
      },
    } as unknown as Connector;
    const engine = createOutboxEngine({
      store,
      clock,
      random: () => 0.5,
      connectorFor: () => naming,
    });
    const entry = await queue(engine, 'a', 'named once');
    expect(entry.recordKey).toBeNull();
    await engine.tick();
    clock.advance(120_000);
    await engine.tick();
    const key = { rkey: '3lbcdefghijkl', createdAt: 1_000 };
    expect(chosen).toEqual([1_000]);
    expect(seen).toEqual([
      { op: 'send', key, stored: key },
      { op: 'find', key, stored: null },
    ]);
    expect(await store.get(entry.id)).toMatchObject({ state: 'sent', recordKey: key });
  });

  it('a network that names no records gets no key', async () => {
    const world = createOutboxWorld({ accounts: ['a'] });
    const entry = await queue(world.process.engine, 'a', 'plain');
    await world.process.engine.tick();
    expect(stored(world, entry.id)).toMatchObject({ state: 'sent', recordKey: null });
  });
});

function sentPost(accountId: string) {
  return {
    id: `${accountId}|at://did:plc:me/app.bsky.feed.post/3lbcdefghijkl`,
    accountId,
    networkId: 'at://did:plc:me/app.bsky.feed.post/3lbcdefghijkl',
    uri: 'at://did:plc:me/app.bsky.feed.post/3lbcdefghijkl',
    cid: 'bafyreia',
    url: null,
    threadId: `${accountId}|thread`,
    authorId: `${accountId}|did:plc:me`,
    contentHtml: '<p>named once</p>',
    createdAt: 1_000,
    parent: null,
    root: { id: `${accountId}|thread`, uri: 'at://did:plc:x/app.bsky.feed.post/1', cid: 'c' },
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    isOwn: true,
    arrivedAt: 0,
    screen: null,
  };
}
