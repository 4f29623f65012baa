import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { removeAccountData } from './accounts';
import {
  SKIPPED_KEPT_PER_ACCOUNT,
  readSyncLogs,
  recordSkipped,
  recordSyncFailed,
  recordSyncSucceeded,
} from './sync-log';

let db: SlowpostDatabase;
let name = 0;
const OTHER = { ...ACCOUNT, id: 'other', addedAt: ACCOUNT.addedAt + 1 };

beforeEach(async () => {
  db = new SlowpostDatabase(`sync-log-${++name}`);
  await db.accounts.bulkAdd([OTHER, ACCOUNT]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const problems = (from: number, count: number) =>
  Array.from({ length: count }, (_v, i) => ({ itemId: `item-${from + i}`, message: 'unreadable' }));

describe('the sync log', () => {
  it('keeps the newest skipped items per account, and drops older ones', async () => {
    await recordSkipped(db, 'other', problems(0, 3), 1);
    await recordSkipped(db, 'acct', problems(0, 150), 2);
    await recordSkipped(db, 'acct', problems(150, 100), 3);
    const [mine, other] = await readSyncLogs(db);
    expect(mine?.skipped).toHaveLength(SKIPPED_KEPT_PER_ACCOUNT);
    expect(mine?.skipped[0]).toMatchObject({ itemId: 'item-249', at: 3 });
    expect(mine?.skipped.at(-1)).toMatchObject({ itemId: 'item-50', at: 2 });
    expect(other?.skipped.map((s) => s.itemId)).toEqual(['item-2', 'item-1', 'item-0']);
  });

  it('lists every account, oldest first, with when it last synced and the latest failure', async () => {
    await recordSyncSucceeded(db, 'acct', 100);
    await recordSyncFailed(db, 'acct', 200, 'This computer was offline.');
    await recordSyncFailed(db, 'other', 300, 'The server took too long to answer.');
    expect(await readSyncLogs(db)).toEqual([
      {
        account: ACCOUNT,
        lastSucceededAt: 100,
        lastFailure: { at: 200, reason: 'This computer was offline.' },
        skipped: [],
      },
      {
        account: OTHER,
        lastSucceededAt: null,
        lastFailure: { at: 300, reason: 'The server took too long to answer.' },
        skipped: [],
      },
    ]);
  });

  it('falls back to when a page was last stored for accounts synced before the log existed', async () => {
    await db.accounts.update('acct', { lastSyncedAt: 42 });
    expect((await readSyncLogs(db))[0]).toMatchObject({ lastSucceededAt: 42, lastFailure: null });
  });

  it('leaves out entries it cannot read', async () => {
    await recordSkipped(db, 'acct', problems(0, 1), 1);
    await db.syncLog.add({ accountId: 'acct', at: -5, itemId: null, reason: 'x' });
    expect((await readSyncLogs(db))[0]?.skipped.map((s) => s.itemId)).toEqual(['item-0']);
  });

  it('is forgotten with its account', async () => {
    await recordSkipped(db, 'acct', problems(0, 2), 1);
    await recordSyncSucceeded(db, 'acct', 1);
    await recordSkipped(db, 'other', problems(0, 1), 1);
    await removeAccountData(db, 'acct');
    expect(await db.syncLog.where('accountId').equals('acct').count()).toBe(0);
    expect(await db.syncStatus.get('acct')).toBeUndefined();
    expect(await db.syncLog.count()).toBe(1);
  });
});
