import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ActivityBatch, Connector } from '@shared/connectors/connector';
import type { RequestTimer } from '@shared/connectors/deadline';
import { MASTODON_DEFAULT_CAPABILITIES, type Account } from '@shared/domain';
import { ACCOUNT, batch, mention, person, post } from '../../../tests/fixtures/records';
import { SlowpostDatabase } from '../db/database';
import { readSyncLogs } from '../db/repositories/sync-log';
import { syncAll } from './sync-all';

const T = 1_700_000_100_000;
const SLOW: Account = { ...ACCOUNT, id: 'slow', handle: '@me@slow.example' };

/** Serves one page; or, for the slow account, never answers (until its signal aborts it). */
function connectorFor(account: Account, page: ActivityBatch): Connector {
  return {
    network: account.network,
    account,
    capabilities: MASTODON_DEFAULT_CAPABILITIES,
    fetchActivitySince: (_cursor, options) =>
      account.id === SLOW.id
        ? new Promise<ActivityBatch>((_resolve, reject) =>
            options?.signal?.addEventListener('abort', () => reject(new Error('aborted'))),
          )
        : Promise.resolve(page),
    fetchThread: () => Promise.reject(new Error('not used')),
    sendReply: () => Promise.reject(new Error('not used')),
    findSentReply: () => Promise.reject(new Error('not used')),
    markSeen: () => Promise.reject(new Error('not used')),
    fetchFollowing: () => Promise.reject(new Error('not used')),
  };
}

let db: SlowpostDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlowpostDatabase(`sync-all-${++n}`);
  await db.accounts.bulkAdd([ACCOUNT, SLOW]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('syncing every account', () => {
  it('a server that never answers holds up only its own account, and fails it at the deadline', async () => {
    let expire!: () => void;
    const deadline = new Promise<void>((resolve) => (expire = resolve));
    const timer: RequestTimer = () => ({ elapsed: deadline, cancel: () => undefined });
    let aborted = false;
    const page = batch({
      people: [person('mira', 'Mira')],
      posts: [post('1', 'mira', T, null)],
      activity: [mention('a', 'mira', '1', '1', T)],
      nextCursor: 'c1',
    });
    const syncing = syncAll(
      db,
      () => T + 1_000,
      () => undefined,
      (account) => {
        const connector = connectorFor(account, page);
        if (account.id !== SLOW.id) return connector;
        return {
          ...connector,
          fetchActivitySince: (cursor, options) => {
            options?.signal?.addEventListener('abort', () => (aborted = true));
            return connector.fetchActivitySince(cursor, options);
          },
        };
      },
      { timer },
    );
    // The healthy account is stored while the other one still waits for its server.
    await expect.poll(async () => (await db.accounts.get(ACCOUNT.id))?.syncCursor).toBe('c1');
    expect(await db.activity.count()).toBe(1);

    expire();
    expect(await syncing).toEqual({ newActivity: 1, problems: 1 });
    expect(aborted).toBe(true);
    const slow = (await readSyncLogs(db)).find((l) => l.account.id === SLOW.id);
    expect(slow?.lastFailure?.reason).toBe('The server took too long to answer.');
    expect((await db.accounts.get(SLOW.id))?.syncCursor).toBeNull();
  });
});
