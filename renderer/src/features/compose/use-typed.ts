import { startTransition, useEffect, useState, useSyncExternalStore } from 'react';
import type { TypedText } from './typed-text';

/**
 * One thing about the typed text (`select` must give a value that compares equal while it is the
 * same: a boolean, a number, or an answer `lastAnswer` remembers): the component draws again only
 * when that changes, not on every keystroke.
 */
export function useTyped<T>(typed: TypedText, select: (text: string) => T): T {
  return useSyncExternalStore(typed.subscribe, () => select(typed.get()));
}

/**
 * The typed text once typing has paused for `delayMs`: for checks that are advice, not
 * something a keystroke waits for. The keystroke only restarts a timer; the check and the part
 * that shows it draw between keys, interruptibly.
 */
export function useSettledText(typed: TypedText, delayMs: number): string {
  const [settled, setSettled] = useState(typed.get);
  useEffect(() => {
    let timer: number | null = null;
    const settle = (): void => {
      timer = null;
      startTransition(() => setSettled(typed.get()));
    };
    const stop = typed.subscribe(() => {
      if (timer !== null) window.clearTimeout(timer);
      timer = window.setTimeout(settle, delayMs);
    });
    return () => {
      stop();
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [typed, delayMs]);
  return settled;
}
