import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT, batch, mention, person, post } from '../../../tests/fixtures/records';
import { SlowpostDatabase } from '../db/database';
import { makeDelivery } from '../db/repositories/deliveries';
import { ingestBatch } from '../db/repositories/ingest';
import { memoryStorage } from '../testing/memory-storage';
import {
  TRIAGE_WRITE_AHEAD_KEY,
  createTriageWriteAhead,
  storeKeptTriage,
} from './triage-write-ahead';

const T = 1_700_000_000_000;
let db: SlowpostDatabase;
let n = 0;

beforeEach(async () => {
  db = new SlowpostDatabase(`triage-write-ahead-${++n}`);
  await db.accounts.add(ACCOUNT);
  await ingestBatch(
    db,
    'acct',
    batch({
      people: [person('mira', 'Mira'), person('tom', 'Tom')],
      posts: [post('1', 'mira', T, null), post('2', 'tom', T, null)],
      activity: [mention('a', 'mira', '1', '1', T), mention('b', 'tom', '2', '2', T)],
    }),
    T + 1,
  );
  await makeDelivery(db, { kind: 'scheduled', slot: T + 2, now: T + 2 });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('triage not yet stored when the page goes', () => {
  it('is kept as the page goes, and the next open stores it and forgets it', async () => {
    const storage = memoryStorage();
    const page = createTriageWriteAhead(() => storage);
    page.pending('acct|1', { triage: 'done', triagedAt: T + 10 });
    page.pending('acct|2', { triage: 'later', triagedAt: T + 11 });
    page.keep();

    expect(await storeKeptTriage(db, storage)).toBe(2);
    expect(await db.threads.get('acct|1')).toMatchObject({ triage: 'done', triagedAt: T + 10 });
    expect(await db.threads.get('acct|2')).toMatchObject({ triage: 'later', triagedAt: T + 11 });
    expect(storage.items.has(TRIAGE_WRITE_AHEAD_KEY)).toBe(false);
    // Opening again changes nothing more.
    expect(await storeKeptTriage(db, storage)).toBe(0);
  });

  it('keeps nothing once the triage is stored, and an undo pending after it wins', async () => {
    const storage = memoryStorage();
    const page = createTriageWriteAhead(() => storage);
    const done = { triage: 'done' as const, triagedAt: T + 10 };
    page.pending('acct|1', done);
    page.stored('acct|1', done);
    page.keep();
    expect(storage.items.size).toBe(0);

    // Done, then undone before the first write finished: the undo is what is kept.
    const undo = { triage: 'open' as const, triagedAt: null };
    page.pending('acct|2', done);
    page.pending('acct|2', undo);
    page.stored('acct|2', done);
    page.keep();
    await storeKeptTriage(db, storage);
    expect(await db.threads.get('acct|2')).toMatchObject({ triage: 'open', triagedAt: null });
  });

  it('passes over a conversation no longer stored', async () => {
    const storage = memoryStorage();
    const page = createTriageWriteAhead(() => storage);
    page.pending('acct|gone', { triage: 'done', triagedAt: T });
    page.pending('acct|1', { triage: 'muted', triagedAt: T });
    page.keep();
    expect(await storeKeptTriage(db, storage)).toBe(1);
    expect(await db.threads.get('acct|gone')).toBeUndefined();
    expect(await db.threads.get('acct|1')).toMatchObject({ triage: 'muted' });
  });

  it('drops what it cannot read, says why, and leaves the store as it was', async () => {
    const storage = memoryStorage({
      [TRIAGE_WRITE_AHEAD_KEY]: JSON.stringify([{ threadId: 'acct|1', triage: 'archived' }]),
    });
    const reports: string[] = [];
    expect(await storeKeptTriage(db, storage, (m) => reports.push(m))).toBe(0);
    expect(reports.join('\n')).toMatch(/could not be read.*triage/s);
    expect(await db.threads.get('acct|1')).toMatchObject({ triage: 'open', triagedAt: null });
    expect(storage.items.has(TRIAGE_WRITE_AHEAD_KEY)).toBe(false);
  });

  it('storage that refuses is reported and never throws into the page going away', () => {
    const reports: string[] = [];
    const page = createTriageWriteAhead(
      () => ({
        getItem: () => null,
        removeItem: () => undefined,
        setItem: () => {
          throw new Error('QuotaExceededError');
        },
      }),
      (m) => reports.push(m),
    );
    page.pending('acct|1', { triage: 'done', triagedAt: T });
    expect(() => page.keep()).not.toThrow();
    expect(reports).toEqual([expect.stringContaining('QuotaExceededError')]);
  });
});
