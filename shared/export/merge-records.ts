import type {
  Draft,
  OutboxEntry,
  Person,
  PersonLink,
  SessionTime,
  SettingRecord,
  Thread,
} from '../domain';

/**
 * How an imported record meets the one already stored under its key. Each answers the record to
 * store, or null when the stored one stays exactly as it is (so importing a file a second time
 * changes nothing). Nothing stored is ever lost:
 * - what the networks sent (accounts, posts, activity, deliveries…): the stored copy stays;
 * - the user's notes: both kept (the imported ones after the stored ones, once);
 * - screening and keep-in-touch: the user's stored choice stays; an imported one fills a blank;
 * - triage, drafts and settings: the later decision wins (triagedAt, updatedAt).
 */
export function keepStored<T>(stored: T | undefined, incoming: T): T | null {
  return stored === undefined ? incoming : null;
}

/** The user's notes from both copies, each once: the imported ones follow the stored ones. */
export function combineNotes(stored: string, incoming: string): string {
  const theirs = incoming.trim();
  if (theirs === '' || stored.includes(theirs)) return stored;
  if (stored.trim() === '') return incoming;
  return `${stored.trimEnd()}\n\n${theirs}`;
}

export function mergePersonRecord(stored: Person | undefined, incoming: Person): Person | null {
  if (stored === undefined) return incoming;
  const merged: Person = {
    ...stored,
    notes: combineNotes(stored.notes, incoming.notes),
    screening: stored.screening === 'unknown' ? incoming.screening : stored.screening,
    ...keepInTouchOf(stored, incoming),
  };
  return unchanged(stored, merged) ? null : merged;
}

export function mergePersonLinkRecord(
  stored: PersonLink | undefined,
  incoming: PersonLink,
): PersonLink | null {
  if (stored === undefined) return incoming;
  const merged: PersonLink = {
    ...stored,
    notes: combineNotes(stored.notes, incoming.notes),
    ...keepInTouchOf(stored, incoming),
  };
  return unchanged(stored, merged) ? null : merged;
}

type KeepInTouch = Pick<Person, 'keepInTouchDays' | 'keepInTouchSince' | 'keepInTouchSnoozedUntil'>;

/** Keeping in touch: the stored cadence stays, with its start and snooze; else the imported one. */
function keepInTouchOf(stored: KeepInTouch, incoming: KeepInTouch): Partial<KeepInTouch> {
  if (stored.keepInTouchDays !== null || incoming.keepInTouchDays === null) return {};
  const taken: Partial<KeepInTouch> = { keepInTouchDays: incoming.keepInTouchDays };
  if (incoming.keepInTouchSince !== undefined) taken.keepInTouchSince = incoming.keepInTouchSince;
  if (incoming.keepInTouchSnoozedUntil !== undefined) {
    taken.keepInTouchSnoozedUntil = incoming.keepInTouchSnoozedUntil;
  }
  return taken;
}

/** The thread as stored (its summary is made from the stored posts); triage decided later wins. */
export function mergeThreadRecord(stored: Thread | undefined, incoming: Thread): Thread | null {
  if (stored === undefined) return incoming;
  const later = (incoming.triagedAt ?? -Infinity) > (stored.triagedAt ?? -Infinity);
  return later ? { ...stored, triage: incoming.triage, triagedAt: incoming.triagedAt } : null;
}

/** Drafts and settings: the one changed last wins. */
export function mergeByUpdatedAt<T extends Draft | SettingRecord>(
  stored: T | undefined,
  incoming: T,
): T | null {
  if (stored === undefined) return incoming;
  return incoming.updatedAt > stored.updatedAt ? incoming : null;
}

/** Outbox entries still on their way when the file was made. */
export const OPEN_OUTBOX_STATES: ReadonlySet<OutboxEntry['state']> = new Set([
  'waiting',
  'sending',
  'needs-attention',
]);

export const IMPORTED_OPEN_NOTE =
  'Imported from an export: the copy of Slowpost that made it may have sent it since. Slowpost asks the network before it goes out, and it waits for you.';

/**
 * An outbox entry already stored (same id, or same idempotency key) stays as it is. One the store
 * has not seen is added; if it was still on its way when the file was made, the copy that made the
 * file may have sent it since: it comes in waiting for the user, with the check the outbox makes
 * after an unknown outcome (is it on the network already?), never sent by the import itself.
 */
export function mergeOutboxRecord(
  stored: OutboxEntry | undefined,
  incoming: OutboxEntry,
): OutboxEntry | null {
  if (stored !== undefined) return null;
  if (!OPEN_OUTBOX_STATES.has(incoming.state)) return incoming;
  return {
    ...incoming,
    state: 'needs-attention',
    outcomeUnknown: true,
    firstAttemptAt: incoming.firstAttemptAt ?? incoming.createdAt,
    lastError: IMPORTED_OPEN_NOTE,
  };
}

function unchanged<T extends object>(a: T, b: T): boolean {
  return (Object.keys(a) as (keyof T)[]).every((key) => Object.is(a[key], b[key]));
}

/** A session's time on screen: the copy that counted longer (it went on after the other). */
export function mergeSessionTimeRecord(
  stored: SessionTime | undefined,
  incoming: SessionTime,
): SessionTime | null {
  if (stored === undefined) return incoming;
  return incoming.activeMs > stored.activeMs ? incoming : null;
}
