import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { mayHaveReachedServer } from '../../../shared/outbox';
import type { SlowpostDb } from '../db/database';
import { readableEntry } from '../db/repositories/outbox-store';
import type { UndoEntry } from '../state/ui-store';

/**
 * The replies on the undo stack that can still be taken back (waiting, never tried), by outbox
 * entry id, live from the store: one sent meanwhile drops out by itself.
 */
export function useTakeableSends(db: SlowpostDb, stack: readonly UndoEntry[]): ReadonlySet<string> {
  const ids = useMemo(
    () => stack.flatMap((entry) => (entry.type === 'send' ? [entry.entryId] : [])),
    [stack],
  );
  const key = ids.join('\n');
  const takeable = useLiveQuery(async () => {
    if (ids.length === 0) return new Set<string>();
    const rows = await db.outbox.bulkGet(ids);
    const takeBack = new Set<string>();
    for (const entry of rows.map(readableEntry)) {
      if (entry?.state === 'waiting' && !mayHaveReachedServer(entry)) takeBack.add(entry.id);
    }
    return takeBack;
    // `key` stands for `ids`, which is a new array for each stack.
  }, [db, key]);
  return takeable ?? NONE;
}

const NONE: ReadonlySet<string> = new Set();
