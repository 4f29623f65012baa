import {
  EXPORT_TABLE_NAMES,
  keyOf,
  type ExportFile,
  type ExportTable,
  type ExportTables,
} from '@shared/export/export-file';
import {
  keepStored,
  mergeByUpdatedAt,
  mergeOutboxRecord,
  mergePersonLinkRecord,
  mergePersonRecord,
  mergeSessionTimeRecord,
  mergeThreadRecord,
} from '@shared/export/merge-records';
import type { OutboxEntry, PersonLink } from '@shared/domain';
import type { SlowpostDb } from '../database';
import { releasedUpTo } from './released';
import { summariseThreads } from './thread-summaries';

export interface ImportSummary {
  /** Records the store did not have. */
  readonly added: number;
  /** Stored records that took something from the file (notes, a later triage, a newer draft…). */
  readonly updated: number;
  /** Records the store already had as the file has them (or kept its own: see merge-records). */
  readonly unchanged: number;
}

type Merge<K extends ExportTable> = (
  stored: ExportTables[K][number] | undefined,
  incoming: ExportTables[K][number],
) => ExportTables[K][number] | null;

const MERGES: { readonly [K in ExportTable]: Merge<K> } = {
  accounts: keepStored,
  people: mergePersonRecord,
  personLinks: mergePersonLinkRecord,
  posts: keepStored,
  threads: mergeThreadRecord,
  activity: keepStored,
  deliveries: keepStored,
  carryOvers: keepStored,
  drafts: mergeByUpdatedAt,
  outbox: mergeOutboxRecord,
  settings: mergeByUpdatedAt,
  sessionTime: mergeSessionTimeRecord,
};

/**
 * Merges a whole export (already read and checked: `readExportFile`) into the store, in one
 * transaction: all of it lands, or nothing does. See `shared/export/merge-records.ts` for how each
 * record meets a stored one; importing the same file again changes nothing. Threads that gain
 * posts are summarised again from all their stored posts, as a sync would.
 */
export async function importExport(db: SlowpostDb, file: ExportFile): Promise<ImportSummary> {
  const tables = EXPORT_TABLE_NAMES.map((name) => db.table(name));
  return db.transaction('rw', tables, async () => {
    let added = 0;
    let updated = 0;
    let unchanged = 0;
    const incoming = await withoutConflicts(db, file.tables);
    const newPostThreads = new Set<string>();
    for (const name of EXPORT_TABLE_NAMES) {
      const records = incoming[name] as readonly ExportTables[typeof name][number][];
      if (records.length === 0) continue;
      const table = db.table(name);
      const stored = (await table.bulkGet(records.map((r) => keyOf(name, r as never)))) as (
        ExportTables[typeof name][number] | undefined
      )[];
      const merge = MERGES[name] as Merge<typeof name>;
      const writes: unknown[] = [];
      records.forEach((record, index) => {
        const before = stored[index];
        const next = merge(before, record);
        if (next === null) unchanged += 1;
        else {
          writes.push(next);
          if (before === undefined) added += 1;
          else updated += 1;
          if (name === 'posts' && before === undefined) {
            newPostThreads.add((next as ExportTables['posts'][number]).threadId);
          }
        }
      });
      if (writes.length > 0) await table.bulkPut(writes);
    }
    if (newPostThreads.size > 0) {
      await summariseThreads(db, [...newPostThreads], await releasedUpTo(db));
    }
    return { added, updated, unchanged };
  });
}

/**
 * What the store's own rules would refuse, settled first: an outbox entry whose idempotency key is
 * already stored under another id is that same reply (left as stored); a link naming someone
 * already in another stored link gives its notes and cadence to that link instead (a person is in
 * one link at most).
 */
async function withoutConflicts(db: SlowpostDb, tables: ExportTables): Promise<ExportTables> {
  const keys = tables.outbox.map((e) => e.idempotencyKey);
  const sameKey = new Map(
    (await db.outbox.where('idempotencyKey').anyOf(keys).toArray()).map((e) => [
      e.idempotencyKey,
      e,
    ]),
  );
  const outbox = tables.outbox.filter((e: OutboxEntry) => {
    const stored = sameKey.get(e.idempotencyKey);
    return stored === undefined || stored.id === e.id;
  });

  const storedLinks = await db.personLinks.toArray();
  const linkOf = new Map<string, PersonLink>();
  for (const link of storedLinks) for (const id of link.personIds) linkOf.set(id, link);
  const personLinks = tables.personLinks.map((link) => {
    const other = link.personIds
      .map((id) => linkOf.get(id))
      .find((l) => l !== undefined && l.id !== link.id);
    // Given to the other link: same notes and cadence, that link's id and people.
    return other === undefined
      ? link
      : { ...link, id: other.id, personIds: other.personIds, linkedAt: other.linkedAt };
  });
  return { ...tables, outbox, personLinks: dedupeById(personLinks) };
}

function dedupeById(links: readonly PersonLink[]): PersonLink[] {
  const byId = new Map<string, PersonLink>();
  for (const link of links) {
    const seen = byId.get(link.id);
    byId.set(
      link.id,
      seen === undefined
        ? link
        : { ...seen, notes: [seen.notes, link.notes].filter((n) => n !== '').join('\n\n') },
    );
  }
  return [...byId.values()];
}
