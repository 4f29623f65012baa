import type { SchemaVersion } from './schema-version';

/**
 * Version 7: a reply to Bluesky names its record before its first attempt (`recordKey`: the record
 * key and creation time), so that every attempt writes that one record and the check after an
 * unknown outcome reads it back. Replies queued before had no record chosen: null.
 */
export const v7: SchemaVersion = {
  version: 7,
  stores: {},
  async upgrade(transaction) {
    await transaction
      .table('outbox')
      .toCollection()
      .modify((entry: { recordKey?: unknown }) => {
        entry.recordKey ??= null;
      });
  },
};
