/// <reference lib="webworker" />
import { parseUnknown } from '@shared/validation/parse-unknown';
import { openDatabase } from '../db/database';
import { syncAll, tellSeenAll } from './sync-all';
import type { SyncResponse } from './sync-protocol';
import { SyncRequestSchema } from './sync-protocol';

// The sync worker: network I/O and storage off the UI thread. It opens the same Dexie database;
// the page's live queries see its writes through Dexie's cross-context change events.

declare const self: DedicatedWorkerGlobalScope;
const db = openDatabase();
const log = (message: string): void => console.warn(message);
let queue: Promise<unknown> = Promise.resolve();

self.addEventListener('message', (event: MessageEvent<unknown>) => {
  const parsed = parseUnknown(SyncRequestSchema, event.data, 'sync request');
  if (!parsed.ok) {
    log(parsed.error);
    return;
  }
  const request = parsed.value;
  // One sync at a time: requests queue up rather than interleave.
  queue = queue.then(async () => {
    let response: SyncResponse;
    try {
      if (request.type === 'tell-seen') {
        const told = await tellSeenAll(db, () => request.now, log);
        response = { id: request.id, type: 'told', accounts: told };
      } else {
        const result = await syncAll(db, () => request.now, log);
        response = { id: request.id, type: 'synced', ...result };
      }
    } catch (error) {
      response = {
        id: request.id,
        type: 'failed',
        message: error instanceof Error ? error.message : String(error),
      };
    }
    self.postMessage(response);
  });
});
