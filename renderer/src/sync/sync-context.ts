import { createContext, useContext } from 'react';
import type { SyncClient } from './sync-client';

export const SyncContext = createContext<SyncClient | null>(null);

/** The page's sync worker: ask it to catch every account up. */
export function useSync(): SyncClient {
  const sync = useContext(SyncContext);
  if (sync === null) throw new Error('useSync() needs a <SyncContext.Provider>.');
  return sync;
}
