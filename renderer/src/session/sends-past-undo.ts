import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { mayHaveReachedServer } from '@shared/outbox';
import type { SlowpostDb } from '../db/database';
import { readableEntry } from '../db/repositories/dexie-outbox-store';
import type { UndoEntry } from '../state/ui-store';

/**
 * The replies on the undo stack that can no longer be taken back (sent, being sent, taken back
 * already, or gone), by outbox entry id, live from the store. A reply not read yet counts as one
 * that can: a `u` right after sending takes back that reply, not the action before it.
 */
export function useSendsPastUndo(db: SlowpostDb, stack: readonly UndoEntry[]): ReadonlySet<string> {
  const ids = useMemo(
    () => stack.flatMap((entry) => (entry.type === 'send' ? [entry.entryId] : [])),
    [stack],
  );
  const key = ids.join('\n');
  const past = useLiveQuery(async () => {
    const gone = new Set<string>();
    if (ids.length === 0) return gone;
    const rows = await db.outbox.bulkGet(ids);
    rows.forEach((row, index) => {
      const entry = readableEntry(row);
      if (entry === undefined || entry.state !== 'waiting' || mayHaveReachedServer(entry))
        gone.add(ids[index] ?? '');
    });
    return gone;
    // `key` stands for `ids`, which is a new array for each stack.
  }, [db, key]);
  return past ?? NONE;
}

const NONE: ReadonlySet<string> = new Set();
