import { z } from 'zod';
import { IdSchema, InstantSchema, VisibilitySchema } from '../domain/common';
import { parseUnknown } from '../validation/parse-unknown';

/**
 * What the page writes synchronously, on every change, before the debounced IndexedDB write: the
 * whole text with its settings and when it was changed. Read back from storage after a reload,
 * a closed tab or a crash, so it is parsed like anything else that comes from outside.
 */

/** Every write-ahead key starts with this; nothing else in the page's storage does. */
export const WRITE_AHEAD_PREFIX = 'slowpost:wal:';

/** A reply being written. The language is kept as typed: the store checks it when it saves. */
export const DraftWriteAheadSchema = z
  .object({
    kind: z.literal('draft'),
    /** The post being answered (the draft's id). */
    postId: IdSchema,
    accountId: IdSchema,
    threadId: IdSchema,
    text: z.string(),
    visibility: VisibilitySchema,
    contentWarning: z.string().nullable(),
    language: z.string().nullable(),
    updatedAt: InstantSchema,
  })
  .strict();
export type DraftWriteAhead = z.infer<typeof DraftWriteAheadSchema>;

/** The user's private notes about a person. */
export const NoteWriteAheadSchema = z
  .object({
    kind: z.literal('note'),
    personId: IdSchema,
    notes: z.string(),
    updatedAt: InstantSchema,
  })
  .strict();
export type NoteWriteAhead = z.infer<typeof NoteWriteAheadSchema>;

export const WriteAheadEntrySchema = z.discriminatedUnion('kind', [
  DraftWriteAheadSchema,
  NoteWriteAheadSchema,
]);
export type WriteAheadEntry = z.infer<typeof WriteAheadEntrySchema>;

export function draftWriteAheadKey(postId: string): string {
  return `${WRITE_AHEAD_PREFIX}draft:${postId}`;
}

export function noteWriteAheadKey(personId: string): string {
  return `${WRITE_AHEAD_PREFIX}note:${personId}`;
}

/** The storage key an entry belongs under. */
export function writeAheadKeyOf(entry: WriteAheadEntry): string {
  return entry.kind === 'draft'
    ? draftWriteAheadKey(entry.postId)
    : noteWriteAheadKey(entry.personId);
}

export function isWriteAheadKey(key: string): boolean {
  return key.startsWith(WRITE_AHEAD_PREFIX);
}

export type ReadWriteAhead =
  | { readonly ok: true; readonly entry: WriteAheadEntry }
  | { readonly ok: false; readonly error: string };

/**
 * Reads one stored entry: it must be JSON, match the schema, and sit under its own key (an entry
 * under another key is not trusted). Never throws; a corrupt entry comes back with the reason.
 */
export function readWriteAheadEntry(key: string, raw: string): ReadWriteAhead {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { ok: false, error: `Invalid write-ahead entry ${key}: not JSON` };
  }
  const parsed = parseUnknown(WriteAheadEntrySchema, value, `write-ahead entry ${key}`);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  if (writeAheadKeyOf(parsed.value) !== key) {
    return { ok: false, error: `Invalid write-ahead entry ${key}: it belongs under another key` };
  }
  return { ok: true, entry: parsed.value };
}
