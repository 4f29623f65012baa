import type { WriteAheadBacking } from '../drafts/write-ahead-storage';

/** A `localStorage` stand-in for Vitest (Node has none): the same API over a Map. */
export function memoryStorage(initial: Record<string, string> = {}): WriteAheadBacking & {
  readonly items: Map<string, string>;
} {
  const items = new Map(Object.entries(initial));
  return {
    items,
    get length() {
      return items.size;
    },
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => {
      items.set(key, String(value));
    },
    removeItem: (key) => {
      items.delete(key);
    },
  };
}
