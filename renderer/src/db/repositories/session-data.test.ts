import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, batch, mention, person, post } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { closeOpenDeliveries, makeDelivery } from './deliveries';
import { ingestBatch } from './ingest';
import { recordsByRange } from './records-by-range';
import { loadOpenSessionState, loadThreads } from './session-state';
import { setScreening, setThreadTriage } from './triage-actions';
import { loadSessionData } from './session-data';

let db: SlowpostDatabase;
let n = 0;
const T = 1_700_000_000_000;
const H = 3_600_000;

beforeEach(async () => {
  db = new SlowpostDatabase(`session-data-${++n}`);
  await db.accounts.add(ACCOUNT);
  await ingestBatch(
    db,
    'acct',
    batch({
      people: [person('1', 'Me', true), person('mira', 'Mira'), person('tom', 'Tom')],
    }),
    T,
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Reads by id only: what the session must hold, however it is read. */
async function byId(ids: readonly string[]) {
  return (await db.posts.bulkGet([...ids])).filter((p) => p !== undefined);
}

describe('the session data', () => {
  it('holds every post its activity refers to, whenever the post arrived', async () => {
    // An old post arrives long before anyone mentions the user in it…
    await ingestBatch(db, 'acct', batch({ posts: [post('old', 'tom', T, null)] }), T + 1 * H);
    // …and a post that arrives in the same span as the delivery, but no activity refers to it.
    await ingestBatch(
      db,
      'acct',
      batch({
        posts: [post('new', 'mira', T + 2 * H, null), post('aside', 'tom', T + 2 * H, null)],
        activity: [
          mention('1', 'mira', 'new', 'new', T + 2 * H),
          mention('2', 'tom', 'old', 'old', T + 2 * H),
        ],
      }),
      T + 3 * H,
    );
    await ingestBatch(
      db,
      'acct',
      batch({
        posts: [post('later', 'mira', T + 4 * H, null)],
        activity: [mention('3', 'mira', 'later', 'later', T + 4 * H)],
      }),
      T + 4 * H,
    );
    await makeDelivery(db, { kind: 'scheduled', slot: T + 5 * H, now: T + 5 * H });

    const data = await loadSessionData(db);
    const postIds = ['acct|new', 'acct|old', 'acct|later'];
    expect(data.activity.map((a) => a.postId)).toEqual(postIds);
    expect(data.posts).toEqual(await byId(postIds));
    expect(data.people.map((p) => p.id)).toEqual(['acct|mira', 'acct|tom', 'acct|1']);
    expect(data.threadIds).toEqual(postIds);
    expect(data.threadsActiveSince).toBe(T);
  });

  it('reads only the open deliveries (and what they bring back, here nothing)', async () => {
    await ingestBatch(
      db,
      'acct',
      batch({
        posts: [post('a', 'mira', T + H, null)],
        activity: [mention('1', 'mira', 'a', 'a', T + H)],
      }),
      T + H,
    );
    await makeDelivery(db, { kind: 'scheduled', slot: T + 2 * H, now: T + 2 * H });
    // The user lets Mira in and is done with her message: nothing is left for next time.
    await setScreening(db, 'acct|mira', 'let-in');
    await setThreadTriage(db, 'acct|a', 'done', T + 2 * H + 1);
    await closeOpenDeliveries(db, T + 2 * H + 2);
    await ingestBatch(
      db,
      'acct',
      batch({
        posts: [post('b', 'tom', T + 3 * H, null)],
        activity: [mention('2', 'tom', 'b', 'b', T + 3 * H)],
      }),
      T + 3 * H,
    );
    await makeDelivery(db, { kind: 'scheduled', slot: T + 4 * H, now: T + 4 * H });
    const data = await loadSessionData(db);
    expect(data.posts.map((p) => p.id)).toEqual(['acct|b']);
    expect(data.people.map((p) => p.id)).toEqual(['acct|tom', 'acct|1']);
    expect(data.since).toBe(T + 4 * H);
  });
});

describe('the session threads', () => {
  beforeEach(async () => {
    await ingestBatch(
      db,
      'acct',
      batch({
        posts: [post('a', 'mira', T, null), post('b', 'tom', T + 2 * H, null)],
        activity: [mention('1', 'mira', 'a', 'a', T), mention('2', 'tom', 'b', 'b', T + 2 * H)],
      }),
      T + 2 * H,
    );
    await makeDelivery(db, { kind: 'scheduled', slot: T + 3 * H, now: T + 3 * H });
  });

  it('are the same whether or not most come from one range of activity', async () => {
    const ids = ['acct|b', 'acct|a', 'acct|missing'];
    const plain = await loadThreads(db, ids);
    expect(plain.map((t) => t.id)).toEqual(['acct|b', 'acct|a']);
    // A range that holds only some of them (or none) changes nothing.
    expect(await loadThreads(db, ids, T + H)).toEqual(plain);
    expect(await loadThreads(db, ids, T + 9 * H)).toEqual(plain);
    expect(await loadThreads(db, ids, 0)).toEqual(plain);
  });

  it('come with the session state, which needs no other read first', async () => {
    await setThreadTriage(db, 'acct|a', 'done', T + 4 * H);
    const state = await loadOpenSessionState(db);
    expect(state?.since).toBe(T + 3 * H);
    expect(state?.triagedSince.map((t) => t.id)).toEqual(['acct|a']);
    expect(state?.repliesWritten).toBe(0);
    await closeOpenDeliveries(db, T + 5 * H);
    expect(await loadOpenSessionState(db)).toBeNull();
  });
});

describe('records by range', () => {
  const record = (id: string) => ({ id, value: id.toUpperCase() });

  it('returns the records asked for, in order, from the range and by id', async () => {
    const askedById: string[][] = [];
    const found = await recordsByRange(
      ['c', 'a', 'x', 'b'],
      () => Promise.resolve([record('a'), record('b'), record('z')]),
      (ids) => {
        askedById.push(ids);
        return Promise.resolve(ids.map((id) => (id === 'x' ? undefined : record(id))));
      },
    );
    expect(found).toEqual([record('c'), record('a'), record('b')]);
    expect(askedById).toEqual([['c', 'x']]);
  });

  it('reads by id alone without a range, and reads nothing for no ids', async () => {
    let reads = 0;
    const byIds = (ids: string[]) => {
      reads += 1;
      return Promise.resolve(ids.map(record));
    };
    expect(await recordsByRange(['b', 'a'], null, byIds)).toEqual([record('b'), record('a')]);
    expect(await recordsByRange([], () => Promise.reject(new Error('no')), byIds)).toEqual([]);
    expect(reads).toBe(1);
  });
});
