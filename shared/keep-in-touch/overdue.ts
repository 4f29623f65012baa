import type { KeptPerson } from './kept-person';
import type { LastContact } from './last-contact';

export const DAY_MS = 86_400_000;

/** At most this many people in a session's nudge. */
export const NUDGE_LIMIT = 3;

/**
 * When the user meant to be in touch again: the cadence after the last contact or, with none on
 * this computer, after keeping in touch began. A changed cadence counts from the same instants
 * (a shorter one can make someone due at once; a longer one puts them off).
 */
export function dueAt(kept: KeptPerson, last: LastContact | null): number {
  return (last?.at ?? kept.since) + kept.cadenceDays * DAY_MS;
}

/** "Not this week" holds until its instant (exclusive): from then on they may be nudged again. */
export function isSnoozed(kept: KeptPerson, now: number): boolean {
  return kept.snoozedUntil !== null && now < kept.snoozedUntil;
}

/** Overdue: past the instant they were due, and not snoozed. */
export function isOverdue(kept: KeptPerson, last: LastContact | null, now: number): boolean {
  return dueAt(kept, last) < now && !isSnoozed(kept, now);
}

export interface KeptWithContact {
  readonly kept: KeptPerson;
  readonly last: LastContact | null;
}

/**
 * Who a session's nudge shows at `now`: the overdue, at most `NUDGE_LIMIT`, most overdue first
 * (the longest past their due instant — in time, whatever their cadence; the same instant: by
 * key, so the order never flickers).
 */
export function nudgeAt<T extends KeptWithContact>(candidates: readonly T[], now: number): T[] {
  return candidates
    .filter((c) => isOverdue(c.kept, c.last, now))
    .map((c) => ({ c, due: dueAt(c.kept, c.last) }))
    .sort((a, b) => a.due - b.due || (a.c.kept.key < b.c.kept.key ? -1 : 1))
    .slice(0, NUDGE_LIMIT)
    .map(({ c }) => c);
}
