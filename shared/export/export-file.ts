import { z } from 'zod';
import {
  AccountSchema,
  ActivityItemSchema,
  CarryOverSchema,
  DeliverySchema,
  DraftSchema,
  InstantSchema,
  OutboxEntrySchema,
  PersonLinkSchema,
  PersonSchema,
  PostSchema,
  SessionTimeSchema,
  SettingRecordSchema,
  ThreadSchema,
} from '../domain';
import { ALL_SETTINGS, type SettingDefinition } from '../settings/setting-definitions';
import { readSettingRecord } from '../settings/read-setting-record';
import { explainIssues, issuesOf, type ValidationIssue } from '../validation/parse-unknown';
import { readExportJson } from './export-json-reader';

/**
 * A Slowpost export: everything the user's store holds that is theirs, in one JSON file (see the
 * README's "Your data"). Version 1:
 *
 * ```
 * { "format": "slowpost-export", "version": 1, "exportedAt": <ms>,
 *   "tables": { "accounts": [...], "people": [...], ... } }
 * ```
 *
 * Each table is a list of the records as the store keeps them (the schemas in `shared/domain`).
 * Never in it: sign-in credentials (they live in the main process's vault, never in the store),
 * and what the store derives and makes again (the session snapshot, the sync log and status).
 */
export const EXPORT_FORMAT = 'slowpost-export';
export const EXPORT_VERSION = 1;

export const EXPORT_TABLES = {
  accounts: AccountSchema,
  people: PersonSchema,
  personLinks: PersonLinkSchema,
  posts: PostSchema,
  threads: ThreadSchema,
  activity: ActivityItemSchema,
  deliveries: DeliverySchema,
  carryOvers: CarryOverSchema,
  drafts: DraftSchema,
  outbox: OutboxEntrySchema,
  settings: SettingRecordSchema,
  sessionTime: SessionTimeSchema,
} as const;
export type ExportTable = keyof typeof EXPORT_TABLES;
export const EXPORT_TABLE_NAMES = Object.keys(EXPORT_TABLES) as ExportTable[];

/**
 * The store's tables that are not exported, and why: each table of the store is either exported
 * or named here (a test checks), so a new table is never left out by accident.
 */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  sessionSnapshots: 'made again from the records at the next open',
  syncLog: "this computer's record of what its syncs skipped",
  syncStatus: "this computer's sync state; the next sync makes it again",
  searchPosts: 'the search index: kept from the posts as they are stored, the imported ones too',
  searchBuild: "how far this computer's search index has been built",
};

const TablesSchema = z.object(
  Object.fromEntries(EXPORT_TABLE_NAMES.map((name) => [name, z.array(EXPORT_TABLES[name])])) as {
    [K in ExportTable]: z.ZodArray<(typeof EXPORT_TABLES)[K]>;
  },
);

export const ExportFileSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `not a Slowpost export (format "${EXPORT_FORMAT}")` }),
  version: z.number().int().positive(),
  exportedAt: InstantSchema,
  tables: TablesSchema,
});
export type ExportFile = z.infer<typeof ExportFileSchema>;
export type ExportTables = ExportFile['tables'];

export type ExportReading =
  | { readonly ok: true; readonly file: ExportFile }
  | { readonly ok: false; readonly error: string; readonly issues: readonly ValidationIssue[] };

const MAX_ISSUES_SHOWN = 5;

/**
 * Reads an export file's text, all of it, before anything is stored: the answer is either the
 * whole file, or why it cannot be imported (the first few problems, each with where it is, e.g.
 * `tables.posts[12].createdAt`). A file from a newer Slowpost is refused, not half-read.
 */
export function readExportFile(text: string): ExportReading {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return notJson(error);
  }
  return readExportValue(json);
}

/**
 * The same as {@link readExportFile}, for a file read a chunk of text at a time (see
 * `export-json-reader.ts`): a year of history is never one string.
 */
