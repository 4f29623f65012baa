import type { SlowpostApi } from '@shared/ipc/api';
import type { SlowpostDb } from '../db/database';
import { storeNoteVersion } from '../db/repositories/composer-context';
import { storeDraftVersion } from '../db/repositories/replies';
import { createDraftKeeper, type DraftKeeper } from './draft-keeper';
import { pageWriteAheadStorage } from './write-ahead-storage';

/** The page's keeper: write-ahead in `localStorage`, the store in IndexedDB, the page's timers. */
export function createPageDraftKeeper(db: SlowpostDb): DraftKeeper {
  return createDraftKeeper({
    storage: pageWriteAheadStorage(),
    write: (entry) =>
      entry.kind === 'draft' ? storeDraftVersion(db, entry) : storeNoteVersion(db, entry),
    setTimer: (callback, ms) => {
      const handle = window.setTimeout(callback, ms);
      return () => window.clearTimeout(handle);
    },
  });
}

/**
 * Once at start-up, stores whatever an earlier page left written ahead (a reload, a closed tab,
 * a crash); stores everything again whenever the page is hidden; and when the desktop app is
 * about to quit, stores everything, then tells main it may go.
 */
export function startKeepingDrafts(keeper: DraftKeeper, app: SlowpostApi['app']): () => void {
  void keeper.storeAll();
  const onHidden = (): void => {
    if (document.visibilityState === 'hidden') void keeper.storeAll();
  };
  document.addEventListener('visibilitychange', onHidden);
  const stopListening = app.onFlushBeforeQuit(({ requestId }) => {
    void keeper.storeAll().then(async ({ unstored }) => {
      const answer = await app.flushed({ requestId, unstored });
      if (!answer.ok) console.warn(`quit: ${answer.error.message}`);
    });
  });
  return () => {
    document.removeEventListener('visibilitychange', onHidden);
    stopListening();
    keeper.stop();
  };
}
