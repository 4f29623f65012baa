import { describe, expect, it } from 'vitest';
import { createRng, Deck, hashHex64, hashString, mulberry32 } from './prng';

describe('mulberry32', () => {
  it('gives the same sequence for the same seed and floats in [0, 1)', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const first = Array.from({ length: 1000 }, () => a());
    expect(Array.from({ length: 1000 }, () => b())).toEqual(first);
    for (const x of first) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
    expect(new Set(first).size).toBeGreaterThan(990);
  });

  it('gives different sequences for different seeds', () => {
    const a = mulberry32(1);
    const b = mulberry32(2);
    expect(Array.from({ length: 5 }, () => a())).not.toEqual(Array.from({ length: 5 }, () => b()));
  });
});

describe('createRng', () => {
  it('draws integers within the bounds, reaching both ends', () => {
    const rng = createRng(7);
    const seen = new Set<number>();
    for (let i = 0; i < 2000; i += 1) {
      const n = rng.int(3, 9);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(9);
      seen.add(n);
    }
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(() => rng.int(5, 4)).toThrow(RangeError);
  });

  it('shuffles into a permutation and refuses to pick from nothing', () => {
    const rng = createRng(11);
    const items = Array.from({ length: 50 }, (_, i) => i);
    const shuffled = rng.shuffle(items);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(() => rng.pick([])).toThrow(RangeError);
  });

  it('never picks an item with zero weight', () => {
    const rng = createRng(3);
    for (let i = 0; i < 500; i += 1) {
      expect(rng.weighted(['a', 'b', 'c'], (x) => (x === 'b' ? 0 : 1))).not.toBe('b');
    }
    expect(() => rng.weighted(['a'], () => 0)).toThrow(RangeError);
  });
});

describe('Deck', () => {
  it('uses every item once before repeating any', () => {
    const deck = new Deck(createRng(5), ['a', 'b', 'c', 'd']);
    const firstRound = [deck.draw(), deck.draw(), deck.draw(), deck.draw()];
    expect([...firstRound].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(['a', 'b', 'c', 'd']).toContain(deck.draw());
  });
});

describe('hashString', () => {
  it('is stable and spreads nearby strings apart', () => {
    expect(hashString('slowpost')).toBe(hashString('slowpost'));
    expect(hashString('key-1')).not.toBe(hashString('key-2'));
    expect(hashHex64('key-1')).toMatch(/^[0-9a-f]{16}$/);
    expect(hashHex64('key-1')).not.toBe(hashHex64('key-2'));
  });
});
