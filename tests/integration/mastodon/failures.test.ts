/**
 * How every failure of a call through `masto` reaches the app: real HTTP on 127.0.0.1, a server
 * that answers each path the way servers (and proxies, and the app's own gateway) fail.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConnectorError, type ConnectorFailure } from '@shared/connectors/connector';
import { GATEWAY_ANSWER_HEADER } from '@shared/connectors/gateway';
import type { Account } from '@shared/domain';
import { createMastodonConnector } from '../../../renderer/src/connectors/mastodon/mastodon-connector';

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

/** What the server answers `GET /api/v1/statuses/<id>`, by id. */
const ANSWERS: Record<string, Answer | 'hang' | 'drop'> = {
  revoked: json(401, { error: 'The access token was revoked' }),
  scope: json(403, { error: 'This action is outside the authorized scopes' }),
  forbidden: json(403, { error: 'This action is not allowed' }),
  gone: json(404, { error: 'Record not found' }),
  invalid: json(422, { error: 'Validation failed: Text character limit of 500 exceeded' }),
  slow: json(429, { error: 'Too many requests' }, { 'retry-after': '120' }),
  'slow-until': json(
    429,
    { error: 'Too many requests' },
    { 'x-ratelimit-reset': new Date(Date.now() + 90_000).toISOString() },
  ),
  broken: json(503, { error: 'Service unavailable' }),
  proxy: {
    status: 502,
    type: 'text/html',
    body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
  },
  plain: { status: 500, type: 'text/plain', body: 'oops' },
  garbled: { status: 200, type: 'application/json', body: '{"id": "1", "content": ' },
  shapeless: json(200, { id: 7 }),
  unreachable: json(
    502,
    { error: 'example.social could not be reached.' },
    {
      [GATEWAY_ANSWER_HEADER]: 'unreachable',
    },
  ),
  'gateway-timeout': json(
    504,
    { error: 'example.social did not answer within 30 seconds.' },
    {
      [GATEWAY_ANSWER_HEADER]: 'timeout',
    },
  ),
  'broke-off': json(
    502,
    { error: 'The connection to example.social broke off.' },
    {
      [GATEWAY_ANSWER_HEADER]: 'failed',
    },
  ),
  hang: 'hang',
  drop: 'drop',
};

let server: Server;
let origin: string;

beforeAll(async () => {
  server = createServer((request, response) => {
    const id = /^\/api\/v1\/statuses\/([^/?]+)/.exec(request.url ?? '')?.[1];
    if (id === undefined) {
      // Not a status (the instance, read first): this server does not say.
      response.writeHead(404, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ error: 'Record not found' }));
      return;
    }
    const answer = ANSWERS[decodeURIComponent(id)];
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

/** An origin on a port nothing listens on (the connection is refused). */
async function closedPort(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return `http://127.0.0.1:${port}`;
}

const ACCOUNT: Account = {
  id: 'm-1',
  network: 'mastodon',
  handle: '@me@example.social',
  displayName: 'Me',
  serverOrigin: 'https://example.social',
  networkUserId: '1',
  isDemo: false,
  addedAt: 0,
  syncCursor: null,
  lastSyncedAt: null,
};

async function failureOf(
  id: string,
  options: { baseUrl?: string; online?: boolean; signal?: AbortSignal } = {},
): Promise<ConnectorFailure> {
  const connector = createMastodonConnector({
    account: ACCOUNT,
    baseUrl: options.baseUrl ?? origin,
    headers: { 'X-Slowpost-Account': ACCOUNT.id },
    isOnline: () => options.online ?? true,
  });
  const error = await connector
    .fetchThread(`m-1|${id}`, options.signal === undefined ? {} : { signal: options.signal })
    .then(
      () => null,
      (e: unknown) => e,
    );
  if (!(error instanceof ConnectorError)) throw new Error(`not a ConnectorError: ${String(error)}`);
  return error.failure;
}

describe('what a failed call is, for the app', () => {
  it("a refused sign-in is `auth`, in the server's words", async () => {
    expect(await failureOf('revoked')).toEqual({
      kind: 'auth',
      message: 'The access token was revoked',
    });
    expect((await failureOf('scope')).kind).toBe('auth');
    expect(await failureOf('forbidden')).toEqual({
      kind: 'rejected',
      message: 'This action is not allowed',
      status: 403,
    });
  });

  it("404 and 422 are refusals, with the server's reason", async () => {
    expect(await failureOf('gone')).toEqual({
      kind: 'rejected',
      message: 'Record not found',
      status: 404,
    });
    expect(await failureOf('invalid')).toEqual({
      kind: 'rejected',
      message: 'Validation failed: Text character limit of 500 exceeded',
      status: 422,
    });
  });

  it('429 waits as long as the server says (Retry-After, or when its budget resets)', async () => {
    expect(await failureOf('slow')).toMatchObject({ kind: 'rate-limited', retryAfterMs: 120_000 });
    const until = await failureOf('slow-until');
    expect(until.kind).toBe('rate-limited');
    expect((until as { retryAfterMs: number }).retryAfterMs).toBeGreaterThan(0);
  });

  it('5xx is the server having a problem', async () => {
    expect(await failureOf('broken')).toMatchObject({ kind: 'server', status: 503 });
  });

  it('an HTML error page, another content type, unreadable JSON or the wrong shape are `malformed`', async () => {
    expect(await failureOf('proxy')).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/web page instead of data/) as unknown,
    });
    expect((await failureOf('plain')).kind).toBe('malformed');
    expect(await failureOf('garbled')).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/not readable JSON/) as unknown,
    });
    expect(await failureOf('shapeless')).toMatchObject({
      kind: 'malformed',
      message: expect.stringMatching(/^Invalid post: uri: /) as unknown,
    });
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
      message: 'example.social could not be reached.',
    });
    expect((await failureOf('gateway-timeout')).kind).toBe('timeout');
    expect((await failureOf('broke-off')).kind).toBe('timeout');
  });
});
