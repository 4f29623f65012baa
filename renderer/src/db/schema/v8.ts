import type { SchemaVersion } from './schema-version';

/**
 * Version 8: "this is the same person". `personLinks` holds the people (of different accounts)
 * the user linked, with the notes and keep-in-touch cadence that apply to all of them. Indexed by
 * each of its people (multi-entry), so a person's link is one lookup. A new table only: no data
 * changes shape.
 */
export const v8: SchemaVersion = {
  version: 8,
  stores: {
    personLinks: 'id, *personIds',
  },
};
