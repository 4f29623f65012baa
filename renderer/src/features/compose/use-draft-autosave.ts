import { useCallback, useEffect, useRef, useState } from 'react';
import type { Post } from '../../../../shared/domain';
import type { SlowpostDb } from '../../db/database';
import { saveDraft, type DraftFields } from '../../db/repositories/replies';

/** How long typing may pause before the draft is written. A keystroke never waits on a write. */
export const DRAFT_SAVE_DELAY_MS = 300;

export type SaveState = 'saved' | 'pending' | 'failed';

export interface DraftAutosave {
  readonly state: SaveState;
  /** The reason the last write failed, in words. */
  readonly error: string | null;
  /** Note a change; it is written once typing pauses. */
  readonly changed: (fields: DraftFields) => void;
  /** Write any pending change now (before sending, leaving, or the page going away). */
  readonly flush: () => Promise<void>;
}

/**
 * Saves the draft of a reply as the user types: debounced, writes in order, and flushed when the
 * composer closes or the page is hidden (closing the window, switching away), so at most the
 * last fraction of a second of typing is at risk in a crash.
 */
export function useDraftAutosave(db: SlowpostDb, answering: Post): DraftAutosave {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<DraftFields | null>(null);
  const timer = useRef<number | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    const fields = pending.current;
    if (fields === null) return chain.current;
    pending.current = null;
    chain.current = chain.current
      .then(() => saveDraft(db, answering, fields, Date.now()))
      .then(
        () => {
          if (pending.current === null) setState('saved');
          setError(null);
        },
        (reason: unknown) => {
          setState('failed');
          setError(reason instanceof Error ? reason.message : String(reason));
        },
      );
    return chain.current;
  }, [db, answering]);

  const changed = useCallback(
    (fields: DraftFields) => {
      pending.current = fields;
      setState('pending');
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), DRAFT_SAVE_DELAY_MS);
    },
    [flush],
  );

  useEffect(() => {
    const onHide = (): void => {
      if (document.visibilityState === 'hidden') void flush();
    };
    const onPageHide = (): void => void flush();
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', onPageHide);
      void flush();
    };
  }, [flush]);

  return { state, error, changed, flush };
}
