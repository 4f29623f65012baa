import type { OutboxEntry, OutboxState } from '@shared/domain';
import { OutboxEntrySchema } from '@shared/domain';
import type { OutboxStore } from '@shared/outbox/outbox-store';
import { byAge, sameEntry } from '@shared/outbox/outbox-store';
import { parseUnknown } from '@shared/validation/parse-unknown';
import type { SlowpostDb } from '../database';

/**
 * A stored outbox row, parsed before anything acts on it. A row that does not parse (written by a
 * newer release, damaged, hand-edited) is never sent: the engine does not see it, and the Replies
 * page lists it as needing attention with whatever text it holds (`unreadableOutboxRows`).
 */
export function readableEntry(row: unknown): OutboxEntry | undefined {
  const parsed = OutboxEntrySchema.safeParse(row);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The outbox engine's store, in IndexedDB. Each operation is its own short transaction; the
 * engine never holds one across a network call. Compare-and-set reads and writes in one
 * read-write transaction, so the engine (sending) and the page (undo) cannot overwrite each
 * other's transitions. Every row is parsed on the way out; unreadable rows are left alone and
 * reported once per process through `log`.
 */
export function createDexieOutboxStore(
  db: SlowpostDb,
  log: (message: string) => void = (m) => console.warn(m),
): OutboxStore {
  const reported = new Set<string>();
  const readable = (rows: readonly unknown[]): OutboxEntry[] => {
    const out: OutboxEntry[] = [];
    for (const row of rows) {
      const entry = readableEntry(row);
      if (entry !== undefined) {
        out.push(entry);
        continue;
      }
      const id = idOf(row);
      if (!reported.has(id)) {
        reported.add(id);
        const why = parseUnknown(OutboxEntrySchema, row, 'outbox entry');
        log(`Outbox: not sending ${id}: ${why.ok ? 'unreadable' : why.error}`);
      }
    }
    return out.sort(byAge);
  };
  return {
    get: async (id) => readableEntry(await db.outbox.get(id)),
    async put(entry) {
      await db.outbox.put(entry);
    },
    compareAndSet: (expected, next) =>
      db.transaction('rw', db.outbox, async () => {
        const stored: unknown = await db.outbox.get(next.id);
        // A row that does not parse never equals what a writer expects: it is left alone.
        const current = readableEntry(stored);
        const matches =
          expected === null
            ? stored === undefined
            : current !== undefined && sameEntry(current, expected);
        if (!matches) return false;
        await db.outbox.put(next);
        return true;
      }),
    async listDue(now) {
      const waiting = readable(await db.outbox.where('state').equals('waiting').toArray());
      return waiting.filter((entry) => entry.sendAfter <= now && entry.nextAttemptAt <= now);
    },
    async listByState(state: OutboxState) {
      return readable(await db.outbox.where('state').equals(state).toArray());
    },
  };
}

function idOf(row: unknown): string {
  const id: unknown = typeof row === 'object' && row !== null ? (row as { id?: unknown }).id : null;
  return typeof id === 'string' ? id : '(no id)';
}
