import { parseQuery } from '@shared/text/search-terms';
import { SlowpostDatabase } from '../../../renderer/src/db/database';
import {
  findDrafts,
  findPeople,
  loadPeopleSearch,
} from '../../../renderer/src/db/repositories/search-people';
import { searchPosts } from '../../../renderer/src/db/repositories/search-posts';

// The search bench: what one keystroke in the search box costs (posts, people and drafts, as the
// search screen runs them), on the bench page's store.

/** Common words, two words, rare words, a Japanese and a Chinese word, an accented one, prefixes. */
export const SEARCH_QUERIES = [
  'garden',
  'coffee morning ',
  'zeppelin',
  'marmalade garden ',
  '会議',
  '图书',
  'zurich',
  'sourd',
  'ga',
] as const;

export interface SearchFigures {
  readonly queries: number;
  readonly p50Ms: number;
  readonly p95Ms: number;
  /** Per query: its median time and the conversations it found. */
  readonly perQuery: Record<string, { medianMs: number; conversations: number }>;
  /** Reading everyone once, when search opens. */
  readonly openMs: number;
  /** The slowest queries timed, slowest first: what the p95 is made of. */
  readonly slowest: readonly { query: string; ms: number }[];
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function searchBench(rounds: number): Promise<SearchFigures> {
  const db = new SlowpostDatabase();
  await db.open();
  const t0 = performance.now();
  const people = await loadPeopleSearch(db);
  const openMs = performance.now() - t0;
  const all: number[] = [];
  const samples: { query: string; ms: number }[] = [];
  const perQuery: Record<string, { medianMs: number; conversations: number }> = {};
  const times = new Map<string, number[]>(SEARCH_QUERIES.map((q) => [q, []]));
  let found = new Map<string, number>();
  for (let round = 0; round < rounds + 1; round++) {
    for (const text of SEARCH_QUERIES) {
      const query = parseQuery(text);
      const start = performance.now();
      const [posts] = await Promise.all([
        searchPosts(db, query, people.keptOut),
        findDrafts(db, query),
      ]);
      findPeople(people, query, false);
      const ms = performance.now() - start;
      // The first round warms up.
      if (round > 0) {
        all.push(ms);
        samples.push({ query: text, ms });
        times.get(text)?.push(ms);
      }
      found = found.set(text, posts.conversations.length);
    }
  }
  for (const [text, list] of times) {
    perQuery[text] = { medianMs: percentile(list, 50), conversations: found.get(text) ?? 0 };
  }
  db.close();
  return {
    queries: all.length,
    p50Ms: percentile(all, 50),
    p95Ms: percentile(all, 95),
    perQuery,
    openMs,
    slowest: samples.sort((a, b) => b.ms - a.ms).slice(0, Math.ceil(samples.length * 0.05) + 1),
  };
}

declare global {
  interface Window {
    slowpostBenchSearch: { searchBench: typeof searchBench };
  }
}

window.slowpostBenchSearch = { searchBench };
