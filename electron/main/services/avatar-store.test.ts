import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpTestServer, type HttpTestServer } from '../../../tests/support/http-test-server';
import { createAvatarStore, urlRefusal, type AvatarStoreOptions } from './avatar-store';
import { createManualClock, type ManualClock } from './clock';

// The avatar store against a real HTTP server on 127.0.0.1 (standing in for a person's server).

/** The smallest valid PNG (1×1), as a server would send it. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let dir: string;
let server: HttpTestServer;
let clock: ManualClock;
let logs: string[];

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slowpost-avatars-'));
  clock = createManualClock(Date.UTC(2026, 11, 1, 9));
  logs = [];
  server = await startHttpTestServer((request, response) => {
    const path = request.url;
    if (path === '/a.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(PNG);
    } else if (path === '/page.png') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end('<html><body>Sign in to see this picture</body></html>');
    } else if (path === '/lying.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    } else if (path === '/huge.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      response.end(Buffer.concat([PNG, Buffer.alloc(5000)]));
    } else if (path === '/slow.png') {
      // Headers come, the picture never does.
      response.writeHead(200, { 'content-type': 'image/png' });
      response.write(PNG.subarray(0, 8));
    } else if (path === '/moved') {
      response.writeHead(302, { location: '/a.png' });
      response.end();
    } else if (path === '/to-elsewhere') {
      response.writeHead(302, { location: 'http://10.0.0.1/secret.png' });
      response.end();
    } else {
      response.writeHead(404);
      response.end();
    }
  });
});
afterEach(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

function store(overrides: Partial<AvatarStoreOptions> = {}) {
  return createAvatarStore({
    dir,
    fetch: (input, init) => fetch(input, init),
    clock,
    accountOrigins: () => Promise.resolve([server.origin]),
    log: (m) => logs.push(m),
    maxBytes: 4096,
    ...overrides,
  });
}

const requestsFor = (path: string) => server.received.filter((r) => r.url === path).length;

describe('the avatar store', () => {
  it('fetches a picture once, stores it under its hash and serves it from disk with its type', async () => {
    const avatars = store();
    const url = `${server.origin}/a.png`;
    const [first] = await avatars.store([url, url]);
    expect(first?.reason).toBeNull();
    expect(first?.key).toMatch(/^[0-9a-f]{64}\.png$/);
    const [second] = await avatars.store([url]);
    expect(second?.key).toBe(first?.key);
    expect(requestsFor('/a.png')).toBe(1);
    expect(server.received[0]?.headers['cookie']).toBeUndefined();

    const served = await avatars.serve(`/avatars/${first?.key ?? ''}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(PNG);
  });

  it('survives a restart: a new store serves what the old one stored, without asking again', async () => {
    const url = `${server.origin}/a.png`;
    const [stored] = await store().store([url]);
    const restarted = store();
    const [again] = await restarted.store([url]);
    expect(again?.key).toBe(stored?.key);
    expect(requestsFor('/a.png')).toBe(1);
    expect((await restarted.serve(`/avatars/${again?.key ?? ''}`)).status).toBe(200);
  });

  it('refuses an HTML answer, saying why', async () => {
    const [answer] = await store().store([`${server.origin}/page.png`]);
    expect(answer?.key).toBeNull();
    expect(answer?.reason).toBe(
      'The answer was text/html, not a PNG, JPEG, GIF, WebP or AVIF image.',
    );
    expect(logs.join('\n')).toContain('text/html, not a PNG');
  });

  it('refuses bytes that are not the image the answer claims', async () => {
    const [answer] = await store().store([`${server.origin}/lying.png`]);
    expect(answer?.key).toBeNull();
    expect(answer?.reason).toContain('its bytes are not that kind of image');
  });

  it('refuses a picture larger than the cap', async () => {
    const [answer] = await store().store([`${server.origin}/huge.png`]);
    expect(answer?.key).toBeNull();
    expect(answer?.reason).toMatch(/larger than 4096 bytes/);
    expect(logs.join('\n')).toMatch(/huge\.png: The picture is larger than 4096 bytes/);
  });

  it('gives up on a server that does not finish within the time allowed', async () => {
    const pending = store({ timeoutMs: 5000 }).store([`${server.origin}/slow.png`]);
    await expect.poll(() => requestsFor('/slow.png')).toBe(1);
    clock.set(clock.now() + 5000);
    const [answer] = await pending;
    expect(answer?.key).toBeNull();
    expect(answer?.reason).toBe('The server took longer than 5000 ms.');
  });

  it('does not ask again soon after a failure, and tries again later', async () => {
    const avatars = store({ retryAfterMs: 60_000 });
    const url = `${server.origin}/page.png`;
    await avatars.store([url]);
    await avatars.store([url]);
    expect(requestsFor('/page.png')).toBe(1);
    clock.set(clock.now() + 60_000);
    await avatars.store([url]);
    expect(requestsFor('/page.png')).toBe(2);
  });

  it('follows a redirect, checking where it leads', async () => {
    const [moved] = await store().store([`${server.origin}/moved`]);
    expect(moved?.key).toMatch(/\.png$/);
    const [elsewhere] = await store().store([`${server.origin}/to-elsewhere`]);
    expect(elsewhere?.key).toBeNull();
    expect(elsewhere?.reason).toMatch(/plain http .* not 10\.0\.0\.1/);
  });

  it("fetches plain http only from the accounts' own servers", async () => {
    const [answer] = await store({ accountOrigins: () => Promise.resolve([]) }).store([
      `${server.origin}/a.png`,
    ]);
    expect(answer?.key).toBeNull();
    expect(requestsFor('/a.png')).toBe(0);
  });

  it('serves nothing for a key it did not make', async () => {
    const avatars = store();
    for (const path of ['/avatars/../index.json', '/avatars/index.json', '/avatars/abc.png']) {
      expect((await avatars.serve(path)).status).toBe(404);
    }
  });
});

describe('which picture addresses main fetches', () => {
  const accounts = ['http://127.0.0.1:3000'];
  it.each([
    ['https://files.mastodon.social/accounts/avatars/1.png', null],
    ['http://127.0.0.1:3000/avatars/1.png', null],
    ['http://cdn.example/1.png', /plain http/],
    ['https://127.0.0.1/1.png', /local or private/],
    ['https://localhost/1.png', /local or private/],
    ['https://192.168.1.1/1.png', /local or private/],
    ['https://169.254.169.254/latest/meta-data', /local or private/],
    ['https://[::1]/1.png', /local or private/],
    ['https://[fd00::1]/1.png', /local or private/],
    ['https://2130706433/1.png', /local or private/],
    ['https://user:pw@example.com/1.png', /user name or password/],
    ['file:///etc/passwd', /Only http and https/],
    ['data:image/png;base64,AAAA', /Only http and https/],
    ['not a url', /not a URL/],
  ])('%s', (url, expected) => {
    const refusal = urlRefusal(url, accounts);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});
