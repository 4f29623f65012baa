/** An in-memory OutboxStore for tests: every write commits at once, and a handle can crash. */
import type { OutboxEntry } from '../../domain/outbox';
import { dueAt } from '../outbox-transitions';
import { byAge, sameEntry, type OutboxStore } from '../outbox-store';

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
