import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../app/database-context';
import { showAccountMarks, type MarkedAccount } from './account-mark';

/**
 * The accounts by id, for marking conversations with the account they came to; null while the
 * marks stay hidden (the demo alone, or not read yet).
 */
export function useAccountMarks(): ReadonlyMap<string, MarkedAccount> | null {
  const db = useDatabase();
  return (
    useLiveQuery(async () => {
      const accounts = await db.accounts.toArray();
      if (!showAccountMarks(accounts)) return null;
      return new Map<string, MarkedAccount>(
        accounts.map((a) => [
          a.id,
          { id: a.id, network: a.network, handle: a.handle, isDemo: a.isDemo },
        ]),
      );
    }, [db]) ?? null
  );
}
