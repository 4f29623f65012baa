import type { SchemaVersion } from './schema-version';

/**
 * Version 4: outbox entries remember when their first attempt started (`firstAttemptAt`) and
 * whether an earlier attempt's outcome is unknown (`outcomeUnknown`), so the outbox asks the
 * network before sending again instead of trusting the server to deduplicate. No index changes.
 *
 * Entries written by version 3 get the cautious values: an entry that was attempted and is not
 * known to be sent or withdrawn counts as unknown (the next attempt checks first), and its first
 * attempt is taken to be no earlier than when it was queued. A row too damaged to read is left as
 * it is (the outbox never sends it, and lists it as needing attention).
 */
export const v4: SchemaVersion = {
  version: 4,
  stores: {},
  async upgrade(transaction) {
    await transaction
      .table('outbox')
      .toCollection()
      .modify((row: Record<string, unknown>) => {
        const attempts = typeof row['attempts'] === 'number' ? row['attempts'] : 0;
        const createdAt = typeof row['createdAt'] === 'number' ? row['createdAt'] : null;
        const open =
          row['state'] === 'waiting' ||
          row['state'] === 'sending' ||
          row['state'] === 'needs-attention';
        if (!('firstAttemptAt' in row)) row['firstAttemptAt'] = attempts > 0 ? createdAt : null;
        if (!('outcomeUnknown' in row)) row['outcomeUnknown'] = attempts > 0 && open;
      });
  },
};
