import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ActivityBatch,
  Connector,
  ConnectorFailure,
  PeoplePage,
} from '@shared/connectors/connector';
import { ConnectorError } from '@shared/connectors/connector';
import { MASTODON_DEFAULT_CAPABILITIES } from '@shared/domain';
import { ACCOUNT, batch, mention, person, post, rawBatch } from '../../../tests/fixtures/records';
import { SlowpostDatabase } from '../db/database';
import { PageNotStoredError } from '../db/repositories/ingest-page';
import { defaultDraftFields, readDraft, saveDraft } from '../db/repositories/replies';
import { readSyncLogs } from '../db/repositories/sync-log';
import { refuseWrites } from '../testing/refusing-store';
import { syncAccount } from './sync-account';

const T = 1_700_000_100_000;

/**
 * A connector that serves pages it was given, by the cursor asked for, and remembers which
 * cursors it was asked for (a page served again would show here).
 */
class ScriptedConnector implements Connector {
  readonly network = 'mastodon' as const;
  readonly account = ACCOUNT;
  readonly capabilities = MASTODON_DEFAULT_CAPABILITIES;
  readonly asked: (string | null)[] = [];
  failure: ConnectorFailure | null = null;
  constructor(private readonly pages: ReadonlyMap<string | null, ActivityBatch>) {}
  fetchActivitySince(cursor: string | null): Promise<ActivityBatch> {
    this.asked.push(cursor);
    if (this.failure !== null) return Promise.reject(new ConnectorError(this.failure));
    return Promise.resolve(this.pages.get(cursor) ?? batch({ nextCursor: cursor }));
  }
  fetchThread(): never {
    throw new Error('not scripted');
  }
  markSeen(): Promise<void> {
    return Promise.resolve();
  }
  fetchFollowing(): Promise<PeoplePage> {
    return Promise.resolve({ people: [], nextCursor: null, problems: [] });
  }
  sendReply(): never {
    throw new Error('not scripted');
  }
  findSentReply(): never {
    throw new Error('not scripted');
  }
}

let db: SlowpostDatabase;
let name = 0;
const logged: string[] = [];
const sync = (connector: Connector, at: number) =>
  syncAccount(
    db,
    connector,
    () => at,
    (line) => logged.push(line),
  );

