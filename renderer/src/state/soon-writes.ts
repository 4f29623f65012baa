/**
 * Values to be written later, together: each key keeps only its newest value, one write applies
 * everything pending, and reading through `flush` first never sees an older value than was set.
 */
export interface SoonWrites<K, V> {
  /** Keeps the newest value for `key` and makes sure a write is scheduled. */
  set(key: K, value: V): void;
  /** Writes everything pending now (nothing when nothing is). */
  flush(): void;
  /** Forgets everything pending (something else decided those values meanwhile). */
  drop(): void;
}

export function createSoonWrites<K, V>(
  apply: (pending: ReadonlyMap<K, V>) => void,
  schedule: (run: () => void) => void,
): SoonWrites<K, V> {
  let pending = new Map<K, V>();
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    if (pending.size === 0) return;
    const writing = pending;
    pending = new Map();
    apply(writing);
  };
  return {
    set(key, value) {
      pending.set(key, value);
      if (scheduled) return;
      scheduled = true;
      schedule(flush);
    },
    flush,
    drop() {
      pending.clear();
    },
  };
}
