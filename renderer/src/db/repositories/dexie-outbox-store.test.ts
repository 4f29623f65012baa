import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry } from '@shared/domain';
import { createOutboxEngine } from '@shared/outbox';
import {
  createFakeReplyServer,
  createFaultInjectingConnector,
  faultSequence,
} from '@shared/outbox/testing/fault-injecting-connector';
import { SlowpostDatabase } from '../database';
import { createDexieOutboxStore } from './dexie-outbox-store';

let db: SlowpostDatabase;
let n = 0;
beforeEach(() => {
  db = new SlowpostDatabase(`outbox-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const reply = {
  accountId: 'acct',
  threadId: 'acct|t1',
  inReplyToPostId: 'acct|p1',
  text: 'Saturday works for me — see you at the garden.',
  visibility: 'public' as const,
  contentWarning: null,
  language: 'en',
};

describe('the outbox in IndexedDB', () => {
  it('compare-and-set refuses a write based on a stale read', async () => {
    const store = createDexieOutboxStore(db);
    let id = 0;
    const engine = createOutboxEngine({
      store,
      connectorFor: () => null,
      clock: { now: () => 1_000 },
      random: () => 0.5,
    });
    const queued = await engine.queue(reply, {
      newId: () => `e${++id}`,
      newKey: () => 'key-0123456789abcdef',
    });
    expect(queued.ok).toBe(true);
    const stored = (await store.get('e1')) as OutboxEntry;
    expect(await store.compareAndSet(stored, { ...stored, state: 'sending' })).toBe(true);
    // The same (now stale) read cannot win twice.
    expect(await store.compareAndSet(stored, { ...stored, state: 'cancelled' })).toBe(false);
    expect((await store.get('e1'))?.state).toBe('sending');
    expect(await store.compareAndSet(null, stored)).toBe(false);
  });

  it('a reply whose send was cut off after the server accepted it goes out exactly once', async () => {
    let now = 10_000;
    const clock = { now: () => now };
    const server = createFakeReplyServer({ now: () => now });
    const connector = createFaultInjectingConnector({
      server,
      account: 'acct',
      faults: faultSequence({ kind: 'offline' }, { kind: 'timeout-after-accept' }),
    });
    const start = () =>
      createOutboxEngine({
        store: createDexieOutboxStore(db),
        connectorFor: () => connector,
        clock,
        random: () => 0.5,
      });

    let engine = start();
    await engine.queue(reply, { newId: () => 'e1', newKey: () => 'key-0123456789abcdef' });
    await engine.tick(); // offline: waits
    expect(server.posts).toHaveLength(0);
    now += 60_000;
    await engine.tick(); // accepted, but the answer is lost
    expect(server.posts).toHaveLength(1);

    // The app restarts; the same store (IndexedDB) is all that is left.
    engine = start();
    await engine.recover();
    for (let i = 0; i < 5; i++) {
      now += 10 * 60_000;
      await engine.tick();
    }
    const entry = await createDexieOutboxStore(db).get('e1');
    expect(entry?.state).toBe('sent');
    expect(server.postsForKey('key-0123456789abcdef')).toHaveLength(1);
    expect(server.posts).toHaveLength(1);
  });
});
