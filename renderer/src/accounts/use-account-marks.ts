import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useDatabase } from '../app/database-context';
import { showAccountMarks, type MarkedAccount } from './account-mark';

/**
 * The accounts by id, for marking conversations with the account they came to; null while the
 * marks stay hidden (the demo alone, or not read yet). The map stays the same object while what
 * a mark shows stays the same (a sync rewrites its account's record; the lists need not redraw).
 */
export function useAccountMarks(): ReadonlyMap<string, MarkedAccount> | null {
  const db = useDatabase();
  const marked = useLiveQuery(async () => {
    const accounts = await db.accounts.toArray();
    if (!showAccountMarks(accounts)) return '';
    const marks: MarkedAccount[] = accounts.map((a) => ({
      id: a.id,
      network: a.network,
      handle: a.handle,
      isDemo: a.isDemo,
    }));
    return JSON.stringify(marks);
  }, [db]);
  return useMemo(() => {
    if (marked === undefined || marked === '') return null;
    const marks = JSON.parse(marked) as MarkedAccount[];
    return new Map(marks.map((m) => [m.id, m]));
  }, [marked]);
}
