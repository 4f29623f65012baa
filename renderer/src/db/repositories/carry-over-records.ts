import type { z } from 'zod';
import type { CarriedSource, LeftConversation } from '@shared/domain';
import { CarriedSourceSchema, LeftConversationSchema } from '@shared/domain';
import { parseUnknown } from '@shared/validation/parse-unknown';
import type { SlowpostDb } from '../database';

/** What carry-overs hold, read and parsed. */
export interface Carried {
  readonly conversations: readonly LeftConversation[];
  readonly sources: readonly CarriedSource[];
}

/**
 * The conversations carried under these delivery ids (`WAITING_FOR_DELIVERY`: waiting for the
 * next one), in order, and where their activity was first released. Each conversation is parsed:
 * one unreadable entry is skipped and logged, never the rest. Unreadable sources are only a
 * slower read (by id), so they are dropped quietly.
 */
export function readCarried(db: SlowpostDb, deliveryIds: readonly string[]): Promise<Carried> {
  // A promise of the store's own (not an async function): awaited inside a transaction, it keeps
  // the transaction's zone.
  return db.carryOvers.bulkGet([...deliveryIds]).then((records: unknown[]) => {
    const conversations: LeftConversation[] = [];
    const sources: CarriedSource[] = [];
    records.forEach((record, index) => {
      if (record === undefined) return;
      const what = `carried conversations of "${deliveryIds[index] ?? ''}"`;
      conversations.push(...entries(record, 'conversations', LeftConversationSchema, what, true));
      sources.push(...entries(record, 'sources', CarriedSourceSchema, what, false));
    });
    return { conversations, sources };
  });
}

function entries<T>(
  record: unknown,
  field: string,
  schema: z.ZodType<T>,
  what: string,
  warn: boolean,
): T[] {
  const list: unknown =
    typeof record === 'object' && record !== null && field in record
      ? (record as Record<string, unknown>)[field]
      : undefined;
  if (!Array.isArray(list)) {
    if (warn) console.warn(`Unreadable ${what}: no list of ${field}`);
    return [];
  }
  return list.flatMap((entry: unknown, index) => {
    const parsed = parseUnknown(schema, entry, `${what} [${index}]`);
    if (parsed.ok) return [parsed.value];
    if (warn) console.warn(parsed.error);
    return [];
  });
}
