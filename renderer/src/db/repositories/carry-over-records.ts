import type { LeftConversation } from '../../../../shared/domain';
import { LeftConversationSchema } from '../../../../shared/domain';
import { parseUnknown } from '../../../../shared/validation/parse-unknown';
import type { SlowpostDb } from '../database';

/**
 * The conversations carried under these delivery ids (`WAITING_FOR_DELIVERY`: waiting for the
 * next one), in order. Each is parsed: one unreadable entry is skipped and logged, never the rest.
 */
export async function readCarried(
  db: SlowpostDb,
  deliveryIds: readonly string[],
): Promise<LeftConversation[]> {
  // Always through the store, even for no ids: inside a transaction, an await that does not
  // wait on the store can leave the transaction's zone.
  const records: unknown[] = await db.carryOvers.bulkGet([...deliveryIds]);
  return records.flatMap((record, index) =>
    conversationsOf(record, `carried conversations of "${deliveryIds[index] ?? ''}"`),
  );
}

function conversationsOf(record: unknown, what: string): LeftConversation[] {
  if (record === undefined) return [];
  const list: unknown =
    typeof record === 'object' && record !== null && 'conversations' in record
      ? record.conversations
      : undefined;
  if (!Array.isArray(list)) {
    console.warn(`Unreadable ${what}: no list of conversations`);
    return [];
  }
  return list.flatMap((entry: unknown, index) => {
    const parsed = parseUnknown(LeftConversationSchema, entry, `${what} [${index}]`);
    if (parsed.ok) return [parsed.value];
    console.warn(parsed.error);
    return [];
  });
}
