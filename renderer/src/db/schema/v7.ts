import type { SchemaVersion } from './schema-version';

/**
 * Version 7: kept for the Bluesky outbox (issue 12, seam 3), which may store a reply's record key
 * with its outbox entry. This step changes nothing; its own version replaces this file.
 */
export const v7: SchemaVersion = {
  version: 7,
  stores: {},
};
