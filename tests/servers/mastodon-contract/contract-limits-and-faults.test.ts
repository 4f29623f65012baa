import { createRestAPIClient, type mastodon } from 'masto';
import { afterEach, describe, expect, it } from 'vitest';
import { startContractServer, type ContractServer } from './contract-server';

function client(server: ContractServer, token: string): mastodon.rest.Client {
  return createRestAPIClient({ url: server.origin, accessToken: token });
}

async function get(server: ContractServer, path: string, token: string) {
  return fetch(`${server.origin}${path}`, { headers: { authorization: `Bearer ${token}` } });
}

describe('the contract server: rate limits, faults, and its own check', { timeout: 60_000 }, () => {
  let server: ContractServer;
  let violationsExpected = false;
  afterEach(async () => {
    if (!violationsExpected) expect(server.violations()).toEqual([]);
    violationsExpected = false;
    await server.stop();
  });

  it('counts requests per token, says so on every answer, and refuses with 429 and Retry-After when spent', async () => {
    server = await startContractServer({
      users: ['alice', 'bob'],
      clock: { startAt: '2025-03-01T10:00:00.000Z', frozen: true },
    });
    const alice = server.tokenFor('alice');
    const first = await get(server, '/api/v1/accounts/verify_credentials', alice);
    expect(first.headers.get('x-ratelimit-limit')).toBe('300');
    expect(first.headers.get('x-ratelimit-remaining')).toBe('299');
    expect(first.headers.get('x-ratelimit-reset')).toBe('2025-03-01T10:05:00.000000Z');

    server.setRateLimit({ limit: 3 });
    for (let i = 0; i < 3; i += 1) {
      expect((await get(server, '/api/v1/notifications', alice)).status).toBe(200);
    }
    const refused = await get(server, '/api/v1/notifications', alice);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('300');
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(await refused.json()).toEqual({ error: 'Too many requests' });
    await expect(client(server, alice).v1.notifications.list()).rejects.toMatchObject({
      statusCode: 429,
    });

    // Another token has its own budget.
    expect((await get(server, '/api/v1/notifications', server.tokenFor('bob'))).status).toBe(200);

    server.clock.advance(300_000);
    const renewed = await get(server, '/api/v1/notifications', alice);
    expect(renewed.status).toBe(200);
    expect(renewed.headers.get('x-ratelimit-remaining')).toBe('2');
    // 3 allowed, 1 refused, 1 refused through masto, 1 renewed (bob's was another token).
    expect(server.requestCounts()['GET /api/v1/notifications']).toBe(7);
  });

  it('a proxy’s HTML error page: text/html, and masto throws a plain TypeError on it', async () => {
    server = await startContractServer({ users: ['alice'] });
    const token = server.tokenFor('alice');
    server.injectFault({ method: 'GET', path: '/api/v1/notifications' }, { kind: 'html-error' }, 2);
    const page = await get(server, '/api/v1/notifications', token);
    expect(page.status).toBe(502);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('502 Bad Gateway');
    await expect(client(server, token).v1.notifications.list()).rejects.toBeInstanceOf(TypeError);
    await expect(client(server, token).v1.notifications.list()).resolves.toEqual([]);
    // The fault broke the contract on purpose: recorded, and marked as asked for.
    expect(server.violations({ includeInjected: true })).toEqual([
      expect.objectContaining({ status: 502, injected: true }),
      expect.objectContaining({ status: 502, injected: true }),
    ]);
  });

  it('a hanging request is never answered; the next one is', async () => {
    server = await startContractServer({ users: ['alice'] });
    const token = server.tokenFor('alice');
    const post = server.post('alice', { text: 'x' });
    server.injectFault({ path: '/api/v1/statuses/{id}' }, { kind: 'hang' });
    const abort = new AbortController();
    const hanging = fetch(`${server.origin}/api/v1/statuses/${post.id}`, {
      headers: { authorization: `Bearer ${token}` },
      signal: abort.signal,
    }).then(
      () => 'answered',
      (error: unknown) => (error instanceof Error ? error.name : 'failed'),
    );
    while ((server.requestCounts()['GET /api/v1/statuses/{id}'] ?? 0) < 1) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const next = await get(server, `/api/v1/statuses/${post.id}`, token);
    expect(next.status).toBe(200);
    abort.abort();
    expect(await hanging).toBe('AbortError');
  });

  it('the validator catches a response that breaks the contract: a malformed notifications page', async () => {
    server = await startContractServer({ users: ['alice', 'bob'] });
    for (let i = 0; i < 5; i += 1) server.mention('bob', 'alice', `m${i}`);
    const token = server.tokenFor('alice');
    server.injectFault(
      { path: '/api/v1/notifications' },
      {
        kind: 'malformed-notifications',
        defects: ['missing-id', 'content-not-string', 'duplicate-id', 'unknown-type'],
      },
    );
    const page = (await (await get(server, '/api/v1/notifications', token)).json()) as Record<
      string,
      unknown
    >[];
    expect(page).toHaveLength(6);
    expect(page[0]?.['id']).toBeUndefined();
    expect((page[1]?.['status'] as Record<string, unknown>)['content']).toBe(42);
    expect(page[3]?.['type']).toBe('x_future_type');
    expect(page[5]?.['id']).toBe(page[0]?.['id']);

    const caught = server.violations({ includeInjected: true }).map((v) => v.message);
    expect(caught).toEqual(
      expect.arrayContaining([
        "body/0 must have required property 'id'",
        'body/1/status/content must be string',
        expect.stringMatching(/^body\/3\/type must be equal to one of the allowed values/),
      ]),
    );

    server.injectFault(
      { path: '/api/v2/notifications' },
      { kind: 'malformed-notifications', defects: ['missing-id', 'content-not-string'] },
    );
    const grouped = (await (await get(server, '/api/v2/notifications', token)).json()) as {
      notification_groups: Record<string, unknown>[];
      statuses: Record<string, unknown>[];
    };
    expect(grouped.notification_groups[0]?.['group_key']).toBeUndefined();
    expect(grouped.statuses[0]?.['content']).toBe(42);
    expect(server.violations({ includeInjected: true }).map((v) => v.message)).toEqual(
      expect.arrayContaining([
        "body/notification_groups/0 must have required property 'group_key'",
        'body/statuses/0/content must be string',
      ]),
    );
  });

  it('a 500 after the status was created: a retry with the same Idempotency-Key gets that status', async () => {
    server = await startContractServer({ users: ['alice'] });
    const token = server.tokenFor('alice');
    server.injectFault(
      { method: 'POST', path: '/api/v1/statuses' },
      { kind: 'error-after-create' },
    );
    const masto = client(server, token);
    const meta = { requestInit: { headers: { 'Idempotency-Key': 'reply-1' } } };
    await expect(masto.v1.statuses.create({ status: 'did it go?' }, meta)).rejects.toMatchObject({
      statusCode: 500,
    });
    expect([...server.state.statuses.values()].map((s) => s.text)).toEqual(['did it go?']);
    const retried = await masto.v1.statuses.create({ status: 'did it go?' }, meta);
    expect(retried.id).toBe([...server.state.statuses.keys()][0]);
    expect(server.state.statuses.size).toBe(1);
  });

  it('requests outside the contract are recorded as violations', async () => {
    server = await startContractServer({ users: ['alice'] });
    violationsExpected = true;
    const token = server.tokenFor('alice');
    const wrong = await get(server, '/api/v1/notifications?limit=lots&since=5', token);
    expect(wrong.status).toBe(200);
    const nowhere = await get(server, '/api/v1/nowhere', token);
    expect(nowhere.status).toBe(404);
    const unimplemented = await get(server, '/api/v1/timelines/home', token);
    expect(unimplemented.status).toBe(404);
    const found = server.violations().map((v) => `${v.where} ${v.path}: ${v.message}`);
    expect(found.sort()).toEqual([
      'request /api/v1/notifications: query must NOT have additional properties (since)',
      'request /api/v1/notifications: query/limit must be integer',
      'request /api/v1/nowhere: no operation in the contract has this method and path',
      'request /api/v1/timelines/home: the contract server does not implement this operation',
    ]);
  });
});
