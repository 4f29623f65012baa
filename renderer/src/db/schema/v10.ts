import type { SchemaVersion } from './schema-version';

/**
 * Version 10: time in sessions, for "Your week". `sessionTime` holds one record per review
 * session with the time it was on screen (see `SessionTimeSchema`), indexed by when it started, so
 * one week's sessions are one index range however long the history. A new table only: no data
 * changes shape; sessions before it have no recorded time.
 */
export const v10: SchemaVersion = {
  version: 10,
  stores: {
    sessionTime: 'id, startedAt',
  },
};
