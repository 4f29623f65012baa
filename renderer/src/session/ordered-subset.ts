/**
 * The part of a fixed, ordered list that passes a test, kept up to date by id: when the test's
 * answer changed for a few ids, the new part is the old one with those few taken out or put back
 * in place, found by their position in the whole list — not the whole list filtered again. A part
 * that did not change is returned as the same array.
 *
 * Ids are unique in the list; an id the list does not hold is never in the part.
 */
export class OrderedSubset<T> {
  private readonly position = new Map<string, number>();

  constructor(
    readonly all: readonly T[],
    private readonly idOf: (item: T) => string,
  ) {
    all.forEach((item, index) => {
      const id = idOf(item);
      if (this.position.has(id)) throw new Error(`An ordered subset needs unique ids: ${id}`);
      this.position.set(id, index);
    });
  }

  /** Whether every id of `all` is unique (so an OrderedSubset can be made of it). */
  static canMake<T>(all: readonly T[], idOf: (item: T) => string): boolean {
    return new Set(all.map(idOf)).size === all.length;
  }

  /** Whether the whole list holds `id`. */
  includes(id: string): boolean {
    return this.position.has(id);
  }

  /** The items that pass `isIn`, in order: the whole list filtered. */
  filter(isIn: (id: string) => boolean): readonly T[] {
    return this.all.filter((item) => isIn(this.idOf(item)));
  }

  /**
   * `part` (a part of this list, in order) after the test's answer may have changed for `changed`
   * only. The same array when nothing moved in or out.
   */
  patch(
    part: readonly T[],
    changed: Iterable<string>,
    isIn: (id: string) => boolean,
  ): readonly T[] {
    let next: T[] | null = null;
    for (const id of changed) {
      const at = this.position.get(id);
      if (at === undefined) continue;
      const list: readonly T[] = next ?? part;
      const index = this.searchFrom(list, at);
      const present = index < list.length && this.idOf(list[index] as T) === id;
      const wanted = isIn(id);
      if (present === wanted) continue;
      next ??= part.slice();
      if (wanted) next.splice(index, 0, this.all[at] as T);
      else next.splice(index, 1);
    }
    return next ?? part;
  }

  /** Where `id` is in `part` (a part of this list, in order); -1 when it is not there. */
  indexOf(part: readonly T[], id: string): number {
    const at = this.position.get(id);
    if (at === undefined) return -1;
    const index = this.searchFrom(part, at);
    return index < part.length && this.idOf(part[index] as T) === id ? index : -1;
  }

  /** Whether `id` is in `part` (a part of this list, in order). */
  has(part: readonly T[], id: string): boolean {
    return this.indexOf(part, id) !== -1;
  }

  /** Where an item of the whole list stands in it (Infinity for one it does not hold). */
  positionOf(item: T): number {
    return this.position.get(this.idOf(item)) ?? Infinity;
  }

  /**
   * The ids that are in one of two parts of this list but not in the other: a walk over both
   * that compares items, not a lookup per item.
   */
  difference(a: readonly T[], b: readonly T[]): string[] {
    const out: string[] = [];
    if (a === b) return out;
    let i = 0;
    let j = 0;
    while (i < a.length || j < b.length) {
      const x = a[i];
      const y = b[j];
      if (x !== undefined && x === y) {
        i += 1;
        j += 1;
        continue;
      }
      const px = x === undefined ? Infinity : this.positionOf(x);
      const py = y === undefined ? Infinity : this.positionOf(y);
      if (px === py) {
        // The same place in the list, a different object: the list was not the same.
        throw new Error('Parts of different lists cannot be compared.');
      }
      if (px < py) {
        out.push(this.idOf(x as T));
        i += 1;
      } else {
        out.push(this.idOf(y as T));
        j += 1;
      }
    }
    return out;
  }

  /** The first index in `part` whose item comes at or after `at` in the whole list. */
  private searchFrom(part: readonly T[], at: number): number {
    let low = 0;
    let high = part.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (this.positionOf(part[middle] as T) < at) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}
