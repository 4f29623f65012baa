import { createContext, useContext } from 'react';
import type { DraftKeeper } from './draft-keeper';

export const DraftKeeperContext = createContext<DraftKeeper | null>(null);

/** The page's keeper of drafts and notes not in the store yet. */
export function useDraftKeeper(): DraftKeeper {
  const keeper = useContext(DraftKeeperContext);
  if (keeper === null) throw new Error('useDraftKeeper needs a DraftKeeperContext.Provider');
  return keeper;
}
