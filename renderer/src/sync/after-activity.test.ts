import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ActivityBatch,
  Connector,
  IncomingPerson,
  PeoplePage,
} from '@shared/connectors/connector';
import { ConnectorError } from '@shared/connectors/connector';
import { MASTODON_DEFAULT_CAPABILITIES, type NetworkCapabilities } from '@shared/domain';
import { ACCOUNT, batch, mention, person, post } from '../../../tests/fixtures/records';
import { SlowpostDatabase } from '../db/database';
import { closeOpenDeliveries, makeDelivery } from '../db/repositories/deliveries';
import { setScreening } from '../db/repositories/triage-actions';
import { readSyncLogs } from '../db/repositories/sync-log';
import { FOLLOWING_READ_EVERY_MS } from './let-in-followed';
import { syncAccount } from './sync-account';

const T = 1_700_000_100_000;
const SMALL_SERVER: NetworkCapabilities = {
  ...MASTODON_DEFAULT_CAPABILITIES,
  postLimit: { graphemes: 280, charactersPerUrl: 23, bytes: null },
};

/** A network with pages of activity, people the user follows, and a read position. */
class FakeNetwork implements Connector {
  readonly network = 'mastodon' as const;
  readonly account = ACCOUNT;
  capabilities: NetworkCapabilities = MASTODON_DEFAULT_CAPABILITIES;
  page: ActivityBatch = batch({});
  following: IncomingPerson[][] = [];
  followingAsked = 0;
  seen: string[] = [];
  failure: ConnectorError | null = null;
  seenFailure: ConnectorError | null = null;

  fetchActivitySince(): Promise<ActivityBatch> {
    if (this.failure !== null) return Promise.reject(this.failure);
    this.capabilities = SMALL_SERVER; // read from the server along the way
    return Promise.resolve(this.page);
  }
  fetchFollowing(cursor: string | null): Promise<PeoplePage> {
    this.followingAsked += 1;
    const index = cursor === null ? 0 : Number(cursor);
    return Promise.resolve({
      people: this.following[index] ?? [],
      nextCursor: index + 1 < this.following.length ? String(index + 1) : null,
      problems: [],
    });
  }
  markSeen(activityNetworkId: string): Promise<void> {
    if (this.seenFailure !== null) return Promise.reject(this.seenFailure);
    this.seen.push(activityNetworkId);
    return Promise.resolve();
  }
  fetchThread(): never {
    throw new Error('not used');
  }
  sendReply(): never {
    throw new Error('not used');
  }
  findSentReply(): never {
    throw new Error('not used');
  }
}

let db: SlowpostDatabase;
let n = 0;
const logged: string[] = [];
const sync = (network: FakeNetwork, at: number) =>
  syncAccount(
    db,
    network,
    () => at,
    (line) => logged.push(line),
  );
const screeningOf = async (networkId: string) =>
  (await db.people.get(`acct|${networkId}`))?.screening;

beforeEach(async () => {
  logged.length = 0;
  db = new SlowpostDatabase(`after-activity-${++n}`);
  await db.accounts.add(ACCOUNT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the people the user follows pass the screener', () => {
  it('lets in whoever is undecided, keeps people who have not written yet, and never overrides the user', async () => {
    const network = new FakeNetwork();
    network.page = batch({
      people: [person('mira', 'Mira'), person('tom', 'Tom'), person('ana', 'Ana')],
      posts: [post('1', 'mira', T, null), post('2', 'tom', T, null), post('3', 'ana', T, null)],
      activity: [mention('a', 'mira', '1', '1', T), mention('b', 'tom', '2', '2', T)],
      nextCursor: 'c1',
    });
    await sync(network, T); // the user follows nobody yet
    expect(await screeningOf('mira')).toBe('unknown');
    // The user keeps Tom out; Ana is a stranger the user does not follow.
    await setScreening(db, 'acct|tom', 'kept-out');

    network.following = [
      [person('mira', 'Mira'), person('tom', 'Tom')],
      [person('zoe', 'Zoe'), person('1', 'Me', true)],
    ];
    await sync(network, T + FOLLOWING_READ_EVERY_MS);
    expect(await screeningOf('tom')).toBe('kept-out');
    expect(await screeningOf('ana')).toBe('unknown');
    expect(await screeningOf('zoe')).toBe('let-in'); // stored before she ever writes
    expect(await screeningOf('1')).toBeUndefined(); // the user's own account is not a person to screen
  });

  it('reads them again once a day, not at every sync', async () => {
    const network = new FakeNetwork();
    network.following = [[person('mira', 'Mira')]];
    await sync(network, T);
    await sync(network, T + 60_000);
    expect(network.followingAsked).toBe(1);
    await sync(network, T + FOLLOWING_READ_EVERY_MS);
    expect(network.followingAsked).toBe(2);
    expect((await db.accounts.get('acct'))?.followingReadAt).toBe(T + FOLLOWING_READ_EVERY_MS);
  });
});

describe('what the server says about the account', () => {
  it('keeps what a reply may do there, from the sync', async () => {
    await sync(new FakeNetwork(), T);
    expect((await db.accounts.get('acct'))?.capabilities).toEqual(SMALL_SERVER);
  });

  it('a refused sign-in marks the account until the server accepts it again', async () => {
    const network = new FakeNetwork();
    network.failure = new ConnectorError({ kind: 'auth', message: 'The access token was revoked' });
    await expect(sync(network, T)).rejects.toThrow(ConnectorError);
    expect((await db.accounts.get('acct'))?.signInProblem).toBe('The access token was revoked');
    expect((await readSyncLogs(db))[0]?.lastFailure?.reason).toBe(
      "The server did not accept this account's sign-in: The access token was revoked",
    );

    network.failure = null; // signed in again
    await sync(network, T + 10);
    expect((await db.accounts.get('acct'))?.signInProblem).toBeNull();
  });
});

describe('the read position, when a session is done', () => {
  async function deliverAndClose(network: FakeNetwork): Promise<void> {
    network.page = batch({
      people: [person('mira', 'Mira')],
      posts: [post('1', 'mira', T, null), post('2', 'mira', T + 5, null)],
      activity: [mention('a', 'mira', '1', '1', T + 5), mention('b', 'mira', '2', '2', T)],
      nextCursor: 'c1',
    });
    await sync(network, T + 100);
    await makeDelivery(db, { kind: 'early', slot: T + 200, now: T + 200 });
    await closeOpenDeliveries(db, T + 300);
  }

  it('tells the network the newest activity the session showed, once', async () => {
    const network = new FakeNetwork();
    await deliverAndClose(network);
    expect((await db.accounts.get('acct'))?.seenUpTo).toEqual({
      networkId: 'na',
      createdAt: T + 5,
    });

    network.page = batch({ nextCursor: 'c1' });
    await sync(network, T + 400);
    await sync(network, T + 500);
    expect(network.seen).toEqual(['na']);
    expect((await db.accounts.get('acct'))?.seenToldUpTo).toBe('na');
  });

  it('a server that cannot be told is logged, not an error, and is told at a later sync', async () => {
    const network = new FakeNetwork();
    await deliverAndClose(network);
    network.page = batch({ nextCursor: 'c1' });
    network.seenFailure = new ConnectorError({ kind: 'server', message: 'oops', status: 503 });
    await sync(network, T + 400);
    expect(logged.some((line) => /was not told what was seen/.test(line))).toBe(true);
    expect((await readSyncLogs(db))[0]?.lastFailure).toBeNull();

    network.seenFailure = null;
    await sync(network, T + 500);
    expect(network.seen).toEqual(['na']);
  });
});
