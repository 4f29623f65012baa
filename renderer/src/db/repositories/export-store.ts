import {
  EXPORT_FORMAT,
  EXPORT_TABLE_NAMES,
  EXPORT_VERSION,
  type ExportTable,
} from '@shared/export/export-file';
import type { SlowpostDb } from '../database';

/** Records read and written out at a time: a year of history never sits in memory as one string. */
const PAGE = 2_000;

export interface ExportResult {
  /** The file, made of its parts (the browser keeps a Blob's parts out of the page's heap). */
  readonly blob: Blob;
  readonly records: number;
}

/**
 * Writes everything the store holds that is the user's (see `shared/export/export-file.ts`) as one
 * JSON export: the same text `JSON.stringify` of the whole file would give, made page by page in
 * one read transaction, so the file is one consistent moment of the store.
 */
export async function exportStore(db: SlowpostDb, now: number): Promise<ExportResult> {
  const parts: string[] = [
    `{"format":${JSON.stringify(EXPORT_FORMAT)},"version":${EXPORT_VERSION},"exportedAt":${now},"tables":{`,
  ];
  let records = 0;
  const tables = EXPORT_TABLE_NAMES.map((name) => db.table(name));
  await db.transaction('r', tables, async () => {
    for (const [index, name] of EXPORT_TABLE_NAMES.entries()) {
      parts.push(`${index === 0 ? '' : ','}${JSON.stringify(name)}:[`);
      records += await writeTable(db, name, parts);
      parts.push(']');
    }
  });
  parts.push('}}');
  return { blob: new Blob(parts, { type: 'application/json' }), records };
}

async function writeTable(db: SlowpostDb, name: ExportTable, parts: string[]): Promise<number> {
  const table = db.table(name);
  let count = 0;
  let after: unknown = undefined;
  for (;;) {
    const page: unknown[] =
      after === undefined
        ? await table.orderBy(':id').limit(PAGE).toArray()
        : await table.where(':id').above(after).limit(PAGE).toArray();
    if (page.length === 0) return count;
    parts.push(`${count === 0 ? '' : ','}${page.map((r) => JSON.stringify(r)).join(',')}`);
    count += page.length;
    const last = page[page.length - 1];
    after = (last as Record<string, unknown>)[String(table.schema.primKey.keyPath)];
    if (page.length < PAGE || after === undefined) return count;
  }
}

/** `slowpost-export-2026-12-01.json`, in the user's own calendar. */
export function exportFileName(now: number): string {
  const d = new Date(now);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `slowpost-export-${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}.json`;
}
