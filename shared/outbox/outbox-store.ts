/**
 * What the outbox engine needs from storage. The app implements it with Dexie
 * (renderer/src/db/repositories/dexie-outbox-store.ts); tests use the in-memory store in
 * testing/memory-outbox-store.ts.
 *
 * Every method is one short, atomic operation (in Dexie: its own `rw` transaction on the outbox
 * table). There is deliberately no `transaction(fn)`: the engine can never hold a transaction open
 * across a network call.
 */
import { OutboxEntryFieldsSchema, type OutboxEntry, type OutboxState } from '../domain/outbox';

export interface OutboxStore {
  get(id: string): Promise<OutboxEntry | undefined>;
  /** Insert or replace, unconditionally. */
  put(entry: OutboxEntry): Promise<void>;
  /**
   * Atomically: if the stored entry with `next.id` equals `expected` in every field (see
   * `sameEntry`) — or is absent when `expected` is null — store `next` and return true. Otherwise
   * change nothing and return false. This is how two writers (the outbox runner sending, the UI
   * taking a reply back) never overwrite each other's transitions.
   */
  compareAndSet(expected: OutboxEntry | null, next: OutboxEntry): Promise<boolean>;
  /**
   * Entries in `waiting` with `max(sendAfter, nextAttemptAt) <= now`, oldest first (`createdAt`,
   * then `id`). The transitions keep `nextAttemptAt >= sendAfter`, so an index on
   * `[state+nextAttemptAt]` answers this with one range query.
   */
  listDue(now: number): Promise<OutboxEntry[]>;
  /** Entries in a state, oldest first (`createdAt`, then `id`). */
  listByState(state: OutboxState): Promise<OutboxEntry[]>;
}

const ENTRY_FIELDS = Object.keys(OutboxEntryFieldsSchema.shape) as (keyof OutboxEntry)[];

/**
 * Field-by-field equality of two entries. Every field is a primitive or null, except `recordKey`
 * and `addressee`, small records of primitives compared by value (a stored copy is never the same
 * object).
 */
export function sameEntry(a: OutboxEntry, b: OutboxEntry): boolean {
  return ENTRY_FIELDS.every((field) => {
    if (field === 'recordKey') return sameRecordKey(a.recordKey, b.recordKey);
    if (field === 'addressee') return sameAddressee(a.addressee, b.addressee);
    return Object.is(a[field], b[field]);
  });
}

function sameAddressee(a: OutboxEntry['addressee'], b: OutboxEntry['addressee']): boolean {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  return a.personId === b.personId && a.networkId === b.networkId && a.handle === b.handle;
}

function sameRecordKey(a: OutboxEntry['recordKey'], b: OutboxEntry['recordKey']): boolean {
  if (a == null || b == null) return (a ?? null) === (b ?? null);
  return a.rkey === b.rkey && a.createdAt === b.createdAt;
}

export function byAge(a: OutboxEntry, b: OutboxEntry): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
