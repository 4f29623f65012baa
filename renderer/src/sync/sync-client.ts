import { parseUnknown } from '../../../shared/validation/parse-unknown';
import { SyncResponseSchema } from './sync-protocol';
import type { SyncResponse } from './sync-protocol';

export interface SyncClient {
  /** Asks the worker to catch every account up; resolves when it is done. */
  sync(now: number): Promise<SyncResponse>;
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
  return {
    sync(now) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve);
        worker.postMessage({ id, type: 'sync', now });
      });
    },
  };
}
