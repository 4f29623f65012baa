import type { Person, PersonLink } from '@shared/domain';
import { PersonLinkSchema } from '@shared/domain';
import { keptPersonOf, type KeptPerson } from '@shared/keep-in-touch';
import { nameOf } from '@shared/threads/thread-labels';
import type { SlowpostDb } from '../database';

/** The link a person is in, if any (a stored link that no longer parses counts as none). */
export async function linkOf(db: SlowpostDb, personId: string): Promise<PersonLink | undefined> {
  const rows = await db.personLinks.where('personIds').equals(personId).toArray();
  return rows.map((row) => PersonLinkSchema.safeParse(row)).find((r) => r.success)?.data;
}

/** The person with the notes and keep-in-touch cadence that apply to them (their link's). */
export async function withLinkedNotes(db: SlowpostDb, person: Person): Promise<Person> {
  const link = await linkOf(db, person.id);
  return link === undefined
    ? person
    : {
        ...person,
        notes: link.notes,
        keepInTouchDays: link.keepInTouchDays,
        keepInTouchSince: link.keepInTouchSince ?? null,
        keepInTouchSnoozedUntil: link.keepInTouchSnoozedUntil ?? null,
      };
}

/** The people linked with this one (not this one), in the link's order. */
export async function linkedPeople(db: SlowpostDb, personId: string): Promise<Person[]> {
  const link = await linkOf(db, personId);
  if (link === undefined) return [];
  const others = await db.people.bulkGet(link.personIds.filter((id) => id !== personId));
  return others.filter((p): p is Person => p !== undefined);
}

export type LinkOutcome = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Says `personId` and `otherId` are the same human. Either may already be linked to others (the
 * other joins that link); both in links of their own is refused (unlink one first). No link holds
 * two people of one account, nor the user themselves. The notes and cadences the people had are
 * kept: notes joined, the more frequent cadence.
 */
export async function linkPeople(
  db: SlowpostDb,
  personId: string,
  otherId: string,
  now: number,
): Promise<LinkOutcome> {
  return db.transaction('rw', [db.people, db.personLinks], async () => {
    const [person, other] = await db.people.bulkGet([personId, otherId]);
    if (person === undefined || other === undefined) {
      return { ok: false, reason: 'That person is no longer on this computer.' };
    }
    if (person.isSelf || other.isSelf) {
      return { ok: false, reason: 'Your own accounts are not linked as a person.' };
    }
    const [mine, theirs] = await Promise.all([linkOf(db, personId), linkOf(db, otherId)]);
    if (mine !== undefined && theirs !== undefined) {
      if (mine.id === theirs.id) return { ok: true };
      return {
        ok: false,
        reason: `${nameOf(other)} is already linked with someone else. Unlink them there first.`,
      };
    }
    const existing = mine ?? theirs;
    const ids = [...(existing?.personIds ?? [personId]), existing === mine ? otherId : personId];
    const members = (await db.people.bulkGet(ids)).filter((p): p is Person => p !== undefined);
    const accounts = new Set(members.map((p) => p.accountId));
    if (accounts.size !== members.length) {
      return {
        ok: false,
        reason: `${nameOf(other)} is of an account already in this link: one person per account.`,
      };
    }
    const joining = existing === undefined ? [person, other] : [existing === mine ? other : person];
    const link: PersonLink = {
      id: existing?.id ?? `${personId}+${otherId}`,
      personIds: members.map((p) => p.id),
      notes: joinNotes([existing?.notes ?? '', ...joining.map((p) => p.notes)]),
      keepInTouchDays: moreFrequent([
        existing?.keepInTouchDays ?? null,
        ...joining.map((p) => p.keepInTouchDays),
      ]),
      // Keeping in touch began when it first began for any of them; a "not this week" for one
      // of them is not carried over (the next session may show the person whole).
      keepInTouchSince: earliestSince([
        existing === undefined ? null : keptPersonOf(person, existing),
        ...joining.map((p) => keptPersonOf(p, undefined)),
      ]),
      keepInTouchSnoozedUntil: null,
      linkedAt: existing?.linkedAt ?? now,
    };
    await db.personLinks.put(link);
    // Stored once, on the link: the people's own copies are emptied while it lasts.
    await Promise.all(
      joining.map((p) =>
        db.people.update(p.id, {
          notes: '',
          keepInTouchDays: null,
          keepInTouchSince: null,
          keepInTouchSnoozedUntil: null,
        }),
      ),
    );
    return { ok: true };
  });
}

/**
 * Takes a person out of their link: they keep a copy of the link's notes and cadence. A link left
 * with one person ends, and that person keeps a copy too.
 */
export async function unlinkPerson(db: SlowpostDb, personId: string): Promise<void> {
  await db.transaction('rw', [db.people, db.personLinks], async () => {
    const link = await linkOf(db, personId);
    if (link !== undefined) await leaveLink(db, link, [personId]);
  });
}

/**
 * Takes people out of their links as their account goes away; called inside a transaction that
 * holds `people` and `personLinks`.
 */
