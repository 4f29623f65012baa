import { useCallback, useEffect, useRef, useState } from 'react';

export type SaveState = 'saved' | 'pending' | 'failed';

export interface DebouncedSave<T> {
  readonly state: SaveState;
  /** Why the last write failed, in words. */
  readonly error: string | null;
  /** Note a change; it is written once typing pauses. */
  readonly changed: (value: T) => void;
  /** Write any pending change now (before sending, leaving, or the page going away). */
  readonly flush: () => Promise<void>;
  /** Drop any pending change (the user discarded it); resolves once earlier writes are done. */
  readonly cancel: () => Promise<void>;
}

/**
 * Saves what the user types without ever making a keystroke wait: debounced, written in order,
 * and flushed when the component goes away or the page is hidden (closing the window, switching
 * away), so at most the last fraction of a second of typing is at risk in a crash.
 */
export function useDebouncedSave<T>(
  save: (value: T) => Promise<void>,
  delayMs: number,
): DebouncedSave<T> {
  const [state, setState] = useState<SaveState>('saved');
  const [error, setError] = useState<string | null>(null);
  const pending = useRef<{ value: T } | null>(null);
  const timer = useRef<number | null>(null);
  const chain = useRef<Promise<void>>(Promise.resolve());

  const flush = useCallback((): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    const next = pending.current;
    if (next === null) return chain.current;
    pending.current = null;
    chain.current = chain.current
      .then(() => save(next.value))
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
  }, [save]);

  const cancel = useCallback((): Promise<void> => {
    if (timer.current !== null) {
      window.clearTimeout(timer.current);
      timer.current = null;
    }
    pending.current = null;
    setState('saved');
    return chain.current;
  }, []);

  const changed = useCallback(
    (value: T) => {
      pending.current = { value };
      setState('pending');
      if (timer.current !== null) window.clearTimeout(timer.current);
      timer.current = window.setTimeout(() => void flush(), delayMs);
    },
    [flush, delayMs],
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

  return { state, error, changed, flush, cancel };
}
