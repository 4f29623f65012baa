import { useCallback, useEffect, useMemo, useRef, useSyncExternalStore } from 'react';
import type { WriteAheadEntry } from '@shared/drafts/write-ahead-entry';
import { useDraftKeeper } from './draft-keeper-context';

export type SaveState = 'saved' | 'pending' | 'failed';

export interface KeptWriting<T> {
  /** Note a change: kept at once (written ahead), written to the store once typing pauses. */
  readonly changed: (value: T) => void;
  /** Write the newest change to the store now (before sending). */
  readonly flush: () => Promise<void>;
  /** Forget every change (discarded, or gone to the outbox); waits for a write in flight. */
  readonly forget: () => Promise<void>;
}

export interface KeptStatusView {
  readonly state: SaveState;
  /** Why the last write to the store failed, in words. */
  readonly error: string | null;
}

/**
 * Whether what is written under `key` is in the store yet. Apart from `useKeptWriting`, so only
 * the part that says "Draft saved" draws again when that changes, not the editor around it.
 */
export function useKeptStatus(key: string): KeptStatusView {
  const keeper = useDraftKeeper();
  const status = useSyncExternalStore(keeper.subscribe, () => keeper.statuses().get(key));
  return { state: status?.phase ?? 'saved', error: status?.error ?? null };
}

/**
 * What the user writes under `key` (a draft, a person's notes): every change is written ahead
 * synchronously, so it survives a reload, a closed tab or a crash from the keystroke on; the
 * store write is debounced, so a keystroke never waits on IndexedDB. Leaving writes at once; a
 * failed write stays written ahead and is tried again. `toEntry` should keep its identity
 * (`useCallback`).
 */
export function useKeptWriting<T>(
  key: string,
  toEntry: (value: T, now: number) => WriteAheadEntry,
  delayMs: number,
): KeptWriting<T> {
  const keeper = useDraftKeeper();
  const timer = useRef<number | null>(null);

  const flush = useCallback(async (): Promise<void> => {
    stopTimer(timer);
    await keeper.store(key);
  }, [keeper, key]);
  const forget = useCallback((): Promise<void> => {
    stopTimer(timer);
    return keeper.forget(key);
  }, [keeper, key]);
  const changed = useCallback(
    (value: T): void => {
      keeper.remember(toEntry(value, Date.now()));
      stopTimer(timer);
      timer.current = window.setTimeout(() => {
        timer.current = null;
        void keeper.store(key);
      }, delayMs);
    },
    [keeper, key, toEntry, delayMs],
  );
  // Leaving (Back, Escape, sending) writes what is pending at once.
  useEffect(
    () => () => {
      stopTimer(timer);
      void keeper.store(key);
    },
    [keeper, key],
  );

  return useMemo(() => ({ changed, flush, forget }), [changed, flush, forget]);
}

function stopTimer(timer: { current: number | null }): void {
  if (timer.current !== null) window.clearTimeout(timer.current);
  timer.current = null;
}
