import { describe, expect, it } from 'vitest';
import {
  ConnectorError,
  type ActivityBatch,
  type Connector,
  type OutgoingReply,
  type PeoplePage,
} from '../connectors/connector';
import { AccountSchema, PostSchema } from '../domain';
import {
  DEMO_ACCOUNT_ID,
  DEMO_FIRST_TIME_SENDER_ID,
  DEMO_SELF_PERSON_ID,
  DEMO_SPAM_PERSON_IDS,
  DEMO_XSS_POST_ID,
} from './constants';
import { createDemoConnector } from './demo-connector';
import { DAY, generateDemoNetwork, HOUR } from './generate';

const ANCHOR = Date.UTC(2025, 4, 14, 7, 30);
const network = generateDemoNetwork(ANCHOR);
const postsById = new Map(network.posts.map((p) => [p.id, p]));

/** A demo connector with a clock the test moves by hand. */
function setup(pageSize?: number) {
  const clock = { now: ANCHOR };
  const connector = createDemoConnector({
    anchor: ANCHOR,
    clock: () => clock.now,
    ...(pageSize === undefined ? {} : { pageSize }),
  });
  return { clock, connector };
}

/** Calls `fetchActivitySince` until `hasMore` is false; returns the pages and the last cursor. */
async function drain(connector: Connector, cursor: string | null) {
  const pages: ActivityBatch[] = [];
  let current = cursor;
  for (let guard = 0; guard < 1000; guard += 1) {
    const page = await connector.fetchActivitySince(current);
    pages.push(page);
    current = page.nextCursor;
    if (!page.hasMore) return { pages, cursor: current };
  }
  throw new Error('fetchActivitySince never stopped');
}

function expectConnectorError(error: unknown, kind: string): void {
  expect(error).toBeInstanceOf(ConnectorError);
  expect((error as ConnectorError).failure.kind).toBe(kind);
}

function reply(inReplyToPostId: string, text: string): OutgoingReply {
  const parent = postsById.get(inReplyToPostId);
  return {
    accountId: DEMO_ACCOUNT_ID,
    threadId: parent?.threadId ?? inReplyToPostId,
    inReplyToPostId,
    text,
    visibility: 'public',
    contentWarning: null,
    language: 'en',
  };
}

describe('demo connector: account', () => {
  it('speaks for the demo account', () => {
    const { connector } = setup();
    expect(connector.network).toBe('demo');
    expect(AccountSchema.parse(connector.account)).toEqual(connector.account);
    expect(connector.account).toMatchObject({ id: DEMO_ACCOUNT_ID, isDemo: true, addedAt: ANCHOR });
  });
});

