/**
 * A small seeded pseudo-random number generator for the demo network. Nothing here reads
 * `Math.random` or the clock: the same seed always gives the same sequence.
 */

/** mulberry32: a tiny, fast 32-bit generator, good enough for sample data (not for secrets). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** FNV-1a, 32 bits, over the string's UTF-16 code units. */
export function hashString(text: string, basis = 0x811c9dc5): number {
  let hash = basis >>> 0;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash >>> 0;
}

/** 16 hex digits from two differently seeded FNV-1a hashes: a stable, short id for a string. */
export function hashHex64(text: string): string {
  const a = hashString(text);
  const b = hashString(text, 0x9747b28c ^ a);
  return a.toString(16).padStart(8, '0') + b.toString(16).padStart(8, '0');
}

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks with probability proportional to `weight(item)` (weights ≤ 0 are never picked). */
  weighted<T>(items: readonly T[], weight: (item: T) => number): T;
  /** A shuffled copy (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[];
}

export function createRng(seed: number): Rng {
  const next = mulberry32(seed);
  const int = (min: number, max: number): number => {
    if (!Number.isInteger(min) || !Number.isInteger(max) || max < min) {
      throw new RangeError(`rng.int: bad range [${min}, ${max}]`);
    }
    return min + Math.floor(next() * (max - min + 1));
  };
  const pick = <T>(items: readonly T[]): T => {
    if (items.length === 0) throw new RangeError('rng.pick: nothing to pick from');
    return items[int(0, items.length - 1)] as T;
  };
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick,
    weighted<T>(items: readonly T[], weight: (item: T) => number): T {
      const weights = items.map((item) => Math.max(0, weight(item)));
      const total = weights.reduce((sum, w) => sum + w, 0);
      if (total <= 0) throw new RangeError('rng.weighted: no item has a positive weight');
      let roll = next() * total;
      for (let i = 0; i < items.length; i += 1) {
        roll -= weights[i] ?? 0;
        if (roll < 0 && (weights[i] ?? 0) > 0) return items[i] as T;
      }
      // Floating-point leftovers: the last item with a positive weight.
      for (let i = items.length - 1; i >= 0; i -= 1) {
        if ((weights[i] ?? 0) > 0) return items[i] as T;
      }
      throw new RangeError('rng.weighted: unreachable');
    },
    shuffle<T>(items: readonly T[]): T[] {
      const out = items.slice();
      for (let i = out.length - 1; i > 0; i -= 1) {
        const j = int(0, i);
        const a = out[i] as T;
        out[i] = out[j] as T;
        out[j] = a;
      }
      return out;
    },
  };
}

/**
 * Draws items from a list without repeating until every item has been used once, then reshuffles.
 * Keeps generated text varied.
 */
export class Deck<T> {
  private order: T[] = [];
  constructor(
    private readonly rng: Rng,
    private readonly items: readonly T[],
  ) {
    if (items.length === 0) throw new RangeError('Deck: no items');
  }

  draw(): T {
    if (this.order.length === 0) this.order = this.rng.shuffle(this.items);
    return this.order.pop() as T;
  }
}
