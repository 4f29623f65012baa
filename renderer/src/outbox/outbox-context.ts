import { createContext, useContext } from 'react';
import type { OutboxRunner } from './outbox-runner';

export const OutboxContext = createContext<OutboxRunner | null>(null);

/** The page's outbox: queue, take back, retry or give up replies; the runner sends them. */
export function useOutbox(): OutboxRunner {
  const runner = useContext(OutboxContext);
  if (runner === null) throw new Error('useOutbox needs an OutboxContext.Provider');
  return runner;
}
