import { useEffect, useState } from 'react';
import type { Draft, Person, Thread } from '@shared/domain';
import type { SearchQuery } from '@shared/text/search-terms';
import { isEmptyQuery, parseQuery } from '@shared/text/search-terms';
import type { SlowpostDb } from '../../db/database';
import { searchIndexBuilding } from '../../db/repositories/search-index-build';
import type { PeopleSearch } from '../../db/repositories/search-people';
import { findDrafts, findPeople, loadPeopleSearch } from '../../db/repositories/search-people';
import type { ConversationHit } from '../../db/repositories/search-posts';
import { searchPosts } from '../../db/repositories/search-posts';

export interface SearchResults {
  readonly query: SearchQuery;
  readonly people: readonly Person[];
  readonly drafts: readonly Draft[];
  readonly conversations: readonly ConversationHit[];
  /** The conversations' summaries (participants, subject) by id. */
  readonly threads: ReadonlyMap<string, Thread>;
  readonly authors: ReadonlyMap<string, Person>;
  /** Older posts are still being indexed: some may not be found yet. */
  readonly indexing: boolean;
}

/** What the search box finds, as the user types (an answer to older text is dropped). */
export function useSearch(
  db: SlowpostDb,
  text: string,
  includeKeptOut: boolean,
): SearchResults | null {
  const [people, setPeople] = useState<PeopleSearch | null>(null);
  const [results, setResults] = useState<SearchResults | null>(null);
  useEffect(() => {
    let live = true;
    void loadPeopleSearch(db).then((loaded) => {
      if (live) setPeople(loaded);
    });
    return () => {
      live = false;
    };
  }, [db]);
  useEffect(() => {
    const query = parseQuery(text);
    if (isEmptyQuery(query) || people === null) {
      setResults(null);
      return;
    }
    let live = true;
    void runSearch(db, people, query, includeKeptOut).then((found) => {
      if (live) setResults(found);
    });
    return () => {
      live = false;
    };
  }, [db, people, text, includeKeptOut]);
  return results;
}

async function runSearch(
  db: SlowpostDb,
  people: PeopleSearch,
  query: SearchQuery,
  includeKeptOut: boolean,
): Promise<SearchResults> {
  const [posts, drafts, indexing] = await Promise.all([
    searchPosts(db, query, includeKeptOut ? new Set() : people.keptOut),
    findDrafts(db, query),
    searchIndexBuilding(db),
  ]);
  const threadIds = [
    ...new Set([...posts.conversations.map((c) => c.threadId), ...drafts.map((d) => d.threadId)]),
  ];
  const threads = new Map<string, Thread>();
  for (const thread of await db.threads.bulkGet(threadIds)) {
    if (thread !== undefined) threads.set(thread.id, thread);
  }
  return {
    query,
    people: findPeople(people, query, includeKeptOut),
    drafts,
    conversations: posts.conversations,
    threads,
    authors: people.byId,
    indexing,
  };
}
