import type { SchemaVersion } from './schema-version';

/**
 * Version 2: threads are also indexed by when they were triaged, so a review session reads "what
 * the user triaged since this session began" as one small index range instead of every thread of
 * the delivery on every keystroke. No data changes shape.
 */
export const v2: SchemaVersion = {
  version: 2,
  stores: {
    threads: 'id, accountId, lastActivityAt, triage, triagedAt',
  },
};
