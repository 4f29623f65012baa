/**
 * The Mastodon connector against a real Mastodon-API server nobody here wrote: snac2 on loopback.
 * Everything goes through the real connector (masto over HTTP), the real sync (the boundary and
 * the store, on fake-indexeddb) and the real outbox engine.
 *
 * snac delivers between its local users through a queue (3–8 s): the tests poll, with budgets of
 * their own, and never assert how long anything took.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ConnectorError,
  isTransient,
  type Connector,
  type OutgoingReply,
} from '@shared/connectors/connector';
import { localId, type Account, type Person, type Post } from '@shared/domain';
import { createOutboxEngine } from '@shared/outbox';
import { createMastodonConnector } from '../../../renderer/src/connectors/mastodon/mastodon-connector';
import { SlowpostDatabase } from '../../../renderer/src/db/database';
import { createDexieOutboxStore } from '../../../renderer/src/db/repositories/dexie-outbox-store';
import { queueDraft } from '../../../renderer/src/db/repositories/replies';
import { queueNewConversation } from '../../../renderer/src/db/repositories/new-conversation';
import { syncAccount } from '../../../renderer/src/sync/sync-account';
import {
  accessToken,
  snac2Unavailable,
  startSnac2,
  type Snac2Server,
} from '../../servers/snac2/snac2-server';

const unavailable = snac2Unavailable();
if (unavailable !== null) {
  console.warn(`Mastodon connector against snac2 SKIPPED: ${unavailable}`);
}

interface User {
  readonly token: string;
  readonly id: string;
}

let server: Snac2Server;
const users = new Map<string, User>();
let dbCount = 0;

/** A request made by a person outside the app (bob writing, alice following someone). */
async function api(user: string, path: string, body?: unknown): Promise<unknown> {
  const token = users.get(user)?.token ?? '';
  const response = await fetch(`${server.origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}`);
  return response.json();
}

async function post(user: string, status: string, inReplyToId?: string): Promise<string> {
  const made = (await api(user, '/api/v1/statuses', {
    status,
    visibility: 'public',
    ...(inReplyToId === undefined ? {} : { in_reply_to_id: inReplyToId }),
  })) as { id: string };
  return made.id;
}

function accountOf(user: string): Account {
  const who = users.get(user);
  if (who === undefined) throw new Error(`no ${user}`);
  return {
    id: `m-${user}`,
    network: 'mastodon',
    handle: `@${user}@localhost:${server.port}`,
    displayName: user,
    serverOrigin: server.origin,
    networkUserId: who.id,
    isDemo: false,
    addedAt: Date.now(),
    syncCursor: null,
    lastSyncedAt: null,
  };
}

function connectorFor(user: string, account = accountOf(user)): Connector {
  return createMastodonConnector({
    account,
    baseUrl: server.origin,
    headers: { Authorization: `Bearer ${users.get(user)?.token ?? ''}` },
  });
}

async function storeFor(account: Account): Promise<SlowpostDatabase> {
  const db = new SlowpostDatabase(`snac2-${++dbCount}`);
  await db.accounts.add(account);
  return db;
}

/** Syncs until `found` says the store has what the test waits for (delivery takes seconds). */
async function syncUntil<T>(
  db: SlowpostDatabase,
  account: Account,
  found: () => Promise<T | undefined>,
): Promise<T> {
  const log: string[] = [];
  for (let round = 0; round < 60; round += 1) {
    const current = (await db.accounts.get(account.id)) ?? account;
    try {
      await syncAccount(db, connectorFor(account.id.slice(2), current), Date.now, (l) =>
        log.push(l),
      );
    } catch (error) {
      // As in the app: a sync the network interrupted is tried again at the next one.
      if (!(error instanceof ConnectorError) || !isTransient(error.failure)) throw error;
      log.push(error.message);
    }
    const value = await found();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`never arrived; sync log: ${log.join(' / ')}`);
}

