import type { SchemaVersion } from './schema-version';

/**
 * Version 12: people by keep-in-touch cadence. A session's keep-in-touch nudge reads the people
 * the user keeps in touch with; a year's history holds tens of thousands of people, of whom a
 * handful have a cadence. People without one (null) are not in the index at all (IndexedDB
 * leaves out records whose key is null), so it stays as small as the list. No data changes shape.
 */
export const v12: SchemaVersion = {
  version: 12,
  stores: {
    people: 'id, accountId, screening, keepInTouchDays',
  },
};
