/**
 * What the outbox engine needs from storage. The app implements it with Dexie; tests use the
 * in-memory store below.
 *
 * Every method is one short, atomic operation (in Dexie: its own `rw` transaction on the outbox
 * table). There is deliberately no `transaction(fn)`: the engine can never hold a transaction open
 * across a network call.
 */
import { OutboxEntryFieldsSchema, type OutboxEntry, type OutboxState } from '../domain/outbox';
import { dueAt } from './outbox-transitions';

export interface OutboxStore {
  get(id: string): Promise<OutboxEntry | undefined>;
  /** Insert or replace, unconditionally. */
  put(entry: OutboxEntry): Promise<void>;
  /**
   * Atomically: if the stored entry with `next.id` equals `expected` in every field (see
   * `sameEntry`) — or is absent when `expected` is null — store `next` and return true. Otherwise
   * change nothing and return false. This is how two writers (the engine in the sync worker, the
   * UI cancelling a reply) never overwrite each other's transitions.
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

// ---------------------------------------------------------------------------------------------
// In-memory store, for tests
// ---------------------------------------------------------------------------------------------

export interface MemoryOutboxStore extends OutboxStore {
  /** False once this handle has crashed. */
  readonly alive: boolean;
  /**
   * Simulates the process dying. Everything already written is kept (each write is applied, as if
   * committed, the moment it is called). Every promise this handle has not settled yet — and every
   * call made through it afterwards — never settles, and later writes through it are dropped: the
   * dead process's code can keep running, but it can no longer see or change anything.
   * Returns a fresh handle on the same data, for the "next process".
   */
  crash(): MemoryOutboxStore;
  /** The stored entries, oldest first, read synchronously (for assertions). */
  snapshot(): OutboxEntry[];
}

const NEVER: Promise<never> = new Promise<never>(() => {});

/** A deep copy, as IndexedDB hands back: no nested record is ever shared with the caller. */
function copy(entry: OutboxEntry): OutboxEntry {
  return structuredClone(entry);
}

export function createMemoryOutboxStore(initial: readonly OutboxEntry[] = []): MemoryOutboxStore {
  const data = new Map<string, OutboxEntry>();
  for (const entry of initial) data.set(entry.id, copy(entry));
  return memoryHandle(data);
}

function memoryHandle(data: Map<string, OutboxEntry>): MemoryOutboxStore {
  let alive = true;

  /** Runs `operation` now (if alive) and settles its result asynchronously, unless crashed by then. */
  function op<T>(operation: () => T): Promise<T> {
    if (!alive) return NEVER;
    // Run now (a write is committed the moment it is called); settle later, and only if alive.
    const settled = new Promise<T>((resolve) => resolve(operation()));
    return settled.then(
      (result) => (alive ? result : NEVER),
      () => (alive ? settled : NEVER),
    );
  }

  function sorted(filter: (entry: OutboxEntry) => boolean): OutboxEntry[] {
    return [...data.values()].filter(filter).sort(byAge).map(copy);
  }

  const handle: MemoryOutboxStore = {
    get alive() {
      return alive;
    },
    get: (id) =>
      op(() => {
        const entry = data.get(id);
        return entry === undefined ? undefined : copy(entry);
      }),
    put: (entry) =>
      op(() => {
        data.set(entry.id, copy(entry));
      }),
    compareAndSet: (expected, next) =>
      op(() => {
        if (expected !== null && expected.id !== next.id) return false;
        const stored = data.get(next.id);
        const matches =
          expected === null
            ? stored === undefined
            : stored !== undefined && sameEntry(stored, expected);
        if (!matches) return false;
        data.set(next.id, copy(next));
        return true;
      }),
    listDue: (now) => op(() => sorted((e) => e.state === 'waiting' && dueAt(e) <= now)),
    listByState: (state) => op(() => sorted((e) => e.state === state)),
    crash() {
      alive = false;
      return memoryHandle(data);
    },
    snapshot: () => sorted(() => true),
  };
  return handle;
}
