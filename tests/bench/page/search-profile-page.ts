import { parseQuery } from '@shared/text/search-terms';
import { AFTER, OTHERS, invertInstant } from '@shared/search/post-search-row';
import { SlowpostDatabase } from '../../../renderer/src/db/database';
import {
  findDrafts,
  findPeople,
  loadPeopleSearch,
} from '../../../renderer/src/db/repositories/search-people';
import { searchPosts } from '../../../renderer/src/db/repositories/search-posts';
import { releasedUpTo } from '../../../renderer/src/db/repositories/released';
import { SEARCH_QUERIES } from './search-page';

// For `tests/bench/profile-search.ts`: where one search keystroke's time goes, on the bench
// page's store (the whole query per kind, then the store's primitives it is made of).

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? NaN;
}

async function time(rounds: number, run: () => Promise<unknown>): Promise<number> {
  await run();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const t0 = performance.now();
    await run();
    times.push(performance.now() - t0);
  }
  return median(times);
}

function rawRows(idb: IDBDatabase, range: IDBKeyRange, count: number): Promise<unknown[]> {
  return new Promise((resolve, reject) => {
    const req = idb
      .transaction('searchPosts', 'readonly')
      .objectStore('searchPosts')
      .index('keys')
      .getAll(range, count);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(String(req.error)));
  });
}

function rawKeys(idb: IDBDatabase, range: IDBKeyRange, count: number): Promise<IDBValidKey[]> {
  return new Promise((resolve, reject) => {
    const req = idb
      .transaction('searchPosts', 'readonly')
      .objectStore('searchPosts')
      .index('keys')
      .getAllKeys(range, count);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(new Error(String(req.error)));
  });
}

async function searchProfile(rounds: number): Promise<Record<string, number | string>> {
  const db = new SlowpostDatabase();
  await db.open();
  const out: Record<string, number | string> = {};
  const people = await loadPeopleSearch(db);
  const upTo = await releasedUpTo(db);
  const released = invertInstant(upTo);
  for (const text of SEARCH_QUERIES) {
    const query = parseQuery(text);
    out[`query ${JSON.stringify(text)}: searchPosts`] = await time(rounds, () =>
      searchPosts(db, query, people.keptOut),
    );
  }
  const query = parseQuery('garden');
  out['findDrafts'] = await time(rounds, () => findDrafts(db, query));
  out['findPeople'] = await time(rounds, () => Promise.resolve(findPeople(people, query, false)));
  out['releasedUpTo'] = await time(rounds, () => releasedUpTo(db));
  const range = (n: number) =>
    db.searchPosts
      .where('keys')
      .between(`garden${OTHERS}${released}`, `garden${OTHERS}${AFTER}`, true, true)
      .limit(n)
      .primaryKeys();
  for (const n of [240, 2000]) {
    out[`dexie primaryKeys ${n}`] = await time(rounds, () => range(n));
    out[`raw getAllKeys ${n}`] = await time(rounds, () =>
      rawKeys(
        db.backendDB(),
        IDBKeyRange.bound(`garden${OTHERS}${released}`, `garden${OTHERS}${AFTER}`),
        n,
      ),
    );
  }
  for (const n of [60, 240, 1000]) {
    out[`raw index getAll rows ${n}`] = await time(rounds, () =>
      rawRows(
        db.backendDB(),
        IDBKeyRange.bound(`garden${OTHERS}${released}`, `garden${OTHERS}${AFTER}`),
        n,
      ),
    );
  }
  out['getAllRecords'] = String('getAllRecords' in IDBIndex.prototype);
  out['userAgent'] = navigator.userAgent;
  const ids = await range(240);
  out['dexie bulkGet 240 index rows'] = await time(rounds, () => db.searchPosts.bulkGet(ids));
  out['dexie bulkGet 240 posts'] = await time(rounds, () => db.posts.bulkGet(ids));
  out['dexie bulkGet 40 posts'] = await time(rounds, () => db.posts.bulkGet(ids.slice(0, 40)));
  const row = await db.searchPosts.get(ids[0] as string);
  out['index row keys'] = row?.keys.length ?? 0;
  out['index row sample key'] = row?.keys[0] ?? '';
  out['index rows'] = await db.searchPosts.count();
  db.close();
  return out;
}

declare global {
  interface Window {
    slowpostSearchProfile: { searchProfile: typeof searchProfile };
  }
}

window.slowpostSearchProfile = { searchProfile };
