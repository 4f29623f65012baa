import { useEffect } from 'react';
import type { SlowpostDb } from '../db/database';
import { useUiStore } from '../state/ui-store';
import { storeKeptTriage } from '../session/triage-write-ahead';
import type { SyncClient } from '../sync/sync-client';
import { addDemoOnFirstRun, demoOwesWelcome, needsWelcome, welcomeDelivery } from './prepare-store';

/**
 * Opens the store, waits for the welcome on the very first open, adds the demo on first run, and
 * asks the sync worker to catch up (when there is an account to catch up). Answering the welcome sets the phase back to `opening`, which
 * runs this again.
 */
export function useStartup(db: SlowpostDb, sync: SyncClient): void {
  const setStartup = useUiStore((s) => s.setStartup);
  const welcoming = useUiStore((s) => s.startup.phase === 'welcome');
  useEffect(() => {
    if (welcoming) return;
    let cancelled = false;
    const run = async (): Promise<void> => {
      // Triage the last page showed but had not stored as it went comes first.
      await storeKeptTriage(db, window.localStorage).catch((error: unknown) => {
        console.error('Triage kept by the last page was not stored:', error);
      });
      if (await needsWelcome(db)) {
        if (!cancelled) setStartup('welcome');
        return;
      }
      const added = await addDemoOnFirstRun(db, Date.now());
      if (added && !cancelled) setStartup('preparing-demo');
      // With no account there is nothing to catch up: the empty inbox does not wait for the sync
      // worker to start and answer.
      if (!added && (await db.accounts.count()) === 0) {
        if (!cancelled) setStartup('ready');
        return;
      }
      // A new user gets a first delivery at once: the demo opens with everything it brought (on
      // the next start that catches up, if this one cannot).
      const owesWelcome = added || (await demoOwesWelcome(db));
      const result = await sync.sync(Date.now());
      if (owesWelcome && result.type === 'synced') await welcomeDelivery(db, Date.now());
      if (cancelled) return;
      if (result.type === 'failed') setStartup('failed', result.message);
      else setStartup('ready');
    };
    run().catch((error: unknown) => {
      if (!cancelled) setStartup('failed', error instanceof Error ? error.message : String(error));
    });
    return () => {
      cancelled = true;
    };
  }, [db, sync, setStartup, welcoming]);
}
