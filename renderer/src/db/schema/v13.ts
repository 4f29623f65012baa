import type { SchemaVersion } from './schema-version';

/**
 * Version 13: the outbox by when each entry was queued. A session counts the replies written
 * since it began at every triage keystroke; a year of sent replies is one range away instead of
 * a scan of the whole outbox. No data changes shape.
 */
export const v13: SchemaVersion = {
  version: 13,
  stores: {
    outbox: 'id, &idempotencyKey, state, nextAttemptAt, threadId, createdAt',
  },
};
