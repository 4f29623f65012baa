import type { OutboxEntry, OutboxState } from '../../../../shared/domain';
import type { OutboxStore } from '../../../../shared/outbox/outbox-store';
import { byAge, sameEntry } from '../../../../shared/outbox/outbox-store';
import type { SlowpostDb } from '../database';

/**
 * The outbox engine's store, in IndexedDB. Each operation is its own short transaction; the
 * engine never holds one across a network call. Compare-and-set reads and writes in one
 * read-write transaction, so the engine (sending) and the page (undo) cannot overwrite each
 * other's transitions.
 */
export function createDexieOutboxStore(db: SlowpostDb): OutboxStore {
  return {
    get: (id) => db.outbox.get(id),
    async put(entry) {
      await db.outbox.put(entry);
    },
    compareAndSet: (expected, next) =>
      db.transaction('rw', db.outbox, async () => {
        const stored = await db.outbox.get(next.id);
        const matches =
          expected === null
            ? stored === undefined
            : stored !== undefined && sameEntry(stored, expected);
        if (!matches) return false;
        await db.outbox.put(next);
        return true;
      }),
    async listDue(now) {
      const waiting = await db.outbox.where('state').equals('waiting').toArray();
      return waiting
        .filter((entry: OutboxEntry) => entry.sendAfter <= now && entry.nextAttemptAt <= now)
        .sort(byAge);
    },
    async listByState(state: OutboxState) {
      return (await db.outbox.where('state').equals(state).toArray()).sort(byAge);
    },
  };
}
