import { parseUnknown } from '@shared/validation/parse-unknown';
import { SyncResponseSchema } from './sync-protocol';
import type { SyncRequest, SyncResponse } from './sync-protocol';

export interface SyncClient {
  /** Asks the worker to catch every account up; resolves when it is done. */
  sync(now: number): Promise<SyncResponse>;
  /**
   * Asks the worker to tell each network what the finished session showed (the next sync would
   * otherwise); resolves when it is done. It never fails: what could not be told waits.
   */
  tellSeen(now: number): Promise<SyncResponse>;
}

/** What the client needs of a worker (a `Worker`, or a stand-in in tests). */
export type SyncPort = Pick<Worker, 'postMessage' | 'addEventListener' | 'terminate'>;

function startSyncWorker(): SyncPort {
  return new Worker(new URL('./sync.worker.ts', import.meta.url), {
    type: 'module',
    name: 'slowpost-sync',
  });
}

/** What an `error` event says (an `ErrorEvent`'s message; a worker that did not load says nothing). */
function reasonOf(event: Event): string {
  const message: unknown = (event as { message?: unknown }).message;
  return typeof message === 'string' && message !== '' ? `: ${message}` : '';
}

/**
 * The page's side of the sync worker. Every question gets an answer: a worker that cannot start
 * or fails (its `error` event), an answer that cannot be read, or one that does not fit the
 * protocol answers what was waiting with `failed` and the reason, never silence (the start-up and
 * "Check now" wait on it). A worker that failed is ended; the next question starts a new one.
 * The worker starts with the client, so it loads while the page does.
 */
export function createSyncClient(start: () => SyncPort = startSyncWorker): SyncClient {
  let nextId = 1;
  const pending = new Map<number, (response: SyncResponse) => void>();

  const answer = (response: SyncResponse): void => {
    pending.get(response.id)?.(response);
    pending.delete(response.id);
  };
  const failAll = (message: string): void => {
    for (const id of [...pending.keys()]) answer({ id, type: 'failed', message });
  };
  const connect = (): SyncPort => {
    const port = start();
    port.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = parseUnknown(SyncResponseSchema, event.data, 'sync worker answer');
      if (parsed.ok) return answer(parsed.value);
      console.warn(parsed.error);
      // An answer that names a question it cannot answer still ends that question.
      const id: unknown = (event.data as { id?: unknown } | null)?.id;
      if (typeof id === 'number' && pending.has(id)) {
        answer({ id, type: 'failed', message: `The sync worker's answer was not understood` });
      }
    });
    port.addEventListener('messageerror', () =>
      failAll(`The sync worker's answer could not be read`),
    );
    port.addEventListener('error', (event: Event) => {
      event.preventDefault();
      console.error(`The sync worker stopped${reasonOf(event)}`);
      if (worker === port) worker = null;
      port.terminate();
      failAll(`The sync worker stopped${reasonOf(event)}. It starts again with the next sync.`);
    });
    return port;
  };
  let worker: SyncPort | null = connect();
  const ask = (type: SyncRequest['type'], now: number): Promise<SyncResponse> => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker ??= connect();
      worker.postMessage({ id, type, now } satisfies SyncRequest);
    });
  };
  return {
    sync: (now) => ask('sync', now),
    tellSeen: (now) => ask('tell-seen', now),
  };
}
