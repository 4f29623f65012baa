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

export function createSyncClient(): SyncClient {
  const worker = new Worker(new URL('./sync.worker.ts', import.meta.url), {
    type: 'module',
    name: 'slowpost-sync',
  });
  let nextId = 1;
  const pending = new Map<number, (response: SyncResponse) => void>();
  worker.addEventListener('message', (event: MessageEvent<unknown>) => {
    const parsed = parseUnknown(SyncResponseSchema, event.data, 'sync worker answer');
    if (!parsed.ok) {
      console.warn(parsed.error);
      return;
    }
    pending.get(parsed.value.id)?.(parsed.value);
    pending.delete(parsed.value.id);
  });
  const ask = (type: SyncRequest['type'], now: number): Promise<SyncResponse> => {
    const id = nextId++;
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker.postMessage({ id, type, now } satisfies SyncRequest);
    });
  };
  return {
    sync: (now) => ask('sync', now),
    tellSeen: (now) => ask('tell-seen', now),
  };
}
