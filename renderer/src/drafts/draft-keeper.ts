import { saveRetryDelayMs } from '@shared/drafts/save-retry';
import { writeAheadKeyOf, type WriteAheadEntry } from '@shared/drafts/write-ahead-entry';
import type { StoreOutcome } from '../db/repositories/replies';
import type { StoredWriteAhead, WriteAheadStorage } from './write-ahead-storage';

/** A draft (or a person's notes) with a change not in the store yet. Absent means saved. */
export interface KeptStatus {
  readonly kind: WriteAheadEntry['kind'];
  /** `pending`: written ahead, the store write is to come. `failed`: the store refused it. */
  readonly phase: 'pending' | 'failed';
  /** Why the last store write failed, in words. */
  readonly error: string | null;
}

export interface DraftKeeper {
  /** Keeps a change at once (synchronously, in the write-ahead); the store write comes later. */
  readonly remember: (entry: WriteAheadEntry) => void;
  /** The newest version under `key` not in the store yet, this page's or one left behind. */
  readonly unstored: (key: string) => WriteAheadEntry | null;
  /**
   * Writes the newest version under `key` into the store; writes for one key run one at a time,
   * in order. Resolves true when nothing under `key` is left unstored. Never rejects: a failure
   * is kept as the key's status and tried again later (after 1 s, 2 s, 5 s, … 30 s).
   */
  readonly store: (key: string) => Promise<boolean>;
  /** Stores every version waiting: this page's, and any a reload, closed tab or crash left. */
  readonly storeAll: () => Promise<{ readonly unstored: number }>;
  /** Forgets the version under `key` (discarded, or gone to the outbox); waits for a write in flight. */
  readonly forget: (key: string) => Promise<void>;
  /** What is not stored yet, by key; a new map after every change (for `useSyncExternalStore`). */
  readonly statuses: () => ReadonlyMap<string, KeptStatus>;
  readonly subscribe: (listener: () => void) => () => void;
  /** Stops the retry timers. */
  readonly stop: () => void;
}

export interface DraftKeeperOptions {
  readonly storage: WriteAheadStorage;
  /** Writes one version into the store (IndexedDB), or says why it was not needed. */
  readonly write: (entry: WriteAheadEntry) => Promise<StoreOutcome>;
  readonly setTimer: (callback: () => void, ms: number) => () => void;
  readonly log?: (message: string) => void;
}

interface Held {
  readonly entry: WriteAheadEntry;
  /** The exact string in the write-ahead, or null when storage refused it (kept in memory only). */
  readonly raw: string | null;
}

/**
 * Keeps every change the user makes to a draft or a person's notes until the store has it: each
 * change is written ahead synchronously (`WriteAheadStorage`) and held in memory; `store` writes
 * the newest version into IndexedDB and then forgets exactly that version (a newer one stays).
 * Because every write for a key reads the newest version when it runs, and runs after the one
 * before it, the store never goes back to an older version.
 */
export function createDraftKeeper(options: DraftKeeperOptions): DraftKeeper {
  const { storage, write } = options;
  const log = options.log ?? ((message: string) => console.info(message));
  const held = new Map<string, Held>();
  const chains = new Map<string, Promise<boolean>>();
  const failures = new Map<string, number>();
  const retries = new Map<string, () => void>();
  const listeners = new Set<() => void>();
  let snapshot: ReadonlyMap<string, KeptStatus> = new Map();

  const setStatus = (key: string, status: KeptStatus | null): void => {
    const before = snapshot.get(key);
    if (status === null ? before === undefined : sameStatus(before, status)) return;
    const next = new Map(snapshot);
    if (status === null) next.delete(key);
    else next.set(key, status);
    snapshot = next;
    for (const listener of listeners) listener();
  };
  const newest = (key: string): Held | StoredWriteAhead | null =>
    held.get(key) ?? storage.read(key);
  const cancelRetry = (key: string): void => {
    retries.get(key)?.();
    retries.delete(key);
  };

  const storeNow = async (key: string): Promise<boolean> => {
    const version = newest(key);
    if (version === null) {
      setStatus(key, null);
      return true;
    }
    try {
      const outcome = await write(version.entry);
      if (!outcome.written) log(`write-ahead: ${key} was not written: ${outcome.reason}`);
    } catch (error) {
      // Forgotten meanwhile (discarded, or sent): nothing to keep trying.
      if (newest(key) === null) return true;
      const count = (failures.get(key) ?? 0) + 1;
      failures.set(key, count);
      setStatus(key, {
        kind: version.entry.kind,
        phase: 'failed',
        error: reasonOf(error),
      });
      cancelRetry(key);
      retries.set(
        key,
        options.setTimer(() => {
          retries.delete(key);
          void store(key);
        }, saveRetryDelayMs(count)),
      );
      return false;
    }
    if (held.get(key) === version) held.delete(key);
    if (version.raw !== null) storage.clear(key, version.raw);
    failures.delete(key);
    cancelRetry(key);
    const later = held.get(key);
    if (later === undefined) {
      setStatus(key, null);
      return true;
    }
    setStatus(key, { kind: later.entry.kind, phase: 'pending', error: null });
    return false;
  };

  const store = (key: string): Promise<boolean> => {
    const run = (chains.get(key) ?? Promise.resolve(true)).then(() => storeNow(key));
    chains.set(key, run);
    void run.finally(() => {
      if (chains.get(key) === run) chains.delete(key);
    });
    return run;
  };

  return {
    remember(entry) {
      const key = writeAheadKeyOf(entry);
      held.set(key, { entry, raw: storage.write(entry) });
      if (!snapshot.has(key)) setStatus(key, { kind: entry.kind, phase: 'pending', error: null });
    },
    unstored: (key) => newest(key)?.entry ?? null,
    store,
    async storeAll() {
      const keys = [...new Set([...held.keys(), ...storage.keys()])];
      const stored = await Promise.all(keys.map(store));
      return { unstored: stored.filter((done) => !done).length };
    },
    async forget(key) {
      held.delete(key);
      storage.clear(key);
      failures.delete(key);
      cancelRetry(key);
      setStatus(key, null);
      await chains.get(key);
    },
    statuses: () => snapshot,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    stop() {
      for (const cancel of retries.values()) cancel();
      retries.clear();
    },
  };
}

function sameStatus(a: KeptStatus | undefined, b: KeptStatus): boolean {
  return a !== undefined && a.kind === b.kind && a.phase === b.phase && a.error === b.error;
}

/** The first line of an error's message (Dexie appends the inner error's on further lines). */
function reasonOf(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.split('\n')[0]?.trim() || 'unknown error';
}