async function openStore(refusal?: Parameters<typeof refuseWrites>[1]): Promise<void> {
  db = new SlowpostDatabase(`sync-account-${++name}`);
  if (refusal !== undefined) refuseWrites(db, refusal);
  await db.accounts.add(ACCOUNT);
}
beforeEach(() => {
  logged.length = 0;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const cursorNow = async () => (await db.accounts.get('acct'))?.syncCursor;
const skippedNow = async () => (await readSyncLogs(db))[0]?.skipped ?? [];

describe('syncAccount: one bad item never stalls a sync', () => {
  it('stores the good items, records the bad ones with reasons, moves on, and the next sync goes on', async () => {
    await openStore();
    const { id: _noId, ...postWithoutId } = post('2', 'mira', T, null);
    const first = rawBatch({
      people: [person('mira', 'Mira'), { ...person('tom', 'Tom'), handle: 7 }],
      posts: [
        { ...post('1', 'mira', T, null), language: 'en_US' },
        postWithoutId,
        { ...post('3', 'mira', T, null), contentHtml: { html: '<p>hi</p>' } },
        { ...post('4', 'mira', T, null), language: 'english', contentHtml: '<p>Four</p>' },
        { ...post('4', 'mira', T, null), language: 'english', contentHtml: '<p>Four, edited</p>' },
      ],
      activity: [
        mention('a', 'mira', '1', '1', T),
        mention('a', 'mira', '1', '1', T), // the same notification twice
        mention('b', 'mira', '2', '2', T), // its post has no id
        mention('c', 'mira', '3', '3', T), // its post's text is not a string
        mention('d', 'tom', '4', '4', T), // its author is malformed
        mention('e', 'mira', '4', '4', T),
      ],
      nextCursor: 'c1',
    });
    const second = batch({
      posts: [post('5', 'mira', T + 50, null)],
      activity: [mention('f', 'mira', '5', '5', T + 50)],
      nextCursor: 'c2',
    });
    const connector = new ScriptedConnector(
      new Map([
        [null, first],
        ['c1', second],
      ]),
    );

    const summary = await sync(connector, T + 1000);
    expect(summary).toMatchObject({ pages: 1, newActivity: 2, problems: 6 });
    expect(await cursorNow()).toBe('c1');
    expect((await db.posts.toArray()).map((p) => [p.id, p.language, p.contentHtml])).toEqual([
      ['acct|1', 'en-US', '<p>Post 1 about the <b>garden</b></p>'],
      ['acct|4', null, '<p>Four, edited</p>'],
    ]);
    expect((await db.people.toArray()).map((p) => p.id)).toEqual(['acct|mira']);
    expect((await db.activity.toArray()).map((a) => a.id)).toEqual(['acct|na', 'acct|ne']);

    const skipped = await skippedNow();
    expect(skipped.map((s) => s.itemId)).toEqual([
      'acct|nd',
      'acct|nc',
      'acct|nb',
      'acct|3',
      'acct|2',
      'acct|tom',
    ]);
    expect(skipped.every((s) => s.at === T + 1000)).toBe(true);
    const reasons = new Map(skipped.map((s) => [s.itemId, s.reason]));
    expect(reasons.get('acct|tom')).toMatch(/^Invalid person: handle: /);
    expect(reasons.get('acct|2')).toMatch(/^Invalid post: id: /);
    expect(reasons.get('acct|3')).toMatch(/^Invalid post: contentHtml: /);
    expect(reasons.get('acct|nb')).toMatch(/^Its post acct\|2 was skipped\. Invalid post: id: /);
    expect(reasons.get('acct|nd')).toMatch(/^Its author acct\|tom was skipped\./);
    expect(logged).toHaveLength(6);
    expect((await readSyncLogs(db))[0]).toMatchObject({
      lastSucceededAt: T + 1000,
      lastFailure: null,
    });

    // The next sync asks for the next page, not the same one again, and stores it.
    await sync(connector, T + 2000);
    expect(connector.asked).toEqual([null, 'c1']);
    expect(await cursorNow()).toBe('c2');
    expect(await db.posts.get('acct|5')).toBeDefined();
    expect(await db.activity.get('acct|nf')).toBeDefined();
    expect(await skippedNow()).toHaveLength(6);
  });

  it('a draft answering a post with an odd language tag saves', async () => {
    await openStore();
    const tagged = rawBatch({
      people: [person('mira', 'Mira')],
      posts: [{ ...post('1', 'mira', T, null), language: 'pt_br' }],
    });
    await sync(new ScriptedConnector(new Map([[null, tagged]])), T);
    const answering = await db.posts.get('acct|1');
    if (answering === undefined) throw new Error('the post was not stored');
    const fields = { ...defaultDraftFields(answering), text: 'Obrigada!' };
    await saveDraft(db, answering, fields, T + 5);
    expect(await readDraft(db, 'acct|1')).toMatchObject({ language: 'pt-BR', text: 'Obrigada!' });
  });
});

describe('syncAccount: a record the store refuses', () => {
  const tenPosts = batch({
    people: [person('mira', 'Mira')],
    posts: Array.from({ length: 10 }, (_v, i) => post(String(i), 'mira', T + i, null)),
    activity: Array.from({ length: 10 }, (_v, i) =>
      mention(`m${i}`, 'mira', String(i), String(i), T + i),
    ),
    nextCursor: 'c1',
  });

  it('is skipped after storing the page in halves; the rest is stored and the cursor moves on', async () => {
    await openStore((table, value) =>
      table === 'posts' && (value as { id: string }).id === 'acct|7' ? 'ConstraintError' : null,
    );
    const summary = await sync(new ScriptedConnector(new Map([[null, tenPosts]])), T + 1000);
    expect(summary).toMatchObject({ newActivity: 10, problems: 1 });
    expect(await db.posts.count()).toBe(9);
    expect(await db.posts.get('acct|7')).toBeUndefined();
    expect(await db.activity.count()).toBe(10);
    expect(await cursorNow()).toBe('c1');
    const skipped = await skippedNow();
    expect(skipped.map((s) => s.itemId)).toEqual(['acct|7']);
    expect(skipped[0]?.reason).toMatch(/^This computer's store refused it \(ConstraintError/);
  });

  it('is skipped even when it is the whole page', async () => {
    await openStore((table) => (table === 'posts' ? 'ConstraintError' : null));
    const one = batch({ posts: [post('1', 'mira', T, null)], nextCursor: 'c1' });
    await sync(new ScriptedConnector(new Map([[null, one]])), T);
    expect(await cursorNow()).toBe('c1');
    expect((await skippedNow()).map((s) => s.itemId)).toEqual(['acct|1']);
  });
});

describe('syncAccount: when the database itself fails', () => {
  const page = batch({
    people: [person('mira', 'Mira')],
    posts: [post('1', 'mira', T, null), post('2', 'mira', T, null)],
    activity: [mention('a', 'mira', '1', '1', T)],
    nextCursor: 'c1',
  });
  const PAGE_TABLES = new Set(['people', 'posts', 'activity', 'threads', 'accounts', 'syncLog']);

  for (const error of ['QuotaExceededError', 'UnknownError']) {
    it(`(${error} on every write) nothing is skipped, the cursor stays, and the next sync tries the page again`, async () => {
      let failing = false;
      await openStore((table) => (failing && PAGE_TABLES.has(table) ? error : null));
      failing = true;
      const connector = new ScriptedConnector(new Map([[null, page]]));

      await expect(sync(connector, T)).rejects.toThrow(PageNotStoredError);
      expect(await cursorNow()).toBeNull();
      expect(await db.posts.count()).toBe(0);
      expect(await skippedNow()).toEqual([]);
      expect((await readSyncLogs(db))[0]?.lastFailure).toEqual({
        at: T,
        reason: expect.stringContaining(`could not save what arrived (${error}`) as unknown,
      });

      failing = false;
      await sync(connector, T + 60_000);
      expect(connector.asked).toEqual([null, null]);
      expect(await cursorNow()).toBe('c1');
      expect(await db.posts.count()).toBe(2);
      expect((await readSyncLogs(db))[0]).toMatchObject({
        lastSucceededAt: T + 60_000,
        lastFailure: null,
      });
    });
  }

  it('(closed under the sync) the cursor stays', async () => {
    await openStore();
    const connector = new ScriptedConnector(new Map([[null, page]]));
    connector.fetchActivitySince = async (cursor) => {
      db.close();
      return Promise.resolve(page).finally(() => void cursor);
    };
    await expect(sync(connector, T)).rejects.toThrow(PageNotStoredError);
    await db.open();
    expect(await cursorNow()).toBeNull();
  });
});

describe('syncAccount: a failed sync is kept for the user to see', () => {
  it('says why in words, keeps when it last succeeded, and clears once one succeeds', async () => {
    await openStore();
    const connector = new ScriptedConnector(new Map([[null, batch({ nextCursor: 'c1' })]]));
    await sync(connector, T);
    connector.failure = { kind: 'offline', message: 'offline' };
    await expect(sync(connector, T + 10)).rejects.toThrow(ConnectorError);
    expect((await readSyncLogs(db))[0]).toMatchObject({
      lastSucceededAt: T,
      lastFailure: { at: T + 10, reason: 'This computer was offline.' },
    });
    connector.failure = null;
    await sync(connector, T + 20);
    expect((await readSyncLogs(db))[0]).toMatchObject({
      lastSucceededAt: T + 20,
      lastFailure: null,
    });
  });

  it('refuses a page whose cursor cannot be read, and says so', async () => {
    await openStore();
    const unreadable = rawBatch({ nextCursor: 42 as unknown as string });
    await expect(sync(new ScriptedConnector(new Map([[null, unreadable]])), T)).rejects.toThrow(
      ConnectorError,
    );
    expect((await readSyncLogs(db))[0]?.lastFailure?.reason).toMatch(
      /^The server sent something Slowpost could not read: Invalid page of activity: nextCursor: /,
    );
  });
});
