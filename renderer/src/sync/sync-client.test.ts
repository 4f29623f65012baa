import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncRequest } from './sync-protocol';
import { createSyncClient, type SyncPort } from './sync-client';

/** A stand-in for the worker: it records what the page asks and answers what a test says. */
class FakeWorker extends EventTarget implements SyncPort {
  readonly asked: SyncRequest[] = [];
  terminated = false;
  postMessage(message: unknown): void {
    this.asked.push(message as SyncRequest);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(data: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data }));
  }
  fail(message?: string): void {
    const event = new Event('error', { cancelable: true });
    if (message !== undefined) Object.assign(event, { message });
    this.dispatchEvent(event);
  }
}

function setUp() {
  const workers: FakeWorker[] = [];
  const client = createSyncClient(() => {
    const worker = new FakeWorker();
    workers.push(worker);
    return worker;
  });
  return { client, workers };
}

afterEach(() => vi.restoreAllMocks());

describe('the sync client', () => {
  it('starts the worker at once and answers each question with its own answer', async () => {
    const { client, workers } = setUp();
    expect(workers).toHaveLength(1);
    const sync = client.sync(1000);
    const told = client.tellSeen(2000);
    const [worker] = workers;
    expect(worker?.asked).toEqual([
      { id: 1, type: 'sync', now: 1000 },
      { id: 2, type: 'tell-seen', now: 2000 },
    ]);
    worker?.answer({ id: 2, type: 'told', accounts: 1 });
    worker?.answer({ id: 1, type: 'synced', newActivity: 3, problems: 0 });
    await expect(sync).resolves.toEqual({ id: 1, type: 'synced', newActivity: 3, problems: 0 });
    await expect(told).resolves.toEqual({ id: 2, type: 'told', accounts: 1 });
  });

  it('a worker that cannot start fails what waits, with the reason; the next sync starts a new one', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { client, workers } = setUp();
    const sync = client.sync(1000);
    const told = client.tellSeen(1000);
    workers[0]?.fail();
    await expect(sync).resolves.toEqual({
      id: 1,
      type: 'failed',
      message: 'The sync worker stopped. It starts again with the next sync.',
    });
    await expect(told).resolves.toMatchObject({ type: 'failed' });
    expect(workers[0]?.terminated).toBe(true);

    const again = client.sync(3000);
    expect(workers).toHaveLength(2);
    expect(workers[1]?.asked).toEqual([{ id: 3, type: 'sync', now: 3000 }]);
    workers[1]?.answer({ id: 3, type: 'synced', newActivity: 0, problems: 0 });
    await expect(again).resolves.toMatchObject({ type: 'synced' });
  });

  it('a worker that throws says what it threw', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { client, workers } = setUp();
    const sync = client.sync(1000);
    workers[0]?.fail('Uncaught TypeError: x is not a function');
    await expect(sync).resolves.toMatchObject({
      type: 'failed',
      message:
        'The sync worker stopped: Uncaught TypeError: x is not a function. It starts again with the next sync.',
    });
  });

  it('an answer that does not fit the protocol ends its question as failed; one naming no question is ignored', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const { client, workers } = setUp();
    const sync = client.sync(1000);
    const later = client.sync(1000);
    workers[0]?.answer('<html>not a message</html>');
    workers[0]?.answer({ id: 1, type: 'synced', newActivity: -1 });
    await expect(sync).resolves.toEqual({
      id: 1,
      type: 'failed',
      message: "The sync worker's answer was not understood",
    });
    expect(warn).toHaveBeenCalledTimes(2);
    workers[0]?.answer({ id: 2, type: 'synced', newActivity: 1, problems: 0 });
    await expect(later).resolves.toMatchObject({ type: 'synced', newActivity: 1 });
  });

  it('an answer that cannot be read fails everything waiting', async () => {
    const { client, workers } = setUp();
    const sync = client.sync(1000);
    workers[0]?.dispatchEvent(new MessageEvent('messageerror'));
    await expect(sync).resolves.toMatchObject({
      type: 'failed',
      message: "The sync worker's answer could not be read",
    });
  });
});