describe('demo connector: fetchActivitySince', () => {
  it('returns every item up to the clock exactly once, oldest first, in pages', async () => {
    const { connector } = setup();
    const { pages } = await drain(connector, null);
    const expected = network.activity.filter((a) => a.createdAt <= ANCHOR);
    expect(pages.length).toBe(Math.ceil(expected.length / 200));
    for (const page of pages) expect(page.activity.length).toBeLessThanOrEqual(200);
    const got = pages.flatMap((p) => p.activity);
    expect(got.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect(new Set(got.map((a) => a.id)).size).toBe(got.length);
    expect(pages.slice(0, -1).every((p) => p.hasMore)).toBe(true);
  });

  it('carries the people and complete threads each page refers to, as of the clock', async () => {
    const { connector } = setup(37);
    const { pages } = await drain(connector, null);
    for (const page of pages) {
      const people = new Set(page.people.map((p) => p.id));
      const posts = new Map(page.posts.map((p) => [p.id, p]));
      for (const item of page.activity) {
        expect(people.has(item.actorId), item.id).toBe(true);
        if (item.postId !== null) expect(posts.has(item.postId), item.id).toBe(true);
        if (item.subjectPostId !== null) expect(posts.has(item.subjectPostId), item.id).toBe(true);
      }
      for (const post of page.posts) {
        expect(post.createdAt).toBeLessThanOrEqual(ANCHOR);
        expect(people.has(post.authorId)).toBe(true);
        expect(posts.has(post.threadId), `root of ${post.id}`).toBe(true);
        if (post.parent !== null)
          expect(posts.has(post.parent.id), `parent of ${post.id}`).toBe(true);
      }
      expect(page.problems).toEqual([]);
    }
    // The user's own replies come along with the threads they are in.
    const xssPage = pages.find((p) => p.activity.some((a) => a.postId === DEMO_XSS_POST_ID));
    const xssThread = postsById.get(DEMO_XSS_POST_ID)?.threadId;
    const ownInThread = network.posts.filter((p) => p.threadId === xssThread && p.isOwn);
    expect(ownInThread.length).toBeGreaterThanOrEqual(2);
    for (const own of ownInThread) expect(xssPage?.posts.map((p) => p.id)).toContain(own.id);
  });

  it('returns nothing new until the clock moves, then only the new items', async () => {
    const { clock, connector } = setup();
    const first = await drain(connector, null);
    const again = await connector.fetchActivitySince(first.cursor);
    expect(again.activity).toEqual([]);
    expect(again.hasMore).toBe(false);
    expect(again.nextCursor).toBe(first.cursor);

    clock.now = ANCHOR + 6 * HOUR;
    const later = await drain(connector, first.cursor);
    const got = later.pages.flatMap((p) => p.activity);
    const expected = network.activity.filter(
      (a) => a.createdAt > ANCHOR && a.createdAt <= ANCHOR + 6 * HOUR,
    );
    expect(expected.length).toBeGreaterThan(5);
    expect(got.map((a) => a.id)).toEqual(expected.map((a) => a.id));
    expect((await connector.fetchActivitySince(later.cursor)).activity).toEqual([]);
  });

  it('delivers the whole simulated future exactly once as the clock advances in steps', async () => {
    const { clock, connector } = setup(25);
    let cursor: string | null = null;
    const seen: string[] = [];
    const steps = [0, 1, 2.5, 3, 7, 7.01, 12, 24, 30, 47, 48, 60, 72, 80];
    for (const hours of steps) {
      clock.now = ANCHOR + Math.round(hours * HOUR);
      const result = await drain(connector, cursor);
      for (const page of result.pages) {
        for (const item of page.activity) expect(item.createdAt).toBeLessThanOrEqual(clock.now);
        seen.push(...page.activity.map((a) => a.id));
      }
      cursor = result.cursor;
    }
    expect(seen).toEqual(network.activity.map((a) => a.id));
  });

  it('returns an empty first page before anything has happened', async () => {
    const { clock, connector } = setup();
    clock.now = ANCHOR - 10 * DAY;
    const page = await connector.fetchActivitySince(null);
    expect(page).toMatchObject({
      activity: [],
      posts: [],
      people: [],
      nextCursor: null,
      hasMore: false,
    });
  });

  it('rejects a cursor it did not make', async () => {
    const { connector } = setup();
    const error = await connector.fetchActivitySince('max_id=12345').catch((e: unknown) => e);
    expectConnectorError(error, 'malformed');
  });
});

describe('demo connector: fetchThread', () => {
  it('returns the whole thread of a post, as it stands at the clock', async () => {
    const { clock, connector } = setup();
    const snapshot = await connector.fetchThread(DEMO_XSS_POST_ID);
    const threadId = postsById.get(DEMO_XSS_POST_ID)?.threadId;
    const expected = network.posts.filter((p) => p.threadId === threadId && p.createdAt <= ANCHOR);
    expect(snapshot.posts.map((p) => p.id)).toEqual(expected.map((p) => p.id));
    expect(snapshot.people.map((p) => p.id)).toContain(DEMO_SELF_PERSON_ID);
    for (const post of snapshot.posts) {
      expect(snapshot.people.some((p) => p.id === post.authorId)).toBe(true);
    }

    // A reply that is written later shows up once its time has come.
    const latePost = network.posts.find((p) => p.networkId === 'seed-swap-7');
    expect(latePost?.createdAt).toBeGreaterThan(ANCHOR);
    const before = await connector.fetchThread(latePost?.threadId ?? '');
    expect(before.posts.map((p) => p.id)).not.toContain(latePost?.id);
    expectConnectorError(
      await connector.fetchThread(latePost?.id ?? '').catch((e: unknown) => e),
      'rejected',
    );
    clock.now = latePost?.createdAt ?? 0;
    const after = await connector.fetchThread(latePost?.id ?? '');
    expect(after.posts.map((p) => p.id)).toContain(latePost?.id);
  });

  it('rejects a post that does not exist', async () => {
    const { connector } = setup();
    const error = await connector.fetchThread('demo|no-such-post').catch((e: unknown) => e);
    expectConnectorError(error, 'rejected');
  });
});

describe('demo connector: sendReply', () => {
  it('creates the user’s reply in the thread, once per idempotency key', async () => {
    const { clock, connector } = setup();
    clock.now = ANCHOR + 5 * 60_000;
    const outgoing = reply(DEMO_XSS_POST_ID, 'Thank you, Tariq!\n\nI will <b>read</b> it first.');
    const first = await connector.sendReply(outgoing, 'key-0001-aaaa-bbbb');
    const second = await connector.sendReply(outgoing, 'key-0001-aaaa-bbbb');
    expect(second.post).toEqual(first.post);

    const post = PostSchema.strict().parse(first.post);
    const parent = postsById.get(DEMO_XSS_POST_ID);
    expect(post).toMatchObject({
      accountId: DEMO_ACCOUNT_ID,
      authorId: DEMO_SELF_PERSON_ID,
      isOwn: true,
      threadId: parent?.threadId,
      parent: { id: parent?.id, uri: parent?.uri, cid: null },
      root: parent?.root,
      createdAt: clock.now,
      visibility: 'public',
      language: 'en',
    });
    expect(post.contentHtml).toBe(
      '<p>Thank you, Tariq!</p><p>I will &lt;b&gt;read&lt;/b&gt; it first.</p>',
    );

    const thread = await connector.fetchThread(DEMO_XSS_POST_ID);
    expect(thread.posts.filter((p) => p.id === post.id)).toHaveLength(1);

    const other = await connector.sendReply(outgoing, 'key-0002-aaaa-bbbb');
    expect(other.post.id).not.toBe(post.id);
    const threadAfter = await connector.fetchThread(post.id);
    expect(threadAfter.posts.filter((p) => p.isOwn && p.createdAt === clock.now)).toHaveLength(2);
  });

  it('keeps its memory per connector instance', async () => {
    const a = setup().connector;
    const b = setup().connector;
    const sent = await a.sendReply(reply(DEMO_XSS_POST_ID, 'Hello'), 'key-instance-0001');
    const thread = await b.fetchThread(DEMO_XSS_POST_ID);
    expect(thread.posts.map((p) => p.id)).not.toContain(sent.post.id);
  });

  it('makes the same post id for the same key in a new instance (the store keeps one post)', async () => {
    const outgoing = reply(DEMO_XSS_POST_ID, 'Hello again');
    const first = await setup().connector.sendReply(outgoing, 'key-restart-0001');
    const afterRestart = await setup().connector.sendReply(outgoing, 'key-restart-0001');
    expect(afterRestart.post.id).toBe(first.post.id);
  });

  it('fails every call with a transient offline error while the computer is offline', async () => {
    let online = false;
    const connector = createDemoConnector({
      anchor: ANCHOR,
      clock: () => ANCHOR,
      isOnline: () => online,
    });
    const calls = [
      () => connector.sendReply(reply(DEMO_XSS_POST_ID, 'Hi'), 'key-offline-0001'),
      () => connector.fetchThread(DEMO_XSS_POST_ID),
      () => connector.fetchActivitySince(null),
    ];
    for (const call of calls)
      expectConnectorError(await call().catch((e: unknown) => e), 'offline');
    online = true;
    const sent = await connector.sendReply(reply(DEMO_XSS_POST_ID, 'Hi'), 'key-offline-0001');
    expect(sent.post.isOwn).toBe(true);
  });

  it('rejects a reply to a post that does not exist (yet)', async () => {
    const { connector } = setup();
    const missing = await connector
      .sendReply(reply('demo|no-such-post', 'Hi'), 'key-missing-0001')
      .catch((e: unknown) => e);
    expectConnectorError(missing, 'rejected');
    const future = network.posts.find((p) => p.createdAt > ANCHOR);
    const early = await connector
      .sendReply(reply(future?.id ?? '', 'Hi'), 'key-missing-0002')
      .catch((e: unknown) => e);
    expectConnectorError(early, 'rejected');
  });

  it('rejects a reply for another account, thread or with no text', async () => {
    const { connector } = setup();
    const base = reply(DEMO_XSS_POST_ID, 'Hi');
    const cases: OutgoingReply[] = [
      { ...base, accountId: 'someone-else' },
      { ...base, threadId: 'demo|not-this-thread' },
      { ...base, text: '   ' },
      { ...base, language: 'not a language' },
    ];
    for (const [i, outgoing] of cases.entries()) {
      const error = await connector.sendReply(outgoing, `key-bad-000${i}`).catch((e: unknown) => e);
      expectConnectorError(error, 'rejected');
    }
  });
});

describe('demo connector: a new conversation (a post that answers nothing)', () => {
  const friend = network.people.find((p) => !p.isSelf && p.profileUrl !== null);
  const firstWords = (text: string): OutgoingReply => ({
    accountId: DEMO_ACCOUNT_ID,
    threadId: null,
    inReplyToPostId: null,
    addressee: {
      personId: friend?.id ?? '',
      networkId: friend?.networkId ?? '',
      handle: friend?.handle ?? '',
    },
    text,
    visibility: 'direct',
    contentWarning: null,
    language: 'en',
  });

  it('starts its own thread, mentions the addressee first, and is found by the check', async () => {
    const { clock, connector } = setup();
    clock.now = ANCHOR + 60_000;
    const outgoing = firstWords('How did the seedlings do?');
    const sent = await connector.sendReply(outgoing, 'key-new-0001-aaaa');
    const post = PostSchema.strict().parse(sent.post);
    expect(post).toMatchObject({ parent: null, threadId: post.id, root: { id: post.id } });
    expect(post.contentHtml).toContain(friend?.handle.replace(/^@/, '').split('@')[0]);
    expect(post.contentHtml).toContain('How did the seedlings do?');
    const again = await connector.sendReply(outgoing, 'key-new-0001-aaaa');
    expect(again.post.id).toBe(post.id);
    const found = await connector.findSentReply(outgoing, {
      idempotencyKey: 'key-new-0001-aaaa',
      firstAttemptAt: clock.now,
    });
    expect(found?.post.id).toBe(post.id);
  });

  it('is refused without someone on the network to write to', async () => {
    const { connector } = setup();
    const error = await connector
      .sendReply({ ...firstWords('Hello?'), addressee: null }, 'key-new-0002-aaaa')
      .catch((e: unknown) => e);
    expectConnectorError(error, 'rejected');
  });
});

describe('demo connector: what a real network also answers', () => {
  it('says what a reply may do, like a Mastodon server with its defaults', () => {
    const { connector } = setup();
    expect(connector.capabilities).toMatchObject({
      contentWarning: true,
      directMessages: true,
      postLimit: { graphemes: 500, charactersPerUrl: 23, bytes: null },
    });
  });

  it('follows its regulars: everyone but the first-time sender, the spam accounts and the user', async () => {
    const { connector } = setup();
    const followed: string[] = [];
    let cursor: string | null = null;
    for (let page = 0; page < 100; page += 1) {
      const result: PeoplePage = await connector.fetchFollowing(cursor);
      followed.push(...result.people.map((p) => p.id));
      cursor = result.nextCursor;
      if (cursor === null) break;
    }
    const strangers = [DEMO_FIRST_TIME_SENDER_ID, ...DEMO_SPAM_PERSON_IDS, DEMO_SELF_PERSON_ID];
    expect(new Set(followed).size).toBe(followed.length);
    expect(followed).toEqual(
      network.people.filter((p) => !strangers.includes(p.id)).map((p) => p.id),
    );
    await expect(connector.fetchFollowing('elsewhere|3')).rejects.toThrow(ConnectorError);
  });

  it('remembers what the user has seen, and never moves it back', async () => {
    const { connector } = setup();
    const [older, newer] = [network.activity[3], network.activity[9]];
    if (older === undefined || newer === undefined) throw new Error('the demo has activity');
    await connector.markSeen(newer.networkId);
    await connector.markSeen(older.networkId);
    expect(connector.seenUpTo).toBe(newer.networkId);
    expectConnectorError(await connector.markSeen('no-such').catch((e: unknown) => e), 'rejected');
  });

  it('fails like a server while the computer is offline', async () => {
    const connector = createDemoConnector({
      anchor: ANCHOR,
      clock: () => ANCHOR,
      isOnline: () => false,
    });
    expectConnectorError(await connector.fetchFollowing(null).catch((e: unknown) => e), 'offline');
    expectConnectorError(await connector.markSeen('x').catch((e: unknown) => e), 'offline');
  });
});
