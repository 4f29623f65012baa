import { describe, expect, it } from 'vitest';
import { ConnectorError, type OutgoingReply } from '../../connectors/connector';
import {
  createFakeReplyServer,
  createFaultInjectingConnector,
  faultSequence,
  SERVER_MODELS,
  type InjectedFault,
} from './fault-injecting-connector';

const reply: OutgoingReply = {
  accountId: 'a',
  threadId: 'a|t',
  inReplyToPostId: 'a|p',
  text: 'hi <there>',
  visibility: 'public',
  contentWarning: null,
  language: 'en',
};
const KEY = 'key-0123456789abcdef';

async function failureKind(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'ok';
  } catch (error) {
    return error instanceof ConnectorError ? error.failure.kind : 'unknown';
  }
}

function setup(...faults: InjectedFault[]) {
  const server = createFakeReplyServer({ now: () => 42 });
  let hung = 0;
  const connector = createFaultInjectingConnector({
    server,
    account: 'a',
    faults: faultSequence(...faults),
    onHang: () => hung++,
  });
  return { server, connector, hung: () => hung };
}

describe('fake reply server and fault-injecting connector', () => {
  it('creates a post once per key and returns it again for the same key', async () => {
    const { server, connector } = setup();
    const first = await connector.sendReply(reply, KEY);
    const second = await connector.sendReply({ ...reply, text: 'different' }, KEY);
    expect(second.post).toEqual(first.post);
    expect(server.posts).toHaveLength(1);
    expect(first.post).toMatchObject({
      accountId: 'a',
      threadId: 'a|t',
      contentHtml: '<p>hi &lt;there&gt;</p>',
      createdAt: 42,
      isOwn: true,
    });
    expect(server.requests.map((r) => r.serverOutcome)).toEqual(['created', 'duplicate']);
    await connector.sendReply(reply, `${KEY}-other`);
    expect(server.posts).toHaveLength(2);
  });

  it.each<[InjectedFault, string, number]>([
    [{ kind: 'offline' }, 'offline', 0],
    [{ kind: 'timeout-before-accept' }, 'timeout', 0],
    [{ kind: 'timeout-after-accept' }, 'timeout', 1],
    [{ kind: 'server-error' }, 'server', 0],
    [{ kind: 'server-error', afterAccept: true }, 'server', 1],
    [{ kind: 'rate-limited', retryAfterMs: 5_000 }, 'rate-limited', 0],
    [{ kind: 'rejected' }, 'rejected', 0],
    [{ kind: 'auth' }, 'auth', 0],
    [{ kind: 'malformed-after-accept' }, 'malformed', 1],
  ])('%o fails as %s, leaving %i post(s)', async (fault, kind, created) => {
    const { server, connector } = setup(fault);
    expect(await failureKind(connector.sendReply(reply, KEY))).toBe(kind);
    expect(server.posts).toHaveLength(created);
    expect(connector.inFlight).toBe(0);
    // The same key afterwards: exactly one post in the end.
    expect(await failureKind(connector.sendReply(reply, KEY))).toBe('ok');
    expect(server.posts).toHaveLength(1);
  });

  it('passes Retry-After through', async () => {
    const { connector } = setup({ kind: 'rate-limited', retryAfterMs: 5_000 });
    const error = await connector.sendReply(reply, KEY).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).failure).toMatchObject({ retryAfterMs: 5_000 });
  });

  it('idempotency comes before a rejection, as on a real server', async () => {
    const { server, connector } = setup({ kind: 'timeout-after-accept' }, { kind: 'rejected' });
    await failureKind(connector.sendReply(reply, KEY));
    expect(await failureKind(connector.sendReply(reply, KEY))).toBe('ok');
    expect(server.posts).toHaveLength(1);
  });

  it('rejects new replies to a deleted post with 404', async () => {
    const { server, connector } = setup();
    server.deletePost('a|p');
    const error = await connector.sendReply(reply, KEY).catch((e: unknown) => e);
    expect((error as ConnectorError).failure).toMatchObject({ kind: 'rejected', status: 404 });
    expect(server.posts).toHaveLength(0);
  });

  it('a hang never settles and reports itself; after accept, the post exists', async () => {
    const { server, connector, hung } = setup({ kind: 'hang', afterAccept: true });
    let settled = false;
    connector.sendReply(reply, KEY).then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(settled).toBe(false);
    expect(hung()).toBe(1);
    expect(server.posts).toHaveLength(1);
    expect(connector.inFlight).toBe(1);
  });

  it('forgets a key after an hour, or ignores it, as real servers do', async () => {
    let now = 0;
    const forgetful = createFakeReplyServer({
      now: () => now,
      idempotency: SERVER_MODELS['keys kept for 1 hour'],
    });
    const a = createFaultInjectingConnector({ server: forgetful, account: 'a' });
    await a.sendReply(reply, KEY);
    now = 59 * 60_000;
    await a.sendReply(reply, KEY);
    expect(forgetful.posts).toHaveLength(1);
    now = 61 * 60_000;
    await a.sendReply(reply, KEY);
    expect(forgetful.posts).toHaveLength(2);

    const careless = createFakeReplyServer({ idempotency: SERVER_MODELS['keys ignored'] });
    const b = createFaultInjectingConnector({ server: careless, account: 'a' });
    await b.sendReply(reply, KEY);
    await b.sendReply(reply, KEY);
    expect(careless.posts).toHaveLength(2);
  });

  it('the check finds the account’s own reply with that text, made since the first attempt', async () => {
    let now = 1_000;
    const server = createFakeReplyServer({ now: () => now });
    const connector = createFaultInjectingConnector({ server, account: 'a' });
    const earlier = { idempotencyKey: KEY, firstAttemptAt: 1_000 };
    expect(await connector.findSentReply(reply, earlier)).toBeNull();
    const sent = await connector.sendReply(reply, KEY);
    expect((await connector.findSentReply(reply, earlier))?.post).toEqual(sent.post);
    // Not another text, not another parent, not an older reply.
    expect(await connector.findSentReply({ ...reply, text: 'other' }, earlier)).toBeNull();
    expect(
      await connector.findSentReply({ ...reply, inReplyToPostId: 'a|other' }, earlier),
    ).toBeNull();
    now = 5_000;
    expect(await connector.findSentReply(reply, { ...earlier, firstAttemptAt: 2_000 })).toBeNull();
    expect(server.requests.map((r) => [r.operation, r.serverOutcome])).toEqual([
      ['find', 'not-found'],
      ['send', 'created'],
      ['find', 'found'],
      ['find', 'not-found'],
      ['find', 'not-found'],
      ['find', 'not-found'],
    ]);
  });

  it('a check can fail like any request', async () => {
    const { connector } = setup({ kind: 'offline' }, { kind: 'malformed-after-accept' });
    const earlier = { idempotencyKey: KEY, firstAttemptAt: 0 };
    expect(await failureKind(connector.findSentReply(reply, earlier))).toBe('offline');
    expect(await failureKind(connector.findSentReply(reply, earlier))).toBe('malformed');
  });

  it('a stalled request never answers; one queued on the server lands later', async () => {
    let now = 0;
    const server = createFakeReplyServer({
      now: () => now,
      idempotency: SERVER_MODELS['keys ignored'],
    });
    const connector = createFaultInjectingConnector({
      server,
      account: 'a',
      faults: faultSequence({ kind: 'stall', afterAccept: true, landsAfterMs: 30_000 }),
    });
    let settled = false;
    connector.sendReply(reply, KEY).then(
      () => (settled = true),
      () => (settled = true),
    );
    for (let i = 0; i < 20; i++) await Promise.resolve();
    expect(settled).toBe(false);
    expect(server.posts).toHaveLength(0);
    expect(server.queued).toBe(1);
    now = 30_000;
    expect(
      await connector.findSentReply(reply, { idempotencyKey: KEY, firstAttemptAt: 0 }),
    ).not.toBeNull();
    expect(server.posts).toHaveLength(1);
  });

  it('implements the rest of Connector harmlessly', async () => {
    const { connector } = setup();
    await connector.sendReply(reply, KEY);
    expect((await connector.fetchActivitySince(null)).hasMore).toBe(false);
    expect((await connector.fetchThread('a|p')).posts).toHaveLength(1);
    expect(connector.account.id).toBe('a');
  });
});