async function activityOn(db: SlowpostDatabase, postNetworkId: string, account: Account) {
  return db.activity
    .where('accountId')
    .equals(account.id)
    .filter((a) => a.postId === localId(account.id, postNetworkId))
    .first();
}

/** Bob's view of the replies under one of his posts. */
async function repliesSeenBy(user: string, statusId: string, text: string): Promise<number> {
  const context = (await api(user, `/api/v1/statuses/${statusId}/context`)) as {
    descendants: { content: string }[];
  };
  return context.descendants.filter((d) => d.content.includes(text)).length;
}

async function until(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let round = 0; round < 60; round += 1) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${what} never happened`);
}

/**
 * snac closes every connection once it has answered, without saying so (no `Connection: close`),
 * so Node's `fetch` now and then sends the next request down a connection snac has already closed,
 * and fails before snac has read a byte of it ("other side closed"), or has the connection reset
 * under it (ECONNRESET). Here, where tests talk to snac directly, such a request is sent again on a
 * new connection: any read (GET) after either failure, a write only after "other side closed"
 * (snac read nothing, so nothing was written). The app never talks to a server directly: its
 * requests go to the gateway in main, which owns that connection.
 */
const directFetch = globalThis.fetch;
function fetchAcrossClosedConnections(): void {
  globalThis.fetch = async (input, init) => {
    const method = (
      init?.method ?? (input instanceof Request ? input.method : 'GET')
    ).toUpperCase();
    for (let attempt = 1; ; attempt += 1) {
      const again = input instanceof Request ? input.clone() : input;
      try {
        return await directFetch(again, init);
      } catch (error) {
        const code = (error as { cause?: { code?: unknown } }).cause?.code;
        const unread = code === 'UND_ERR_SOCKET';
        const reset = code === 'ECONNRESET' || code === 'EPIPE';
        if (attempt >= 4 || !(unread || (reset && method === 'GET'))) throw error;
      }
    }
  };
}

describe.skipIf(unavailable !== null)('the Mastodon connector against snac2', () => {
  beforeAll(async () => {
    fetchAcrossClosedConnections();
    server = await startSnac2({ users: ['alice', 'bob', 'carol'] });
    for (const name of ['alice', 'bob', 'carol']) {
      const token = await accessToken(server, name);
      users.set(name, { token, id: '' });
      const me = (await api(name, '/api/v1/accounts/verify_credentials')) as { id: string };
      users.set(name, { token, id: me.id });
    }
  }, 120_000);
  afterAll(async () => {
    globalThis.fetch = directFetch;
    await server?.stop();
  });

  it('syncs the mention bob sends alice, with bob and the server’s own limits', async () => {
    const alice = accountOf('alice');
    const db = await storeFor(alice);
    const mentionId = await post('bob', '@alice The tomatoes are in!');
    const item = await syncUntil(db, alice, () => activityOn(db, mentionId, alice));
    expect(item).toMatchObject({ kind: 'mention', threadId: localId(alice.id, mentionId) });
    const stored = await db.posts.get(localId(alice.id, mentionId));
    expect(stored?.contentHtml).toContain('The tomatoes are in!');
    expect(await db.people.get(item.actorId)).toMatchObject({
      handle: `@bob@localhost:${server.port}`,
      screening: 'unknown',
    });
    // snac says 100,000 characters and 32 per link.
    expect((await db.accounts.get(alice.id))?.capabilities?.postLimit).toEqual({
      graphemes: 100_000,
      charactersPerUrl: 32,
      bytes: null,
    });
    db.close();
  }, 90_000);

  it('a reply to alice’s own post is a reply in the thread of her post, and the thread opens', async () => {
    const alice = accountOf('alice');
    const db = await storeFor(alice);
    const rootId = await post('alice', 'Planting garlic today. How deep do you plant yours?');
    const replyId = await post('bob', '@alice Two inches, pointy end up.', rootId);
    const item = await syncUntil(db, alice, () => activityOn(db, replyId, alice));
    expect(item).toMatchObject({ kind: 'reply', threadId: localId(alice.id, rootId) });
    // The root came with it (the conversation was looked up), so the thread reads whole.
    expect(await db.posts.get(localId(alice.id, rootId))).toMatchObject({ isOwn: true });

    const thread = await connectorFor('alice').fetchThread(localId(alice.id, replyId));
    expect(thread.posts.map((p) => [p.networkId, p.threadId, p.parent?.id ?? null])).toEqual([
      [rootId, localId(alice.id, rootId), null],
      [replyId, localId(alice.id, rootId), localId(alice.id, rootId)],
    ]);
    db.close();
  }, 90_000);

  it('alice’s reply appears once on bob’s side, addressed to him, with its warning', async () => {
    const alice = accountOf('alice');
    const bobsPost = await post('bob', '@alice Fancy a swap of seedlings?');
    const reply: OutgoingReply = {
      accountId: alice.id,
      threadId: localId(alice.id, bobsPost),
      inReplyToPostId: localId(alice.id, bobsPost),
      text: 'Yes please, I have too many kale.',
      visibility: 'public',
      contentWarning: 'gardening',
      language: 'en',
    };
    const { post: sent } = await connectorFor('alice').sendReply(reply, crypto.randomUUID());
    expect(sent).toMatchObject({
      isOwn: true,
      threadId: localId(alice.id, bobsPost),
      parent: { id: localId(alice.id, bobsPost) },
      contentWarning: 'gardening',
    });
    expect(sent.contentHtml).toContain('I have too many kale.');
    await until(
      async () => (await repliesSeenBy('bob', bobsPost, 'too many kale')) > 0,
      "alice's reply reaching bob",
    );
    expect(await repliesSeenBy('bob', bobsPost, 'too many kale')).toBe(1);
  }, 90_000);

  it('a reply retried after a crash appears once, though snac ignores Idempotency-Key', async () => {
    const alice = accountOf('alice');
    const db = await storeFor(alice);
    const bobsPost = await post('bob', '@alice Did the frost get your beans?');
    await syncUntil(db, alice, () => activityOn(db, bobsPost, alice));
    const answering = (await db.posts.get(localId(alice.id, bobsPost))) as Post;
    const text = 'Only the ones by the fence. The rest are fine.';

    // snac really does ignore the key: the same key twice makes two posts (on another post).
    const probe = await post('bob', '@alice (ignore this one)');
    const key = crypto.randomUUID();
    const probeReply = { ...toReply(alice, probe), text: 'Same key, twice.' };
    await connectorFor('alice').sendReply(probeReply, key);
    await connectorFor('alice').sendReply(probeReply, key);
    await until(
      async () => (await ownReplies('alice', probe, 'Same key, twice.')) === 2,
      'two posts',
    );

    const entry = await queueDraft(
      db,
      answering,
      { text, visibility: 'public', contentWarning: null, language: 'en' },
      { now: Date.now(), sendAfter: Date.now() },
    );
    // The first run posts the reply, then dies before the answer comes back.
    const real = connectorFor('alice');
    const dying: Connector = {
      ...real,
      capabilities: real.capabilities,
      sendReply: (r, k, o) => real.sendReply(r, k, o).then(() => new Promise<never>(() => {})),
      fetchActivitySince: (c, o) => real.fetchActivitySince(c, o),
      fetchThread: (p, o) => real.fetchThread(p, o),
      findSentReply: (r, e, o) => real.findSentReply(r, e, o),
      markSeen: (a, o) => real.markSeen(a, o),
      fetchFollowing: (c, o) => real.fetchFollowing(c, o),
    };
    const first = createOutboxEngine({
      store: createDexieOutboxStore(db, () => {}),
      connectorFor: () => dying,
      clock: { now: Date.now },
      random: () => 0.5,
    });
    void first.tick();
    await until(async () => (await ownReplies('alice', bobsPost, text)) === 1, 'the first post');
    expect((await db.outbox.get(entry.id))?.state).toBe('sending');

    // A new run (the app restarted), a few minutes later on its clock.
    let later = Date.now() + 3 * 60_000;
    const second = createOutboxEngine({
      store: createDexieOutboxStore(db, () => {}),
      connectorFor: () => connectorFor('alice'),
      clock: { now: () => later },
      random: () => 0.5,
    });
    await second.recover();
    // A request lost on a connection snac had closed is tried again later, as the app would.
    for (let round = 0; round < 3; round += 1) {
      later += 5 * 60_000;
      await second.tick();
      if ((await db.outbox.get(entry.id))?.state !== 'waiting') break;
    }
    // Found by the check, not sent again: the reply is the post the first run made.
    const [firstPost] = await ownReplyIds('alice', bobsPost, text);
    expect(await db.outbox.get(entry.id)).toMatchObject({
      state: 'sent',
      sentPostId: localId(alice.id, firstPost ?? ''),
    });
    expect(await ownReplies('alice', bobsPost, text)).toBe(1);
    db.close();
  }, 120_000);

  it('alice writes to carol first: a post that answers nothing, mentioning her, once after a crash', async () => {
    const alice = accountOf('alice');
    const db = await storeFor(alice);
    const carol: Person = {
      id: localId(alice.id, users.get('carol')?.id ?? ''),
      accountId: alice.id,
      networkId: users.get('carol')?.id ?? '',
      handle: `@carol@localhost:${server.port}`,
      displayName: 'carol',
      avatarUrl: null,
      profileUrl: null,
      isSelf: false,
      firstSeenAt: 0,
      screening: 'let-in',
      notes: '',
      keepInTouchDays: null,
    };
    const text = 'It has been a while. Shall we walk the river path on Sunday?';
    const entry = await queueNewConversation(
      db,
      carol,
      { text, visibility: 'public', contentWarning: null, language: 'en' },
      { now: Date.now(), sendAfter: Date.now() },
    );
    // The first run posts it, then dies before the answer comes back.
    const real = connectorFor('alice');
    const dying: Connector = {
      ...real,
      capabilities: real.capabilities,
      sendReply: (r, k, o) => real.sendReply(r, k, o).then(() => new Promise<never>(() => {})),
      fetchActivitySince: (c, o) => real.fetchActivitySince(c, o),
      fetchThread: (p, o) => real.fetchThread(p, o),
      findSentReply: (r, e, o) => real.findSentReply(r, e, o),
      markSeen: (a, o) => real.markSeen(a, o),
      fetchFollowing: (c, o) => real.fetchFollowing(c, o),
    };
    const first = createOutboxEngine({
      store: createDexieOutboxStore(db, () => {}),
      connectorFor: () => dying,
      clock: { now: Date.now },
      random: () => 0.5,
    });
    void first.tick();
    await until(async () => (await ownReplies('alice', null, 'river path')) === 1, 'the post');
    expect((await db.outbox.get(entry.id))?.state).toBe('sending');

    // A new run, a few minutes later: the check finds the post among alice's own, answering nothing.
    let later = Date.now() + 3 * 60_000;
    const second = createOutboxEngine({
      store: createDexieOutboxStore(db, () => {}),
      connectorFor: () => connectorFor('alice'),
      clock: { now: () => later },
      random: () => 0.5,
    });
    await second.recover();
    for (let round = 0; round < 3; round += 1) {
      later += 5 * 60_000;
      await second.tick();
      if ((await db.outbox.get(entry.id))?.state !== 'waiting') break;
    }
    const [made] = await ownReplyIds('alice', null, 'river path');
    expect(await db.outbox.get(entry.id)).toMatchObject({
      state: 'sent',
      sentPostId: localId(alice.id, made ?? ''),
    });
    expect(await ownReplies('alice', null, 'river path')).toBe(1);

    // As the server holds it: a post answering nothing, starting with carol's mention.
    const status = (await api('alice', `/api/v1/statuses/${made ?? ''}`)) as {
      visibility: string;
      content: string;
      in_reply_to_id: string | null;
      mentions: { username?: string; acct?: string }[];
    };
    expect(status.in_reply_to_id ?? null).toBeNull();
    expect(status.content).toContain('river path');
    // (snac numbers its mentions itself: they are told apart by name.)
    expect(status.mentions.map((m) => (m.username ?? m.acct ?? '').split('@')[0])).toContain(
      'carol',
    );
    db.close();
  }, 120_000);

  it('writes the notifications marker, and never moves it back', async () => {
    const alice = accountOf('alice');
    const db = await storeFor(alice);
    const older = await post('bob', '@alice first of two');
    const newer = await post('bob', '@alice second of two');
    const items = await syncUntil(db, alice, async () => {
      const both = await Promise.all([activityOn(db, older, alice), activityOn(db, newer, alice)]);
      return both.every((a) => a !== undefined) ? both : undefined;
    });
    const [first, second] = items.sort((a, b) =>
      (a?.networkId ?? '').localeCompare(b?.networkId ?? ''),
    );
    const connector = connectorFor('alice');
    await connector.markSeen(second?.networkId ?? '');
    await connector.markSeen(first?.networkId ?? '');
    const markers = (await api('alice', '/api/v1/markers?timeline[]=notifications')) as {
      notifications?: { last_read_id: string };
    };
    expect(markers.notifications?.last_read_id).toBe(second?.networkId);
    db.close();
  }, 90_000);

  it('the people alice follows pass the screener; others still meet it', async () => {
    const alice = accountOf('alice');
    const db = await storeFor(alice);
    const bobId = users.get('bob')?.id ?? '';
    // snac follows only accounts it has looked up (as a person does, by searching first).
    await api('alice', '/api/v1/accounts/lookup?acct=bob');
    await api('alice', `/api/v1/accounts/${bobId}/follow`, {});
    await until(async () => {
      const following = (await api(
        'alice',
        `/api/v1/accounts/${users.get('alice')?.id ?? ''}/following`,
      )) as { id: string }[];
      return following.some((f) => f.id === bobId);
    }, 'bob among the people alice follows');
    const fromCarol = await post('carol', '@alice Hello, we have not met.');
    const carolItem = await syncUntil(db, alice, () => activityOn(db, fromCarol, alice));
    expect(await db.people.get(localId(alice.id, bobId))).toMatchObject({
      screening: 'let-in',
    });
    expect((await db.people.get(carolItem.actorId))?.screening).toBe('unknown');
    db.close();
  }, 90_000);

  it('an HTML error page is an answer Slowpost cannot read, said plainly', async () => {
    const alice = accountOf('alice');
    const failure = await connectorFor('alice')
      .fetchThread(localId(alice.id, 'no-such-status'))
      .catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect((failure as ConnectorError).failure.kind).toBe('malformed');
    expect((failure as ConnectorError).message).toMatch(/web page instead of data/);
  }, 30_000);
});

function toReply(account: Account, statusId: string): OutgoingReply {
  return {
    accountId: account.id,
    threadId: localId(account.id, statusId),
    inReplyToPostId: localId(account.id, statusId),
    text: '',
    visibility: 'public',
    contentWarning: null,
    language: null,
  };
}

/**
 * The ids of `user`'s own posts that answer `statusId` (null: that answer nothing) with `text`, as
 * the server holds them.
 */
async function ownReplyIds(user: string, statusId: string | null, text: string): Promise<string[]> {
  const statuses = (await api(
    user,
    `/api/v1/accounts/${users.get(user)?.id ?? ''}/statuses?limit=40`,
  )) as { id: string; in_reply_to_id: string | null; content: string }[];
  return statuses
    .filter((s) => (s.in_reply_to_id ?? null) === statusId && s.content.includes(text))
    .map((s) => s.id);
}

async function ownReplies(user: string, statusId: string | null, text: string): Promise<number> {
  return (await ownReplyIds(user, statusId, text)).length;
}
