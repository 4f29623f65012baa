import type { SchemaVersion } from './schema-version';

/**
 * Version 9: the session snapshot. `sessionSnapshots` holds, for the open deliveries, what they
 * brought (one record a cold open reads instead of thousands), with the ids it was made from and
 * a version (see `session-snapshot.ts` and `session-snapshot-guard.ts`). A new table only: no
 * data changes shape, and a store without a snapshot makes one at its next open.
 */
export const v9: SchemaVersion = {
  version: 9,
  stores: {
    sessionSnapshots: 'id',
  },
};
