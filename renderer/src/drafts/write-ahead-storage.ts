import {
  isWriteAheadKey,
  readWriteAheadEntry,
  writeAheadKeyOf,
  type WriteAheadEntry,
} from '@shared/drafts/write-ahead-entry';

/** The part of the Web Storage API the write-ahead uses (the page's `localStorage`). */
export type WriteAheadBacking = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key'> & {
  readonly length: number;
};

/** An entry as read back, with the exact string stored (to clear it only if it is unchanged). */
export interface StoredWriteAhead {
  readonly entry: WriteAheadEntry;
  readonly raw: string;
}

export interface WriteAheadStorage {
  /** Writes the entry under its key, synchronously. Null when storage refused (full, disabled). */
  write(entry: WriteAheadEntry): string | null;
  /** The entry under `key`, or null when there is none or it is corrupt (reported, left alone). */
  read(key: string): StoredWriteAhead | null;
  /** Every write-ahead key present now. */
  keys(): string[];
  /** Removes the entry under `key`; with `ifRaw`, only if it is still exactly that version. */
  clear(key: string, ifRaw?: string): void;
}

/**
 * The synchronous half of keeping what the user writes: one small JSON string per draft (and per
 * person's notes) in the page's `localStorage`, which survives a reload, a closed tab and a crash
 * of the page. Storage that throws (full, disabled) is reported once and never breaks typing. A
 * corrupt entry is reported and left where it is, so a person could still recover it by hand.
 */
export function createWriteAheadStorage(
  backing: () => WriteAheadBacking,
  report: (message: string) => void = (message) => console.error(message),
): WriteAheadStorage {
  const reported = new Set<string>();
  const reportOnce = (message: string): void => {
    if (reported.has(message)) return;
    reported.add(message);
    report(message);
  };
  const attempt = <T>(what: string, fallback: T, action: (storage: WriteAheadBacking) => T): T => {
    try {
      return action(backing());
    } catch (error) {
      reportOnce(`write-ahead: could not ${what}: ${String(error)}`);
      return fallback;
    }
  };
  return {
    write(entry) {
      const raw = JSON.stringify(entry);
      return attempt('keep a change', null, (storage) => {
        storage.setItem(writeAheadKeyOf(entry), raw);
        return raw;
      });
    },
    read(key) {
      const raw = attempt('read', null, (storage) => storage.getItem(key));
      if (raw === null) return null;
      const read = readWriteAheadEntry(key, raw);
      if (!read.ok) {
        reportOnce(`write-ahead: ${read.error} (left as it is)`);
        return null;
      }
      return { entry: read.entry, raw };
    },
    keys() {
      return attempt('list entries', [], (storage) => {
        const found: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const key = storage.key(i);
          if (key !== null && isWriteAheadKey(key)) found.push(key);
        }
        return found;
      });
    },
    clear(key, ifRaw) {
      attempt('clear an entry', undefined, (storage) => {
        if (ifRaw === undefined || storage.getItem(key) === ifRaw) storage.removeItem(key);
      });
    },
  };
}

/** The page's own write-ahead, in `localStorage`. */
export function pageWriteAheadStorage(): WriteAheadStorage {
  return createWriteAheadStorage(() => window.localStorage);
}
