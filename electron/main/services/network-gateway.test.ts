import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ACCOUNT_HEADER, GATEWAY_ANSWER_HEADER } from '@shared/connectors/gateway';
import { createTestOnlyEncryptor } from '../../../tests/host/test-only-encryptor';
import {
  sendJson,
  startHttpTestServer,
  type HttpTestServer,
} from '../../../tests/support/http-test-server';
import { createManualClock, type ManualClock } from './clock';
import {
  createCredentialVault,
  type CredentialVault,
  type StoredCredential,
} from './credential-vault';
import { createNetworkGateway, isGatewayRequest, type FetchLike } from './network-gateway';
import { createRateLimits } from './rate-limits';
import { privateFile } from './text-file';

const PAGE = 'http://127.0.0.1:5999';
const TOKEN_A = 'tok-A-3f9c1e-secret';
const TOKEN_B = 'tok-B-77aa02-secret';

let dir: string;
let servers: HttpTestServer[];
let logs: string[];
let clock: ManualClock;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slowpost-gateway-'));
  servers = [];
  logs = [];
  clock = createManualClock(Date.UTC(2026, 11, 1, 9));
});
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  await rm(dir, { recursive: true, force: true });
});

async function server(handler: Parameters<typeof startHttpTestServer>[0]): Promise<HttpTestServer> {
  const started = await startHttpTestServer(handler);
  servers.push(started);
  return started;
}

const credential = (accountId: string, origin: string, accessToken: string): StoredCredential => ({
  accountId,
  network: 'mastodon',
  origin,
  networkUserId: '1',
  handle: '@alice@example.social',
  accessToken,
  refresh: null,
  scope: 'read write',
  clientId: 'c',
  clientSecret: 's-secret',
  createdAt: 0,
});

interface Setup {
  readonly vault: CredentialVault;
  readonly fetchCalls: string[];
  readonly handle: (
    path: string,
    init?: RequestInit & { account?: string | null },
  ) => Promise<Response>;
}

async function setup(
  options: { deadlineMs?: number; trustedOrigin?: string } = {},
): Promise<Setup> {
  const vault = createCredentialVault({
    file: privateFile(join(dir, 'credentials.json')),
    encryptor: createTestOnlyEncryptor(),
    clock,
  });
  const fetchCalls: string[] = [];
  const countingFetch: FetchLike = (input, init) => {
    fetchCalls.push(String(input instanceof Request ? input.url : input));
    return fetch(input, init);
  };
  const gateway = createNetworkGateway({
    vault,
    fetch: countingFetch,
    rateLimits: createRateLimits({ clock }),
    deadlineMs: options.deadlineMs ?? 30_000,
    ...(options.trustedOrigin === undefined
      ? {}
      : { isTrustedOrigin: (origin: string) => origin === options.trustedOrigin }),
    log: (message) => logs.push(message),
  });
  return {
    vault,
    fetchCalls,
    handle: (path, init = {}) => {
      const { account = 'm-aaaaaaaaaaaaaaaa', ...rest } = init;
      const headers = new Headers(rest.headers);
      if (account !== null) headers.set(ACCOUNT_HEADER, account);
      return gateway.handle(new Request(`${PAGE}${path}`, { ...rest, headers }));
    },
  };
}

async function json(response: Response): Promise<{ error?: string }> {
  return (await response.json()) as { error?: string };
}

