import type { Person, PersonLink } from '@shared/domain';
import { localId, PersonLinkSchema } from '@shared/domain';
import {
  dueAt,
  keptPersonOf,
  lastContactWith,
  nudgeAt,
  type KeptPerson,
  type LastContact,
  type OutboxContact,
} from '@shared/keep-in-touch';
import { nameOf, snippetOf } from '@shared/threads/thread-labels';
import type { SlowpostDb } from '../database';
import { releasedUpTo } from './released';

/** One human the user keeps in touch with, as the nudge and the list show them. */
export interface KeptInTouch {
  readonly kept: KeptPerson;
  readonly last: LastContact | null;
  readonly dueAt: number;
  /** The person shown (and written to): the one last in touch with, else the first of them. */
  readonly person: Person;
  /**
   * The last shared conversation's first line (a new conversation's own, while it is in the
   * outbox), or null with no contact.
   */
  readonly about: string | null;
}

/**
 * Everyone the user keeps in touch with, each with their last contact, soonest due first. Reads
 * by index only: the people with a cadence (schema version 12), the links (few), the outbox's
 * new conversations (written to someone first), and for each of them their own posts, the
 * conversations those are in and the outbox entries there — never all posts.
 */
export async function keptInTouch(db: SlowpostDb): Promise<KeptInTouch[]> {
  return db.transaction(
    'r',
    [db.accounts, db.people, db.personLinks, db.posts, db.threads, db.outbox, db.deliveries],
    async () => {
      const [withCadence, linkRows, accounts, upTo] = await Promise.all([
        db.people.where('keepInTouchDays').above(0).toArray(),
        db.personLinks.toArray(),
        db.accounts.toArray(),
        releasedUpTo(db),
      ]);
      const links = linkRows.flatMap((row) => {
        const parsed = PersonLinkSchema.safeParse(row);
        return parsed.success ? [parsed.data] : [];
      });
      const linkOfPerson = new Map<string, PersonLink>();
      for (const link of links) for (const id of link.personIds) linkOfPerson.set(id, link);
      const humans = new Map<string, KeptPerson>();
      for (const person of withCadence) {
        const kept = keptPersonOf(person, linkOfPerson.get(person.id));
        if (kept !== null) humans.set(kept.key, kept);
      }
      for (const link of links) {
        if (link.keepInTouchDays === null || humans.has(link.id)) continue;
        const first = await db.people.get(link.personIds[0] ?? '');
        const kept = first === undefined ? null : keptPersonOf(first, link);
        if (kept !== null) humans.set(kept.key, kept);
      }
      const selfIds = new Set(accounts.map((a) => localId(a.id, a.networkUserId)));
      // New conversations (no thread until sent) are found by whom they are written to.
      const outboxRows: readonly OutboxContact[] = await db.outbox
        .where('state')
        .anyOf(['waiting', 'sending', 'sent'])
        .toArray();
      const writtenTo = outboxRows.filter((e) => e.threadId === null && e.addressee != null);
      const result: KeptInTouch[] = [];
      for (const kept of humans.values()) {
        const entry = await withLastContact(db, kept, selfIds, upTo, writtenTo);
        if (entry !== null) result.push(entry);
      }
      return result.sort((a, b) => a.dueAt - b.dueAt || (a.kept.key < b.kept.key ? -1 : 1));
    },
  );
}

/**
 * Who a session's nudge shows at `now` (at most three, most overdue first). `only`: of these
 * humans only (by key) — a session keeps to those it showed when it opened.
 */
export async function keepInTouchNudge(
  db: SlowpostDb,
  now: number,
  only?: ReadonlySet<string>,
): Promise<KeptInTouch[]> {
  const all = await keptInTouch(db);
  return nudgeAt(only === undefined ? all : all.filter((e) => only.has(e.kept.key)), now);
}

async function withLastContact(
  db: SlowpostDb,
  kept: KeptPerson,
  selfIds: ReadonlySet<string>,
  upTo: number,
  writtenTo: readonly OutboxContact[],
): Promise<KeptInTouch | null> {
  const people = (await db.people.bulkGet([...kept.personIds])).filter(
    (p): p is Person => p !== undefined,
  );
  const first = people[0];
  if (first === undefined) return null;
  // Their posts say which conversations they are in; those conversations hold the rest.
  const theirs = await db.posts
    .where('authorId')
    .anyOf([...kept.personIds])
    .toArray();
  const threadIds = [...new Set(theirs.map((p) => p.threadId))];
  const [posts, outbox] = await Promise.all([
    db.posts.where('threadId').anyOf(threadIds).toArray(),
    db.outbox.where('threadId').anyOf(threadIds).toArray(),
  ]);
  const last = lastContactWith(kept.personIds, {
    posts,
    outbox: [...outbox, ...writtenTo],
    selfIds,
    releasedUpTo: upTo,
  });
  const person = people.find((p) => p.id === last?.personId) ?? first;
  const thread = last?.threadId == null ? undefined : await db.threads.get(last.threadId);
  return {
    kept,
    last,
    dueAt: dueAt(kept, last),
    person,
    about: last === null ? null : (thread?.subject ?? snippetOf(last.text ?? '', 140)) || null,
  };
}

/** The name a kept human goes by. */
export function keptName(entry: KeptInTouch): string {
  return nameOf(entry.person);
}
