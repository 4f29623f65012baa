import type { Draft, Person } from '@shared/domain';
import { PersonLinkSchema } from '@shared/domain';
import type { SearchQuery } from '@shared/text/search-terms';
import { matchesAll, searchTerms } from '@shared/text/search-terms';
import type { SlowpostDb } from '../database';
import { isReleased, releasedUpTo } from './released';

interface PersonEntry {
  /** With the notes that apply to them (their link's, when they have one). */
  readonly person: Person;
  readonly terms: readonly string[];
}

/** Everyone the user knows, with the words they are found by: read once when search opens. */
export interface PeopleSearch {
  readonly entries: readonly PersonEntry[];
  /** The people the screener keeps out: their posts are found only when the user asks. */
  readonly keptOut: ReadonlySet<string>;
  readonly byId: ReadonlyMap<string, Person>;
}

export async function loadPeopleSearch(db: SlowpostDb): Promise<PeopleSearch> {
  const [people, links] = await Promise.all([db.people.toArray(), db.personLinks.toArray()]);
  const linkNotes = new Map<string, string>();
  for (const row of links) {
    const link = PersonLinkSchema.safeParse(row);
    if (link.success) for (const id of link.data.personIds) linkNotes.set(id, link.data.notes);
  }
  const entries = people
    .filter((p) => !p.isSelf)
    .map((stored) => {
      const person = { ...stored, notes: linkNotes.get(stored.id) ?? stored.notes };
      return {
        person,
        terms: searchTerms(`${person.displayName}\n${person.handle}\n${person.notes}`),
      };
    });
  return {
    entries,
    keptOut: new Set(people.filter((p) => p.screening === 'kept-out').map((p) => p.id)),
    byId: new Map(people.map((p) => [p.id, p])),
  };
}

/** People found by their name, handle or the user's notes; kept-out ones only when asked. */
export function findPeople(
  search: PeopleSearch,
  query: SearchQuery,
  includeKeptOut: boolean,
  limit = 8,
): Person[] {
  const found: Person[] = [];
  for (const entry of search.entries) {
    if (!includeKeptOut && entry.person.screening === 'kept-out') continue;
    if (!matchesAll(entry.terms, query)) continue;
    found.push(entry.person);
    if (found.length >= limit) break;
  }
  return found;
}

/** The user's drafts with every word of the query, the latest first. */
export async function findDrafts(db: SlowpostDb, query: SearchQuery, limit = 8): Promise<Draft[]> {
  const drafts = await db.drafts.orderBy('updatedAt').reverse().toArray();
  return drafts
    .filter((d) => matchesAll(searchTerms(`${d.text}\n${d.contentWarning ?? ''}`), query))
    .slice(0, limit);
}

/** The newest released conversation a person wrote in, if any. */
export async function latestConversationOf(
  db: SlowpostDb,
  personId: string,
): Promise<string | null> {
  const [posts, upTo] = await Promise.all([
    db.posts.where('authorId').equals(personId).toArray(),
    releasedUpTo(db),
  ]);
  const newest = posts
    .filter((p) => isReleased(p, upTo))
    .reduce<(typeof posts)[number] | null>(
      (best, p) => (best === null || p.createdAt > best.createdAt ? p : best),
      null,
    );
  return newest?.threadId ?? null;
}
