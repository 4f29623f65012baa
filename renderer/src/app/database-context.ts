import { createContext, useContext } from 'react';
import type { SlowpostDb } from '../db/database';

export const DatabaseContext = createContext<SlowpostDb | null>(null);

export function useDatabase(): SlowpostDb {
  const db = useContext(DatabaseContext);
  if (db === null) throw new Error('useDatabase() needs a <DatabaseContext.Provider>.');
  return db;
}
