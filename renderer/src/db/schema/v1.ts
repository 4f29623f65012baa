import type { SchemaVersion } from './schema-version';

/**
 * Version 1: the first store. Index only what is queried:
 * - threads by account and by last activity (the conversation list);
 * - posts by thread (a thread view) and by author (past conversations with a person);
 * - activity by thread, and by [delivery, arrival]: what is still waiting, up to an instant, is one
 *   index range (waiting activity has the empty delivery id), and so is one delivery's activity;
 * - outbox by state and next attempt (the sender's queue), idempotency keys unique.
 */
export const v1: SchemaVersion = {
  version: 1,
  stores: {
    accounts: 'id, network',
    people: 'id, accountId, screening',
    posts: 'id, accountId, threadId, authorId',
    threads: 'id, accountId, lastActivityAt, triage',
    activity: 'id, accountId, threadId, [deliveryId+arrivedAt]',
    deliveries: 'id, scheduledFor, deliveredAt',
    drafts: 'id, threadId, updatedAt',
    outbox: 'id, &idempotencyKey, state, nextAttemptAt, threadId',
    settings: 'key',
  },
};
