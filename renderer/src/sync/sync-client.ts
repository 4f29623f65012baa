import { parseUnknown } from '../../../shared/validation/parse-unknown';
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

/**
 * The page's side of the sync worker. The worker (its code, Dexie and the schemas: a chunk of its
 * own) starts with the first request, so an app with nothing to sync never loads it.
 */
export function createSyncClient(): SyncClient {
  let worker: Worker | null = null;
  let nextId = 1;
  const pending = new Map<number, (response: SyncResponse) => void>();
  const started = (): Worker => {
    if (worker !== null) return worker;
    worker = new Worker(new URL('./sync.worker.ts', import.meta.url), {
      type: 'module',
      name: 'slowpost-sync',
    });
    worker.addEventListener('message', (event: MessageEvent<unknown>) => {
      const parsed = parseUnknown(SyncResponseSchema, event.data, 'sync worker answer');
      if (!parsed.ok) {
        console.warn(parsed.error);
        return;
      }
      pending.get(parsed.value.id)?.(parsed.value);
      pending.delete(parsed.value.id);
    });
    return worker;
  };
  const ask = (type: SyncRequest['type'], now: number): Promise<SyncResponse> => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      started().postMessage({ id, type, now } satisfies SyncRequest);
    });
  };
  return {
    sync: (now) => ask('sync', now),
    tellSeen: (now) => ask('tell-seen', now),
  };
}
