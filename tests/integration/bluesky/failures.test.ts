/**
 * How every failure of an XRPC call through `@atproto/api` reaches the app: real HTTP on
 * 127.0.0.1, a server that answers each post the way a PDS (and proxies, and the app's own
 * gateway) fail.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, type ConnectorFailure } from '@shared/connectors/connector';
import { GATEWAY_ANSWER_HEADER } from '@shared/connectors/gateway';
import type { Account } from '@shared/domain';
import { createBlueskyConnector } from '../../../renderer/src/connectors/bluesky/bluesky-connector';

interface Answer {
  readonly status: number;
  readonly type?: string;
  readonly body: string;
  readonly headers?: Record<string, string>;
}

const json = (status: number, body: unknown, headers: Record<string, string> = {}): Answer => ({
  status,
  type: 'application/json; charset=utf-8',
  body: JSON.stringify(body),
  headers,
});

/** What the server answers `getPostThread` for the post with this record key. */
const ANSWERS: Record<string, Answer | 'hang' | 'drop'> = {
  expired: json(400, { error: 'ExpiredToken', message: 'Token has expired' }),
  invalid: json(400, { error: 'InvalidToken', message: 'Token could not be verified' }),
  unauthorized: json(401, { error: 'AuthMissing', message: 'Authentication Required' }),
  signedOut: json(
    401,
    { error: 'Slowpost has no sign-in for this account' },
    {
      [GATEWAY_ANSWER_HEADER]: 'no-account',
    },
  ),
  gone: json(400, { error: 'NotFound', message: 'Post not found' }),
  slow: json(429, { error: 'RateLimitExceeded' }, { 'retry-after': '120' }),
  'slow-reset': json(
    429,
    { error: 'RateLimitExceeded' },
    { 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 90) },
  ),
  broken: json(503, { error: 'NotEnoughResources' }),
  proxy: { status: 502, type: 'text/html', body: '<html><h1>502 Bad Gateway</h1></html>' },
  shapeless: json(200, { thread: { post: { uri: 'nonsense' } } }),
  garbled: { status: 200, type: 'application/json', body: '{"thread": ' },
  unreachable: json(
    502,
    { error: 'pds.example could not be reached.' },
    {
      [GATEWAY_ANSWER_HEADER]: 'unreachable',
    },
  ),
  'gateway-timeout': json(
    504,
    { error: 'pds.example did not answer within 30 seconds.' },
    {
      [GATEWAY_ANSWER_HEADER]: 'timeout',
    },
  ),
  'broke-off': json(
    502,
    { error: 'The connection to pds.example broke off.' },
    {
      [GATEWAY_ANSWER_HEADER]: 'failed',
    },
  ),
  held: json(
    429,
    { error: 'Slowpost is waiting before asking pds.example again.' },
    {
      [GATEWAY_ANSWER_HEADER]: 'rate-limited',
      'retry-after': '30',
    },
  ),
  hang: 'hang',
  drop: 'drop',
};

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const rkey = /\/([^/]+)$/.exec(url.searchParams.get('uri') ?? '')?.[1] ?? '';
    const answer = ANSWERS[rkey];
    if (answer === 'hang') return;
    if (answer === 'drop' || answer === undefined) {
      request.socket.destroy();
      return;
    }
    response.writeHead(answer.status, { 'content-type': answer.type ?? '', ...answer.headers });
    response.end(answer.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

async function closedPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const ACCOUNT: Account = {
  id: 'b-1',
  network: 'bluesky',
  handle: 'me.example',
  displayName: 'Me',
  serverOrigin: 'https://pds.example',
  networkUserId: 'did:plc:me',
  isDemo: false,
  addedAt: 0,
  syncCursor: null,
  lastSyncedAt: null,
};

async function failureOf(
  rkey: string,
  options: { baseUrl?: string; online?: boolean; signal?: AbortSignal } = {},
): Promise<ConnectorFailure> {
  const connector = createBlueskyConnector({
    account: ACCOUNT,
    baseUrl: options.baseUrl ?? origin,
    headers: { 'X-Slowpost-Account': ACCOUNT.id },
    isOnline: () => options.online ?? true,
  });
  const error = await connector
    .fetchThread(
      `b-1|at://did:plc:other/app.bsky.feed.post/${rkey}`,
      options.signal === undefined ? {} : { signal: options.signal },
    )
    .then(
      () => null,
      (e: unknown) => e,
    );
  if (!(error instanceof ConnectorError)) throw new Error(`not a ConnectorError: ${String(error)}`);
  return error.failure;
}

describe('what a failed Bluesky call is, for the app', () => {
  it('a session the server will not take is `auth`, in its words', async () => {
    expect(await failureOf('expired')).toEqual({
      kind: 'auth',
      message: 'ExpiredToken: Token has expired',
    });
    expect((await failureOf('invalid')).kind).toBe('auth');
    expect((await failureOf('unauthorized')).kind).toBe('auth');
    expect((await failureOf('signedOut')).kind).toBe('auth');
  });

  it('other refusals are `rejected`, with the server’s reason', async () => {
    expect(await failureOf('gone')).toEqual({
      kind: 'rejected',
      message: 'NotFound: Post not found',
      status: 400,
    });
  });

  it('429 waits as long as the server says (Retry-After, or RateLimit-Reset)', async () => {
    expect(await failureOf('slow')).toMatchObject({ kind: 'rate-limited', retryAfterMs: 120_000 });
    const reset = await failureOf('slow-reset');
    expect(reset.kind).toBe('rate-limited');
    expect((reset as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(60_000);
    expect(await failureOf('held')).toMatchObject({ kind: 'rate-limited', retryAfterMs: 30_000 });
  });

  it('5xx, an HTML error page included, is the server having a problem', async () => {
    expect(await failureOf('broken')).toMatchObject({ kind: 'server', status: 503 });
    expect(await failureOf('proxy')).toMatchObject({ kind: 'server', status: 502 });
  });

  it('an answer that cannot be read is `malformed`; a post in it that cannot be is skipped', async () => {
    expect((await failureOf('garbled')).kind).toBe('malformed');
    const thread = await createBlueskyConnector({
      account: ACCOUNT,
      baseUrl: origin,
      headers: {},
    }).fetchThread('b-1|at://did:plc:other/app.bsky.feed.post/shapeless');
    expect(thread.posts).toEqual([]);
    expect(thread.problems).toEqual([
      { itemId: null, message: expect.stringMatching(/^Invalid post: uri: /) as unknown },
    ]);
  });

  it('nothing sent is `offline`; a lost connection or a deadline is `timeout`', async () => {
    expect((await failureOf('x', { baseUrl: await closedPort() })).kind).toBe('offline');
    expect((await failureOf('drop', { online: false })).kind).toBe('offline');
    expect((await failureOf('drop')).kind).toBe('timeout');
    const deadline = new AbortController();
    const hanging = failureOf('hang', { signal: deadline.signal });
    setTimeout(() => deadline.abort(), 50);
    expect((await hanging).kind).toBe('timeout');
  });

  it("the app's gateway says whether the request reached the server", async () => {
    expect(await failureOf('unreachable')).toEqual({
      kind: 'offline',
      message: 'pds.example could not be reached.',
    });
    expect((await failureOf('gateway-timeout')).kind).toBe('timeout');
    expect((await failureOf('broke-off')).kind).toBe('timeout');
  });
});
