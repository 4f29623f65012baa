import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OrderedSubset } from './ordered-subset';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];
const items = IDS.map((id) => ({ id }));
const subset = new OrderedSubset(items, (item) => item.id);
const ids = (part: readonly { id: string }[]) => part.map((item) => item.id);

const membersArb = fc.subarray(IDS);

describe('an ordered subset, kept by id', () => {
  it('patched for the ids whose answer changed, is the whole list filtered again', () => {
    fc.assert(
      fc.property(membersArb, membersArb, fc.subarray(IDS), (before, after, extra) => {
        const was = new Set(before);
        const is = new Set(after);
        const part = subset.filter((id) => was.has(id));
        // The ids whose answer changed, with some that did not, in any order.
        const changed = [...IDS.filter((id) => was.has(id) !== is.has(id)), ...extra].reverse();
        const patched = subset.patch(part, changed, (id) => is.has(id));
        expect(ids(patched)).toEqual(ids(subset.filter((id) => is.has(id))));
        if (ids(patched).join() === ids(part).join()) expect(patched).toBe(part);
        expect(subset.difference(part, patched).sort()).toEqual(
          IDS.filter((id) => was.has(id) !== is.has(id)),
        );
        for (const id of [...IDS, 'unknown']) {
          expect(subset.has(patched, id)).toBe(is.has(id));
          expect(subset.indexOf(patched, id)).toBe(ids(patched).indexOf(id));
        }
      }),
    );
  });

  it('leaves out ids the list does not hold, and refuses a list with an id twice', () => {
    expect(ids(subset.patch([], ['zzz', 'c'], () => true))).toEqual(['c']);
    expect(OrderedSubset.canMake([{ id: 'a' }, { id: 'a' }], (item) => item.id)).toBe(false);
    expect(() => new OrderedSubset([{ id: 'a' }, { id: 'a' }], (item) => item.id)).toThrow();
  });
});