describe('the network gateway', () => {
  it('is used only for requests that name an account', () => {
    expect(isGatewayRequest(new Request(`${PAGE}/api/v1/x`))).toBe(false);
    expect(
      isGatewayRequest(new Request(`${PAGE}/api/v1/x`, { headers: { [ACCOUNT_HEADER]: 'm-1' } })),
    ).toBe(true);
  });

  it("forwards to the account's own server with its token, and none of the page's credentials", async () => {
    const upstream = await server((_request, response) => sendJson(response, 200, [{ id: '1' }]));
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));

    const response = await handle('/api/v1/notifications?limit=40&types[]=mention', {
      headers: {
        authorization: 'Bearer page-made-this-up',
        cookie: 'session=page',
        accept: 'application/json',
        'accept-language': 'en',
        referer: `${PAGE}/index.html`,
        'x-something': 'else',
      },
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([{ id: '1' }]);
    expect(upstream.received).toHaveLength(1);
    const got = upstream.received[0];
    expect(got?.url).toBe('/api/v1/notifications?limit=40&types[]=mention');
    expect(got?.headers['authorization']).toBe(`Bearer ${TOKEN_A}`);
    expect(got?.headers['cookie']).toBeUndefined();
    expect(got?.headers['referer']).toBeUndefined();
    expect(got?.headers['x-something']).toBeUndefined();
    expect(got?.headers[ACCOUNT_HEADER.toLowerCase()]).toBeUndefined();
    expect(got?.headers['accept']).toBe('application/json');
    expect(got?.headers['accept-language']).toBe('en');
  });

  it('sends a post with its body and idempotency key', async () => {
    const upstream = await server((_request, response) => sendJson(response, 200, { id: '9' }));
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    const response = await handle('/api/v1/statuses', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-1' },
      body: JSON.stringify({ status: 'hello', in_reply_to_id: '5' }),
    });
    expect(response.status).toBe(200);
    const got = upstream.received[0];
    expect(got?.method).toBe('POST');
    expect(JSON.parse(got?.body ?? '')).toEqual({ status: 'hello', in_reply_to_id: '5' });
    expect(got?.headers['idempotency-key']).toBe('key-1');
    expect(got?.headers['content-type']).toBe('application/json');
  });

  it('sends each account to its own server only', async () => {
    const a = await server((_r, response) => sendJson(response, 200, { server: 'a' }));
    const b = await server((_r, response) => sendJson(response, 200, { server: 'b' }));
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', a.origin, TOKEN_A));
    await vault.saveCredential(credential('m-bbbbbbbbbbbbbbbb', b.origin, TOKEN_B));
    expect(await (await handle('/api/v1/x', { account: 'm-bbbbbbbbbbbbbbbb' })).json()).toEqual({
      server: 'b',
    });
    expect(await (await handle('/api/v1/x', { account: 'm-aaaaaaaaaaaaaaaa' })).json()).toEqual({
      server: 'a',
    });
    expect(a.received.map((r) => r.headers['authorization'])).toEqual([`Bearer ${TOKEN_A}`]);
    expect(b.received.map((r) => r.headers['authorization'])).toEqual([`Bearer ${TOKEN_B}`]);
  });

  it('passes the answer on with its status and headers, but never a cookie, and never cached', async () => {
    const upstream = await server((_r, response) => {
      response.writeHead(206, {
        'content-type': 'application/json; charset=utf-8',
        link: '<https://example.social/api/v1/notifications?max_id=7>; rel="next"',
        etag: 'W/"abc"',
        'x-ratelimit-limit': '300',
        'x-ratelimit-remaining': '299',
        'x-ratelimit-reset': new Date(clock.now() + 300_000).toISOString(),
        'retry-after': '5',
        'set-cookie': ['_session=upstream; HttpOnly', 'other=1'],
        'clear-site-data': '"storage"',
        'www-authenticate': 'Basic realm="x"',
        'cache-control': 'public, max-age=3600',
        [GATEWAY_ANSWER_HEADER]: 'unreachable',
      });
      response.end('[]');
    });
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    const response = await handle('/api/v1/notifications');
    expect(response.status).toBe(206);
    expect(await response.text()).toBe('[]');
    const h = response.headers;
    expect(h.get('content-type')).toBe('application/json; charset=utf-8');
    expect(h.get('link')).toContain('rel="next"');
    expect(h.get('etag')).toBe('W/"abc"');
    expect(h.get('x-ratelimit-limit')).toBe('300');
    expect(h.get('x-ratelimit-remaining')).toBe('299');
    expect(h.get('x-ratelimit-reset')).not.toBeNull();
    expect(h.get('retry-after')).toBe('5');
    expect(h.get('set-cookie')).toBeNull();
    expect(h.getSetCookie()).toEqual([]);
    expect(h.get('clear-site-data')).toBeNull();
    expect(h.get('www-authenticate')).toBeNull();
    expect(h.get('cache-control')).toBe('no-store');
    // A server cannot make its answer look like one of the gateway's own.
    expect(h.get(GATEWAY_ANSWER_HEADER)).toBeNull();
  });

  it('answers an account it has no sign-in for itself, sending nothing anywhere', async () => {
    const { handle, fetchCalls } = await setup();
    for (const account of ['m-cccccccccccccccc', '', 'x'.repeat(500)]) {
      const response = await handle('/api/v1/notifications', { account });
      expect(response.status).toBe(401);
      expect(response.headers.get(GATEWAY_ANSWER_HEADER)).toBe('no-account');
      expect(await json(response)).toEqual({ error: 'Slowpost has no sign-in for this account' });
    }
    expect(fetchCalls).toEqual([]);
  });

  it('says so when it cannot read its saved sign-ins', async () => {
    await writeFile(join(dir, 'credentials.json'), 'damaged');
    const { handle } = await setup();
    const response = await handle('/api/v1/notifications');
    expect(response.status).toBe(401);
    expect((await json(response)).error).toMatch(/cannot read the sign-ins it saved/);
  });

  it('forwards only the network paths it knows', async () => {
    const upstream = await server((_r, response) => sendJson(response, 200, {}));
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    for (const path of [
      '/admin/accounts',
      '/oauth/authorize',
      '/oauth/token',
      '/oauth/revoke/more',
      '/api',
      '/index.html',
      '/api/v1/%2e%2e/%2e%2e/admin',
      '/api/v1/statuses%2F..%2F..%2Fadmin',
      '/api/v1/..%5Cadmin',
    ]) {
      const response = await handle(path, { method: 'POST' });
      expect(response.status, path).toBe(404);
      expect(response.headers.get(GATEWAY_ANSWER_HEADER)).toBe('not-allowed');
    }
    expect(upstream.received).toEqual([]);
    for (const path of [
      '/api/v2/notifications',
      '/oauth/revoke',
      '/.well-known/nodeinfo',
      '/nodeinfo/2.0',
      '/xrpc/app.bsky.feed.getTimeline',
    ]) {
      expect((await handle(path)).status, path).toBe(200);
    }
    expect(upstream.received.map((r) => r.url)).toEqual([
      '/api/v2/notifications',
      '/oauth/revoke',
      '/.well-known/nodeinfo',
      '/nodeinfo/2.0',
      '/xrpc/app.bsky.feed.getTimeline',
    ]);
    // The URL parser takes `..` out before anything else sees the path.
    expect((await handle('/api/v1/../../admin')).status).toBe(404);
  });

  it('refuses methods it does not forward', async () => {
    const { handle, fetchCalls } = await setup();
    const response = await handle('/api/v1/notifications', { method: 'OPTIONS' });
    expect(response.status).toBe(405);
    expect(fetchCalls).toEqual([]);
  });

  it('does not follow a redirect to another origin, so the token never goes there', async () => {
    const elsewhere = await server((_r, response) => sendJson(response, 200, { stolen: true }));
    const upstream = await server((request, response) => {
      if (request.url === '/api/v1/moved') {
        response.writeHead(302, { location: '/api/v1/here' });
        response.end();
      } else if (request.url === '/api/v1/here') {
        sendJson(response, 200, { here: true });
      } else {
        response.writeHead(307, { location: `${elsewhere.origin}/api/v1/notifications` });
        response.end();
      }
    });
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    const away = await handle('/api/v1/notifications');
    expect(away.status).toBe(502);
    expect(away.headers.get(GATEWAY_ANSWER_HEADER)).toBe('redirect');
    expect((await json(away)).error).toMatch(/tried to send this request elsewhere/);
    expect(elsewhere.received).toEqual([]);

    const moved = await handle('/api/v1/moved');
    expect(await moved.json()).toEqual({ here: true });
    expect(upstream.received.at(-1)?.headers['authorization']).toBe(`Bearer ${TOKEN_A}`);
  });

  it('talks plain http only to loopback servers', async () => {
    const { vault, handle, fetchCalls } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', 'http://example.social', TOKEN_A));
    const response = await handle('/api/v1/notifications');
    expect(response.status).toBe(403);
    expect((await json(response)).error).toMatch(/only over https/);
    expect(fetchCalls).toEqual([]);
  });

  it('refuses a request from another web page (the loopback host can be reached by any)', async () => {
    const upstream = await server((_r, response) => sendJson(response, 200, {}));
    const { vault, handle } = await setup({ trustedOrigin: PAGE });
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    const evil = await handle('/api/v1/statuses', {
      method: 'POST',
      headers: { origin: 'http://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect(upstream.received).toEqual([]);
    const own = await handle('/api/v1/statuses', { method: 'POST', headers: { origin: PAGE } });
    expect(own.status).toBe(200);
  });

  it('gives up on a server that does not answer within the deadline', async () => {
    let upstreamClosed = false;
    const upstream = await server((_r, _response, raw) => {
      raw.socket.on('close', () => (upstreamClosed = true));
      // never answers
    });
    const { vault, handle } = await setup({ deadlineMs: 300 });
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    const response = await handle('/api/v1/notifications');
    expect(response.status).toBe(504);
    expect(response.headers.get(GATEWAY_ANSWER_HEADER)).toBe('timeout');
    await expect.poll(() => upstreamClosed, { timeout: 10_000 }).toBe(true);
  });

  it('tells a server it never reached from a connection that broke after the request went', async () => {
    const closed = await startHttpTestServer(() => undefined);
    await closed.close();
    const breaking = await server((_r, response) => {
      response.socket?.destroy();
    });
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', closed.origin, TOKEN_A));
    await vault.saveCredential(credential('m-bbbbbbbbbbbbbbbb', breaking.origin, TOKEN_B));
    const unreachable = await handle('/api/v1/notifications');
    expect(unreachable.status).toBe(502);
    expect(unreachable.headers.get(GATEWAY_ANSWER_HEADER)).toBe('unreachable');
    const broke = await handle('/api/v1/statuses', {
      method: 'POST',
      account: 'm-bbbbbbbbbbbbbbbb',
      body: '{}',
    });
    expect(broke.status).toBe(502);
    expect(broke.headers.get(GATEWAY_ANSWER_HEADER)).toBe('failed');
  });

  it('holds every request after a 429 until its Retry-After, answering them itself', async () => {
    let tooMany = true;
    const upstream = await server((_r, response) =>
      tooMany
        ? sendJson(response, 429, { error: 'Too many requests' }, { 'retry-after': '120' })
        : sendJson(response, 200, []),
    );
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    const first = await handle('/api/v1/notifications');
    expect(first.status).toBe(429);
    expect(first.headers.get(GATEWAY_ANSWER_HEADER)).toBeNull();
    tooMany = false;
    const held = await handle('/api/v1/statuses', { method: 'POST', body: '{}' });
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('120');
    expect(held.headers.get(GATEWAY_ANSWER_HEADER)).toBe('rate-limited');
    expect(upstream.received).toHaveLength(1);
    clock.set(clock.now() + 120_000);
    expect((await handle('/api/v1/notifications')).status).toBe(200);
  });

  it('keeps the last fifth of the budget for sending', async () => {
    const upstream = await server((_r, response) =>
      sendJson(response, 200, [], {
        'x-ratelimit-limit': '10',
        'x-ratelimit-remaining': '2',
        'x-ratelimit-reset': new Date(clock.now() + 60_000).toISOString(),
      }),
    );
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    expect((await handle('/api/v1/notifications')).status).toBe(200);
    const held = await handle('/api/v1/notifications');
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toBe('60');
    const sent = await handle('/api/v1/statuses', { method: 'POST', body: '{}' });
    expect(sent.status).toBe(200);
    expect(upstream.received.map((r) => `${r.method} ${r.url}`)).toEqual([
      'GET /api/v1/notifications',
      'POST /api/v1/statuses',
    ]);
  });

  it("turns a server's error page into a readable error with the server's status", async () => {
    const upstream = await server((request, response) => {
      const status = request.url?.includes('notifications') ? 401 : 200;
      response.writeHead(status, { 'content-type': 'text/html', 'x-ratelimit-remaining': '7' });
      response.end('<h1>401 Unauthorized</h1>');
    });
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    const refused = await handle('/api/v1/notifications');
    expect(refused.status).toBe(401);
    expect(refused.headers.get('content-type')).toMatch(/^application\/json/);
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('7');
    expect(refused.headers.get(GATEWAY_ANSWER_HEADER)).toBeNull();
    expect((await json(refused)).error).toMatch(/answered HTTP 401 .*with a page, not data/);
    // A page that is not an error is passed on as it is: the client says it cannot read it.
    const page = await handle('/api/v1/instance');
    expect(page.status).toBe(200);
    expect(await page.text()).toBe('<h1>401 Unauthorized</h1>');
  });

  it('answers HEAD and 204 without a body', async () => {
    const upstream = await server((request, response) => {
      response.writeHead(request.method === 'HEAD' ? 200 : 204, { 'content-type': 'text/plain' });
      response.end();
    });
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', upstream.origin, TOKEN_A));
    const head = await handle('/api/v1/instance', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    const empty = await handle('/api/v1/markers', { method: 'POST', body: '{}' });
    expect(empty.status).toBe(204);
  });

  it('never puts a token in what it answers or logs, whatever goes wrong', async () => {
    const closed = await startHttpTestServer(() => undefined);
    await closed.close();
    const hanging = await server(() => undefined);
    const redirecting = await server((_r, response) => {
      response.writeHead(302, { location: `https://elsewhere.example/${TOKEN_B}` });
      response.end();
    });
    const limited = await server((_r, response) =>
      sendJson(response, 429, {}, { 'retry-after': '30' }),
    );
    const { vault, handle } = await setup({ deadlineMs: 300 });
    const origins = [
      closed.origin,
      hanging.origin,
      redirecting.origin,
      limited.origin,
      'http://example.social',
    ];
    for (const [i, origin] of origins.entries()) {
      await vault.saveCredential(credential(`m-${String(i).repeat(16)}`, origin, TOKEN_A));
    }
    const texts: string[] = [];
    for (const [i] of origins.entries()) {
      for (const path of ['/api/v1/notifications', '/api/v1/notifications', '/admin']) {
        const response = await handle(path, { account: `m-${String(i).repeat(16)}` });
        texts.push(await response.text(), JSON.stringify([...response.headers]));
      }
    }
    texts.push(...logs);
    expect(logs.length).toBeGreaterThan(0);
    for (const text of texts) {
      expect(text).not.toContain(TOKEN_A);
      expect(text).not.toContain(TOKEN_B);
    }
  });

  it('tries a reading request once more when the server had closed the connection, and a post never', async () => {
    let calls = 0;
    const flaky = await server((request, response) => {
      calls++;
      if (calls === 1 || request.method === 'POST') response.socket?.destroy();
      else sendJson(response, 200, { ok: true });
    });
    const { vault, handle } = await setup();
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', flaky.origin, TOKEN_A));
    const read = await handle('/api/v1/notifications');
    expect(read.status).toBe(200);
    expect(flaky.received.map((r) => r.method)).toEqual(['GET', 'GET']);
    const post = await handle('/api/v1/statuses', { method: 'POST', body: '{}' });
    expect(post.headers.get(GATEWAY_ANSWER_HEADER)).toBe('failed');
    expect(flaky.received.map((r) => r.method)).toEqual(['GET', 'GET', 'POST']);
  });

  it("says a redirect was refused when Electron's fetch stops at one (it never hands it back)", async () => {
    const vault = createCredentialVault({
      file: privateFile(join(dir, 'credentials.json')),
      encryptor: createTestOnlyEncryptor(),
      clock,
    });
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', 'https://example.social', TOKEN_A));
    const gateway = createNetworkGateway({
      vault,
      fetch: () => Promise.reject(new Error('Redirect was cancelled')),
      rateLimits: createRateLimits({ clock }),
    });
    const response = await gateway.handle(
      new Request(`${PAGE}/api/v1/notifications`, {
        headers: { [ACCOUNT_HEADER]: 'm-aaaaaaaaaaaaaaaa' },
      }),
    );
    expect(response.status).toBe(502);
    expect(response.headers.get(GATEWAY_ANSWER_HEADER)).toBe('redirect');
  });

  it("tells Electron's network errors apart: nothing sent, or maybe sent", async () => {
    const vault = createCredentialVault({
      file: privateFile(join(dir, 'credentials.json')),
      encryptor: createTestOnlyEncryptor(),
      clock,
    });
    await vault.saveCredential(credential('m-aaaaaaaaaaaaaaaa', 'https://example.social', TOKEN_A));
    const answerFor = async (message: string) => {
      const gateway = createNetworkGateway({
        vault,
        fetch: () => Promise.reject(new Error(message)),
        rateLimits: createRateLimits({ clock }),
      });
      const response = await gateway.handle(
        new Request(`${PAGE}/api/v1/statuses`, {
          method: 'POST',
          body: '{}',
          headers: { [ACCOUNT_HEADER]: 'm-aaaaaaaaaaaaaaaa' },
        }),
      );
      return response.headers.get(GATEWAY_ANSWER_HEADER);
    };
    expect(await answerFor('net::ERR_INTERNET_DISCONNECTED')).toBe('unreachable');
    expect(await answerFor('net::ERR_NAME_NOT_RESOLVED')).toBe('unreachable');
    expect(await answerFor('net::ERR_CERT_AUTHORITY_INVALID')).toBe('unreachable');
    expect(await answerFor('net::ERR_CONNECTION_RESET')).toBe('failed');
    expect(await answerFor('net::ERR_EMPTY_RESPONSE')).toBe('failed');
  });
});
