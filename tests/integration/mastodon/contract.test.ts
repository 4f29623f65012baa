/**
 * The Mastodon connector against the contract server (tests/servers/mastodon-contract/): what snac
 * lacks — grouped notifications and groups that grow, paging across many pages, the first sync's
 * bound, malformed pages, rate limits, error pages, a revoked token, a deleted parent, the
 * server's reasons, `Idempotency-Key` kept for an hour — through the real connector, sync,
 * store (fake-indexeddb) and outbox engine. Every request and answer is checked against the
 * Mastodon OpenAPI description; each test ends with zero contract violations.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { ConnectorError, type Connector, type OutgoingReply } from '@shared/connectors/connector';
import { localId, type Account, type ActivityItem, type Post } from '@shared/domain';
import { createOutboxEngine } from '@shared/outbox';
import { buildDigest } from '@shared/session/digest';
import { createMastodonConnector } from '../../../renderer/src/connectors/mastodon/mastodon-connector';
import {
  FIRST_SYNC_DAYS,
  FIRST_SYNC_NOTIFICATIONS,
} from '../../../renderer/src/connectors/mastodon/notification-windows';
import { SlowpostDatabase } from '../../../renderer/src/db/database';
import { makeDelivery } from '../../../renderer/src/db/repositories/deliveries';
import { createDexieOutboxStore } from '../../../renderer/src/db/repositories/dexie-outbox-store';
import { queueDraft } from '../../../renderer/src/db/repositories/replies';
import { readSyncLogs } from '../../../renderer/src/db/repositories/sync-log';
import { syncAccount, type SyncSummary } from '../../../renderer/src/sync/sync-account';
import {
  startContractServer,
  type ContractServer,
  type ContractServerOptions,
} from '../../servers/mastodon-contract/contract-server';

const DAY = 24 * 60 * 60_000;

interface World {
  readonly server: ContractServer;
  readonly db: SlowpostDatabase;
  readonly account: Account;
  token: string;
  readonly log: string[];
}

const worlds: World[] = [];
let stores = 0;

async function world(
  options: ContractServerOptions = {},
  users: readonly string[] = ['alice', 'bob', 'carol'],
): Promise<World> {
  const server = await startContractServer({ users, ...options });
  const alice = server.state.requireAccount('alice');
  const account: Account = {
    id: 'm-alice',
    network: 'mastodon',
    handle: `@alice@${server.host}`,
    displayName: 'Alice',
    serverOrigin: server.origin,
    networkUserId: alice.id,
    isDemo: false,
    addedAt: server.clock.now(),
    syncCursor: null,
    lastSyncedAt: null,
  };
  const db = new SlowpostDatabase(`contract-${++stores}`);
  await db.accounts.add(account);
  const made: World = { server, db, account, token: server.tokenFor('alice'), log: [] };
  worlds.push(made);
  return made;
}

afterEach(async () => {
  for (const { server, db } of worlds.splice(0)) {
    // Whatever a test did, the connector kept to the contract.
    expect(server.violations()).toEqual([]);
    db.close();
    await db.delete();
    await server.stop();
  }
});

function connectorOf(w: World, account = w.account): Connector {
  return createMastodonConnector({
    account,
    baseUrl: w.server.origin,
    headers: { Authorization: `Bearer ${w.token}` },
    now: () => w.server.clock.now(),
  });
}

async function sync(w: World): Promise<SyncSummary> {
  const account = (await w.db.accounts.get(w.account.id)) ?? w.account;
  return syncAccount(
    w.db,
    connectorOf(w, account),
    () => w.server.clock.now(),
    (line) => w.log.push(line),
  );
}

async function activity(w: World): Promise<ActivityItem[]> {
  return w.db.activity.where('accountId').equals(w.account.id).toArray();
}

async function deliver(w: World, at: number): Promise<ActivityItem[]> {
  const delivery = await makeDelivery(w.db, { kind: 'early', slot: at, now: at });
  return w.db.activity.filter((a) => a.deliveryId === delivery.id).toArray();
}

describe('grouped notifications (Mastodon 4.3+)', () => {
  it('a group becomes its people; when it grows after a delivery, only the new people come to the next one', async () => {
    const w = await world({}, ['alice', ...Array.from({ length: 13 }, (_v, i) => `fan${i}`)]);
    const { server } = w;
    const post = server.post('alice', { text: 'The first tomatoes of the year!' });
    for (const fan of ['fan0', 'fan1']) server.favourite(fan, post.id);
    await sync(w);
    const first = await deliver(w, server.clock.now());
    expect(first.map((a) => a.kind)).toEqual(['favourite', 'favourite']);

    // Eleven more people (more than the eight a page names) after the delivery.
    server.clock.advance(60_000);
    for (let i = 2; i < 13; i += 1) server.favourite(`fan${i}`, post.id);
    await sync(w);
    const second = await deliver(w, server.clock.now());
    const fans = (ids: readonly ActivityItem[]) =>
      ids.map((a) => a.actorId.replace(`${w.account.id}|`, '')).sort();
    const idOf = (name: string) => server.state.requireAccount(name).id;
    expect(fans(second)).toEqual(Array.from({ length: 11 }, (_v, i) => idOf(`fan${i + 2}`)).sort());
    expect(server.requestCounts()['GET /api/v2/notifications']).toBeGreaterThan(0);

    // The calm line counts people and posts, whichever page or group they came in.
    const people = new Map(
      (await w.db.people.toArray()).map((p) => [p.id, { ...p, screening: 'let-in' as const }]),
    );
    const posts = new Map((await w.db.posts.toArray()).map((p) => [p.id, p]));
    expect(buildDigest(second, { people, posts })?.text).toBe(
      '11 people appreciated your post “The first tomatoes of the year!”',
    );
    expect(buildDigest([...first, ...second], { people, posts })?.peopleCount).toBe(13);
  }, 60_000);

  it('boosts, follows, follow requests, polls, edits, quotes and a type from a newer server', async () => {
    const w = await world({}, ['alice', 'bob', 'carol', 'dana']);
    const { server } = w;
    server.state.requireAccount('alice').locked = true;
    const own = server.post('alice', { text: 'Seed swap on Saturday' });
    server.boost('bob', own.id);
    server.follow('carol', 'alice');
    const quote = server.post('bob', { text: 'Worth going', quoteOfId: own.id });
    const poll = server.post('alice', {
      text: 'Which day?',
      poll: { options: ['Saturday', 'Sunday'], expiresInSeconds: 3600 },
    });
    server.vote('bob', poll.id, [0]);
    server.endPoll(poll.id);
    const carols = server.post('carol', { text: 'Plant sale!' });
    server.boost('alice', carols.id);
    server.edit(carols.id, 'Plant sale, Sunday!');
    server.notify({ to: 'alice', from: 'dana', type: 'x_future_type' });
    await sync(w);
    const kinds = (await activity(w)).map((a) => [a.kind, a.rawType]).sort();
    expect(kinds).toEqual(
      [
        ['boost', 'reblog'],
        ['follow', 'follow_request'],
        ['other', 'poll'],
        ['other', 'update'],
        ['other', 'x_future_type'],
        ['quote', 'quote'],
      ].sort(),
    );
    const quoted = (await activity(w)).find((a) => a.kind === 'quote');
    expect(quoted).toMatchObject({
      postId: localId(w.account.id, quote.id),
      subjectPostId: localId(w.account.id, own.id),
    });
  }, 60_000);

  it('a page with more conversations, and a group with more people, than one call takes: nothing lost', async () => {
    const fans = Array.from({ length: 500 }, (_v, i) => `fan${i}`);
    const w = await world({}, ['alice', 'bob', ...fans]);
    const { server } = w;
    await sync(w); // the first sync, empty: from here on everything comes page by page
    const own = Array.from({ length: 30 }, (_v, i) => server.post('alice', { text: `Idea ${i}` }));
    const replies = own.map((post, i) =>
      server.reply(fans[i] ?? 'bob', post.id, `Yes to idea ${i}`),
    );
    const popular = server.post('alice', { text: 'Everyone likes this one' });
    for (const fan of fans) server.favourite(fan, popular.id);

    // All of it fits one page of groups, but one call looks up at most 20 conversations and
    // reads at most 400 plain notifications to name a group's people: it takes three calls.
    const summary = await sync(w);
    expect(summary.pages).toBeGreaterThanOrEqual(3);
    const stored = await activity(w);
    for (const [i, reply] of replies.entries()) {
      const item = stored.find((a) => a.postId === localId(w.account.id, reply.id));
      expect(item).toMatchObject({
        kind: 'reply',
        threadId: localId(w.account.id, own[i]?.id ?? ''),
      });
    }
    const likes = stored.filter((a) => a.subjectPostId === localId(w.account.id, popular.id));
    expect(new Set(likes.map((a) => a.actorId)).size).toBe(500);
  }, 120_000);

  it('a server without them is read through plain notifications', async () => {
    const w = await world({ groupedNotifications: false });
    const post = w.server.post('alice', { text: 'Compost day' });
    w.server.favourite('bob', post.id);
    w.server.mention('carol', 'alice', 'Coming to help!');
    await sync(w);
    expect((await activity(w)).map((a) => a.kind).sort()).toEqual(['favourite', 'mention']);
    expect(w.server.requestCounts()['GET /api/v2/notifications']).toBeUndefined();
  }, 60_000);
});

describe('paging and the first sync', () => {
  it('pages through hundreds of notifications after the cursor, each stored once', async () => {
    const w = await world();
    w.server.mention('bob', 'alice', 'first');
    await sync(w);
    for (let i = 0; i < 250; i += 1)
      w.server.mention(i % 2 ? 'bob' : 'carol', 'alice', `note ${i}`);
    const summary = await sync(w);
    expect(summary.newActivity).toBe(250);
    expect(summary.pages).toBeGreaterThanOrEqual(Math.ceil(250 / 80));
    expect(await w.db.activity.count()).toBe(251);
    // Another sync finds nothing new and asks once.
    const before = w.server.requestTotal();
    expect((await sync(w)).newActivity).toBe(0);
    expect(w.server.requestTotal() - before).toBeLessThanOrEqual(3);
  }, 90_000);

  it(`the first sync goes back at most ${FIRST_SYNC_NOTIFICATIONS} notifications`, async () => {
    const w = await world({ clock: { frozen: true } });
    for (let i = 0; i < 260; i += 1) {
      w.server.mention('bob', 'alice', `hello ${i}`);
      w.server.clock.advance(1000);
    }
    await sync(w);
    const stored = await activity(w);
    expect(stored.length).toBeGreaterThanOrEqual(FIRST_SYNC_NOTIFICATIONS);
    expect(stored.length).toBeLessThan(FIRST_SYNC_NOTIFICATIONS + 20);
    // The newest ones: "hello 259" is there, "hello 0" is not.
    const texts = (await w.db.posts.toArray()).map((p) => p.contentHtml).join(' ');
    expect(texts).toContain('hello 259');
    expect(texts).not.toContain('hello 0<');
  }, 90_000);

  it(`the first sync goes back at most ${FIRST_SYNC_DAYS} days`, async () => {
    const w = await world({ clock: { frozen: true } });
    w.server.mention('bob', 'alice', 'from long ago');
    w.server.clock.advance((FIRST_SYNC_DAYS + 1) * DAY);
    w.server.mention('bob', 'alice', 'from this week');
    await sync(w);
    const texts = (await w.db.posts.toArray()).map((p) => p.contentHtml);
    expect(texts.some((t) => t.includes('from this week'))).toBe(true);
    expect(texts.some((t) => t.includes('from long ago'))).toBe(false);
    // What comes later arrives as usual.
    w.server.mention('carol', 'alice', 'and today');
    await sync(w);
    expect((await w.db.posts.toArray()).some((p) => p.contentHtml.includes('and today'))).toBe(
      true,
    );
  }, 60_000);
});

describe('conversations', () => {
  it('a reply deep in a thread is placed in the thread of its root, which comes with it', async () => {
    const w = await world();
    const root = w.server.post('carol', { text: 'Who has spare seed potatoes?' });
    const mine = w.server.reply('alice', root.id, 'I might!');
    const bobs = w.server.reply('bob', mine.id, 'Me too, @alice');
    await sync(w);
    const item = (await activity(w)).find((a) => a.postId === localId(w.account.id, bobs.id));
    expect(item).toMatchObject({ kind: 'reply', threadId: localId(w.account.id, root.id) });
    const thread = await w.db.posts
      .where('threadId')
      .equals(localId(w.account.id, root.id))
      .toArray();
    expect(thread.map((p) => p.networkId).sort()).toEqual([root.id, mine.id, bobs.id].sort());
  }, 60_000);
});

describe('what goes wrong', () => {
  it('a page with malformed notifications: each is skipped with its reason, the rest stored, the sync goes on', async () => {
    const w = await world();
    for (const text of ['one', 'two', 'three', 'four', 'five']) {
      w.server.mention('bob', 'alice', text);
    }
    w.server.injectFault(
      { method: 'GET', path: '/api/v2/notifications' },
      {
        kind: 'malformed-notifications',
        defects: ['missing-id', 'content-not-string', 'duplicate-id', 'unknown-type'],
      },
      2,
    );
    await sync(w);
    const skipped = (await readSyncLogs(w.db))[0]?.skipped ?? [];
    const reasons = skipped.map((s) => s.reason).join('\n');
    expect(reasons).toMatch(/Invalid notification group: groupKey: /);
    expect(reasons).toMatch(/Invalid post: content: /);
    expect((await readSyncLogs(w.db))[0]?.lastFailure).toBeNull();
    expect((await activity(w)).length).toBeGreaterThanOrEqual(2);

    w.server.mention('carol', 'alice', 'after the bad page');
    await sync(w);
    const texts = (await w.db.posts.toArray()).map((p) => p.contentHtml).join(' ');
    expect(texts).toContain('after the bad page');
  }, 60_000);

  it('429: the sync stops with the wait the server asked for, and goes on after it', async () => {
    const w = await world({ clock: { frozen: true }, rateLimit: { limit: 2, periodSeconds: 300 } });
    w.server.mention('bob', 'alice', 'hello');
    const failure = await sync(w).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect((failure as ConnectorError).failure).toMatchObject({
      kind: 'rate-limited',
      retryAfterMs: expect.any(Number) as unknown,
    });
    expect(
      ((failure as ConnectorError).failure as { retryAfterMs: number }).retryAfterMs,
    ).toBeGreaterThan(0);
    expect((await readSyncLogs(w.db))[0]?.lastFailure?.reason).toBe(
      'The server asked Slowpost to wait a while.',
    );
    w.server.setRateLimit({ limit: 300 });
    await sync(w);
    expect((await activity(w)).length).toBe(1);
  }, 60_000);

  it('an HTML error page is said plainly', async () => {
    const w = await world({ groupedNotifications: false });
    w.server.injectFault({ method: 'GET', path: '/api/v1/notifications' }, { kind: 'html-error' });
    const failure = await sync(w).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ConnectorError);
    expect((await readSyncLogs(w.db))[0]?.lastFailure?.reason).toMatch(
      /^The server sent something Slowpost could not read: The server answered with a web page instead of data/,
    );
  }, 60_000);

  it('a revoked token: the sync says so, and the account asks to sign in again', async () => {
    const w = await world();
    await sync(w);
    w.server.revokeToken(w.token);
    const failure = await sync(w).catch((error: unknown) => error);
    expect((failure as ConnectorError).failure.kind).toBe('auth');
    expect((await readSyncLogs(w.db))[0]?.lastFailure?.reason).toBe(
      "The server did not accept this account's sign-in: The access token was revoked",
    );
    expect((await w.db.accounts.get(w.account.id))?.signInProblem).toBe(
      'The access token was revoked',
    );
  }, 60_000);

  it("keeps the server's limits for the composer", async () => {
    const w = await world({ maxCharacters: 1000, charactersReservedPerUrl: 30 });
    await sync(w);
    expect((await w.db.accounts.get(w.account.id))?.capabilities?.postLimit).toEqual({
      graphemes: 1000,
      charactersPerUrl: 30,
      bytes: null,
    });
  }, 60_000);
});

describe('replies through the outbox', () => {
  async function answering(w: World, text: string): Promise<Post> {
    const status = w.server.mention('bob', 'alice', text);
    await sync(w);
    const post = await w.db.posts.get(localId(w.account.id, status.id));
    if (post === undefined) throw new Error('the mention was not synced');
    return post;
  }

  function engine(w: World) {
    return createOutboxEngine({
      store: createDexieOutboxStore(w.db, () => {}),
      connectorFor: () => connectorOf(w),
      clock: { now: () => w.server.clock.now() },
      random: () => 0.5,
    });
  }

  it('a reply to a deleted post needs attention, with its text kept', async () => {
    const w = await world({ clock: { frozen: true } });
    const post = await answering(w, 'Are you coming?');
    const text = 'Yes, at ten.';
    const entry = await queueDraft(
      w.db,
      post,
      { text, visibility: 'public', contentWarning: null, language: 'en' },
      { now: w.server.clock.now(), sendAfter: w.server.clock.now() },
    );
    w.server.deleteStatus(post.networkId);
    await engine(w).tick();
    const after = await w.db.outbox.get(entry.id);
    expect(after).toMatchObject({ state: 'needs-attention', text });
    expect(after?.lastError).toMatch(/^The post you were answering was deleted \(HTTP 404\)/);
  }, 60_000);

  it("a reply the server refuses needs attention with the server's reason", async () => {
    const w = await world({ clock: { frozen: true }, maxCharacters: 60 });
    const post = await answering(w, 'How did the harvest go?');
    const text = 'Wonderful: beans, peas, three kinds of squash and more tomatoes than we can eat.';
    const entry = await queueDraft(
      w.db,
      post,
      { text, visibility: 'public', contentWarning: null, language: 'en' },
      { now: w.server.clock.now(), sendAfter: w.server.clock.now() },
    );
    await engine(w).tick();
    const after = await w.db.outbox.get(entry.id);
    expect(after).toMatchObject({ state: 'needs-attention', text });
    expect(after?.lastError).toMatch(/Text character limit of 60 exceeded/);
  }, 60_000);

  it('Idempotency-Key: the same post for an hour; after that, the check finds it', async () => {
    const w = await world({ clock: { frozen: true } });
    const post = await answering(w, 'Lunch?');
    const reply: OutgoingReply = {
      accountId: w.account.id,
      threadId: post.threadId,
      inReplyToPostId: post.id,
      text: 'Yes please!',
      visibility: 'public',
      contentWarning: null,
      language: 'en',
    };
    const firstAttemptAt = w.server.clock.now();
    const key = crypto.randomUUID();
    // The server makes the post, then fails: the outcome is unknown to the app.
    w.server.injectFault(
      { method: 'POST', path: '/api/v1/statuses' },
      { kind: 'error-after-create' },
    );
    const failed = await connectorOf(w)
      .sendReply(reply, key)
      .catch((error: unknown) => error);
    expect((failed as ConnectorError).failure).toMatchObject({ kind: 'server', status: 500 });

    w.server.clock.advance(30 * 60_000);
    const again = await connectorOf(w).sendReply(reply, key);
    const ownReplies = () =>
      [...w.server.state.statuses.values()].filter(
        (s) => s.inReplyToId === post.networkId && s.deletedAt === null,
      );
    expect(ownReplies()).toHaveLength(1);
    expect(again.post.networkId).toBe(ownReplies()[0]?.id);

    // An hour later the key is forgotten: sending again would post twice, so the outbox asks
    // first, and the check finds the reply.
    w.server.clock.advance(61 * 60_000);
    const found = await connectorOf(w).findSentReply(reply, {
      idempotencyKey: key,
      firstAttemptAt,
    });
    expect(found?.post.networkId).toBe(again.post.networkId);
    expect(found?.post.threadId).toBe(post.threadId);
    expect(
      await connectorOf(w).findSentReply(
        { ...reply, text: 'Something else' },
        { idempotencyKey: key, firstAttemptAt },
      ),
    ).toBeNull();
  }, 60_000);
});

describe('the people followed, and the read position', () => {
  it('everyone the user follows passes the screener, across pages the server links', async () => {
    const many = Array.from({ length: 100 }, (_v, i) => `friend${i}`);
    const w = await world({}, ['alice', 'stranger', ...many]);
    for (const friend of many) w.server.follow('alice', friend);
    w.server.mention('stranger', 'alice', 'hi!');
    await sync(w);
    const people = await w.db.people.toArray();
    expect(people.filter((p) => p.screening === 'let-in')).toHaveLength(100);
    expect(people.find((p) => p.handle.startsWith('@stranger@'))?.screening).toBe('unknown');
    expect(w.server.requestCounts()['GET /api/v1/accounts/{id}/following']).toBe(2);
  }, 60_000);

  it('marks a grouped favourite as seen by its notification, and never moves the marker back', async () => {
    const w = await world();
    const post = w.server.post('alice', { text: 'Bees!' });
    w.server.favourite('bob', post.id);
    w.server.mention('carol', 'alice', 'later one');
    await sync(w);
    const items = await activity(w);
    const favourite = items.find((a) => a.kind === 'favourite');
    const mention = items.find((a) => a.kind === 'mention');
    if (favourite === undefined || mention === undefined) throw new Error('both synced');
    const connector = connectorOf(w);
    await connector.markSeen(favourite.networkId);
    const marker = () =>
      w.server.state.markers.get(w.account.networkUserId)?.get('notifications')?.lastReadId;
    const favouriteNotification = w.server.state
      .notificationsOf(w.account.networkUserId)
      .find((n) => n.type === 'favourite');
    expect(marker()).toBe(String(favouriteNotification?.id));
    await connector.markSeen(mention.networkId);
    await connector.markSeen(favourite.networkId);
    expect(marker()).toBe(mention.networkId);
  }, 60_000);
});