export async function dropFromLinks(db: SlowpostDb, personIds: readonly string[]): Promise<void> {
  const links = await db.personLinks
    .where('personIds')
    .anyOf([...personIds])
    .toArray();
  const byId = new Map(links.map((l) => [l.id, l]));
  const leaving = new Set(personIds);
  for (const link of byId.values()) {
    await leaveLink(
      db,
      link,
      link.personIds.filter((id) => leaving.has(id)),
    );
  }
}

async function leaveLink(
  db: SlowpostDb,
  link: PersonLink,
  leaving: readonly string[],
): Promise<void> {
  const copy = {
    notes: link.notes,
    keepInTouchDays: link.keepInTouchDays,
    keepInTouchSince:
      link.keepInTouchDays === null ? null : (link.keepInTouchSince ?? link.linkedAt),
    keepInTouchSnoozedUntil: link.keepInTouchSnoozedUntil ?? null,
  };
  const staying = link.personIds.filter((id) => !leaving.includes(id));
  const released = staying.length < 2 ? link.personIds : leaving;
  await Promise.all(released.map((id) => db.people.update(id, copy)));
  if (staying.length < 2) await db.personLinks.delete(link.id);
  else await db.personLinks.put({ ...link, personIds: staying });
}

/** Writes the user's notes for a person: on their link when they have one. False: nobody there. */
export async function writeNotes(
  db: SlowpostDb,
  personId: string,
  notes: string,
): Promise<boolean> {
  return db.transaction('rw', [db.people, db.personLinks], async () => {
    const link = await linkOf(db, personId);
    if (link !== undefined) {
      await db.personLinks.update(link.id, { notes });
      return true;
    }
    return (await db.people.update(personId, { notes })) > 0;
  });
}

/**
 * Sets how often the user wants to be in touch with a person (days, or null to stop): on their
 * link if any. Keeping in touch begins `now` when it was off (a change of cadence keeps when it
 * began); stopping forgets when it began and any "not this week".
 */
export async function writeKeepInTouch(
  db: SlowpostDb,
  personId: string,
  keepInTouchDays: number | null,
  now: number,
): Promise<void> {
  await db.transaction('rw', [db.people, db.personLinks], async () => {
    const link = await linkOf(db, personId);
    const before = link ?? (await db.people.get(personId));
    if (before === undefined) return;
    const changes =
      keepInTouchDays === null
        ? { keepInTouchDays, keepInTouchSince: null, keepInTouchSnoozedUntil: null }
        : before.keepInTouchDays === null
          ? { keepInTouchDays, keepInTouchSince: now, keepInTouchSnoozedUntil: null }
          : { keepInTouchDays };
    if (link !== undefined) await db.personLinks.update(link.id, changes);
    else await db.people.update(personId, changes);
  });
}

/** "Not this week": no keep-in-touch nudge about a person (their link, if any) before `until`. */
export async function snoozeKeepInTouch(
  db: SlowpostDb,
  personId: string,
  until: number,
): Promise<void> {
  await db.transaction('rw', [db.people, db.personLinks], async () => {
    const link = await linkOf(db, personId);
    if (link !== undefined) {
      await db.personLinks.update(link.id, { keepInTouchSnoozedUntil: until });
    } else await db.people.update(personId, { keepInTouchSnoozedUntil: until });
  });
}

/**
 * People the user may link this person with: of other accounts than theirs (and their link's),
 * not the user, whose name or handle contains `query` (any case); by name, at most `limit`.
 */
export async function linkCandidates(
  db: SlowpostDb,
  person: Person,
  query: string,
  limit = 20,
): Promise<Person[]> {
  const link = await linkOf(db, person.id);
  const taken = new Set([person.accountId]);
  for (const member of await db.people.bulkGet(link?.personIds ?? [])) {
    if (member !== undefined) taken.add(member.accountId);
  }
  const needle = query.trim().toLowerCase();
  const found = await db.people
    .filter(
      (p) =>
        !p.isSelf &&
        !taken.has(p.accountId) &&
        (needle === '' ||
          p.displayName.toLowerCase().includes(needle) ||
          p.handle.toLowerCase().includes(needle)),
    )
    .toArray();
  return found.sort((a, b) => nameOf(a).localeCompare(nameOf(b))).slice(0, limit);
}

function joinNotes(notes: readonly string[]): string {
  const kept: string[] = [];
  for (const note of notes) {
    const trimmed = note.trim();
    if (trimmed !== '' && !kept.includes(trimmed)) kept.push(trimmed);
  }
  return kept.join('\n\n');
}

function earliestSince(kept: readonly (KeptPerson | null)[]): number | null {
  const set = kept.flatMap((k) => (k === null ? [] : [k.since]));
  return set.length === 0 ? null : Math.min(...set);
}

function moreFrequent(days: readonly (number | null)[]): number | null {
  const set = days.filter((d): d is number => d !== null);
  return set.length === 0 ? null : Math.min(...set);
}