export async function readExportChunks(chunks: AsyncIterable<string>): Promise<ExportReading> {
  let json: unknown;
  try {
    json = await readExportJson(chunks);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return notJson(error);
  }
  return readExportValue(json);
}

function notJson(error: unknown): ExportReading {
  const detail = error instanceof Error ? error.message : String(error);
  return refused([{ path: '(root)', message: `not JSON (${detail})` }]);
}

/** Checks a parsed export: the whole file, or why it cannot be imported. */
function readExportValue(json: unknown): ExportReading {
  const head = z.object({ format: z.unknown(), version: z.unknown() }).safeParse(json);
  if (head.success && head.data.format === EXPORT_FORMAT) {
    const version = head.data.version;
    if (typeof version === 'number' && version > EXPORT_VERSION) {
      return {
        ok: false,
        error: `This export was made by a newer version of Slowpost (format ${version}; this version reads format ${EXPORT_VERSION}). Nothing was imported.`,
        issues: [{ path: 'version', message: `format ${version} is newer than ${EXPORT_VERSION}` }],
      };
    }
  }
  const parsed = ExportFileSchema.safeParse(json);
  if (!parsed.success) return refused(issuesOf(parsed.error));
  const settingIssues = parsed.data.tables.settings.flatMap((record, index) =>
    settingProblem(record, index),
  );
  if (settingIssues.length > 0) return refused(settingIssues);
  const duplicates = duplicateIds(parsed.data.tables);
  if (duplicates.length > 0) return refused(duplicates);
  return { ok: true, file: parsed.data };
}

function refused(issues: readonly ValidationIssue[]): ExportReading {
  const shown = issues.slice(0, MAX_ISSUES_SHOWN);
  const more = issues.length - shown.length;
  const error = `${explainIssues('export file', shown)}${more > 0 ? `; and ${more} more` : ''}. Nothing was imported.`;
  return { ok: false, error, issues };
}

/** A setting this version knows must be one it can read; one it does not know is passed over. */
function settingProblem(
  record: ExportTables['settings'][number],
  index: number,
): ValidationIssue[] {
  const definition: SettingDefinition<z.ZodType> | undefined = ALL_SETTINGS.find(
    (d) => d.key === record.key,
  );
  if (definition === undefined) return [];
  const reading = readSettingRecord(definition, record);
  return reading.problem === null
    ? []
    : [{ path: `tables.settings[${index}]`, message: reading.problem }];
}

const KEY_OF: { readonly [K in ExportTable]: (record: ExportTables[K][number]) => string } = {
  accounts: (r) => r.id,
  people: (r) => r.id,
  personLinks: (r) => r.id,
  posts: (r) => r.id,
  threads: (r) => r.id,
  activity: (r) => r.id,
  deliveries: (r) => r.id,
  carryOvers: (r) => r.deliveryId,
  drafts: (r) => r.id,
  outbox: (r) => r.id,
  settings: (r) => r.key,
  sessionTime: (r) => r.id,
};

/** Each record's key, as the store keys that table. */
export function keyOf<K extends ExportTable>(table: K, record: ExportTables[K][number]): string {
  return KEY_OF[table](record);
}

/** Two records of a table with one key: the file is damaged (a store never holds both). */
function duplicateIds(tables: ExportTables): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  for (const name of EXPORT_TABLE_NAMES) {
    const seen = new Set<string>();
    (tables[name] as readonly ExportTables[typeof name][number][]).forEach((record, index) => {
      const key = keyOf(name, record as never);
      if (seen.has(key)) {
        issues.push({ path: `tables.${name}[${index}]`, message: `a second record "${key}"` });
      }
      seen.add(key);
    });
  }
  const keys = new Set<string>();
  tables.outbox.forEach((entry, index) => {
    if (keys.has(entry.idempotencyKey)) {
      issues.push({
        path: `tables.outbox[${index}].idempotencyKey`,
        message: 'the same reply twice (a second entry with this idempotency key)',
      });
    }
    keys.add(entry.idempotencyKey);
  });
  return issues;
}
