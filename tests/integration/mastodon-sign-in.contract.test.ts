import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/main/services/clock';
import { createExternalLinks } from '../../electron/main/services/external-links';
import { createMastodonSignIn } from '../../electron/main/services/mastodon-sign-in';
import {
  createNetworkServices,
  type NetworkServices,
} from '../../electron/main/services/network-services';
import { privateFile } from '../../electron/main/services/text-file';
import { UserFacingError } from '../../electron/main/services/user-facing-error';
import { ACCOUNT_HEADER, GATEWAY_ANSWER_HEADER } from '@shared/connectors/gateway';
import { createTestOnlyEncryptor } from '../host/test-only-encryptor';
import { answerAuthorizePage } from '../servers/mastodon-contract/authorize-driver';
import {
  startContractServer,
  type ContractServer,
  type ContractServerOptions,
} from '../servers/mastodon-contract/contract-server';

/**
 * The sign-in and the gateway against the stateful contract server (Mastodon 4.x's OAuth: the
 * metadata, PKCE S256, force_login, deny, single-use codes; rate limits), whose every request and
 * answer is checked against the Mastodon OpenAPI description.
 */

const PAGE = 'http://127.0.0.1:5999';

let server: ContractServer;
let dir: string;
let opened: string[];
let logs: string[];
let network: NetworkServices;

async function start(options: ContractServerOptions = {}): Promise<void> {
  server = await startContractServer({ users: ['alice', 'bob'], ...options });
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slowpost-contract-sign-in-'));
  opened = [];
  logs = [];
  network = createNetworkServices({
    vaultFile: privateFile(join(dir, 'credentials.json')),
    encryptor: createTestOnlyEncryptor(),
    fetch: (input, init) => fetch(input, init),
    clock: systemClock,
    links: createExternalLinks(async (url) => {
      opened.push(url);
    }),
    log: (message) => logs.push(message),
  });
});
afterEach(async () => {
  expect(server.violations()).toEqual([]);
  await server.stop();
  await rm(dir, { recursive: true, force: true });
});

async function refusal(step: Promise<unknown>): Promise<string> {
  try {
    await step;
  } catch (error) {
    expect(error).toBeInstanceOf(UserFacingError);
    return (error as Error).message;
  }
  throw new Error('expected the step to fail');
}

/** Begins a sign-in and answers the server's page as `user` would; the browser follows the redirect. */
async function signIn(
  user: string,
  options: { accountId?: string | null; decision?: 'approve' | 'deny' } = {},
) {
  const begun = await network.signIn.begin({
    server: server.origin,
    accountId: options.accountId ?? null,
  });
  const finished = network.signIn.finish({ attemptId: begun.attemptId, code: null });
  finished.catch(() => undefined);
  const answer = await answerAuthorizePage(begun.authorizeUrl, {
    decision: options.decision ?? 'approve',
    username: user,
    password: `${user}-password`,
  });
  expect(answer.location).not.toBeNull();
  await fetch(answer.location ?? '');
  return { begun, answer, finished };
}

function gatewayGet(accountId: string, path: string): Promise<Response> {
  return network.gateway.handle(
    new Request(`${PAGE}${path}`, { headers: { [ACCOUNT_HEADER]: accountId } }),
  );
}

describe('signing in to a Mastodon 4.x server (the contract server)', { timeout: 60_000 }, () => {
  it('uses PKCE (S256) and the finer scopes the server offers, and signs in', async () => {
    await start();
    const { begun, finished } = await signIn('alice');
    const authorize = new URL(begun.authorizeUrl);
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('code_challenge')).toMatch(/^[\w-]{43}$/);
    expect(authorize.searchParams.get('scope')).toBe('read write:statuses');
    expect(opened).toEqual([begun.authorizeUrl]);
    const account = await finished;
    expect(account).toMatchObject({
      network: 'mastodon',
      handle: `@alice@${server.host}`,
      serverOrigin: server.origin,
      networkUserId: server.state.requireAccount('alice').id,
    });
    expect(server.state.apps.size).toBe(1);
    const me = await gatewayGet(account.id, '/api/v1/accounts/verify_credentials');
    expect(me.status).toBe(200);
  });

  it('asks the server to show its login again for a second account there, and reuses its app', async () => {
    await start();
    const alice = await signIn('alice');
    await alice.finished;
    const bob = await signIn('bob');
    expect(new URL(bob.begun.authorizeUrl).searchParams.get('force_login')).toBe('true');
    expect(bob.answer.askedToSignIn).toBe(true);
    expect((await bob.finished).handle).toBe(`@bob@${server.host}`);
    expect(server.state.apps.size).toBe(1);
  });

  it('says so when the user says no on the server page', async () => {
    await start();
    const { finished } = await signIn('alice', { decision: 'deny' });
    expect(await refusal(finished)).toBe(
      "You said no on the server's page, so Slowpost was not given access.",
    );
    expect(await network.vault.credentials()).toEqual([]);
  });

  it('ignores a return with the wrong state, and takes the right one', async () => {
    await start();
    const begun = await network.signIn.begin({ server: server.origin, accountId: null });
    const finished = network.signIn.finish({ attemptId: begun.attemptId, code: null });
    const answer = await answerAuthorizePage(begun.authorizeUrl, {
      decision: 'approve',
      username: 'alice',
      password: 'alice-password',
    });
    const location = new URL(answer.location ?? '');
    const forged = new URL(location);
    forged.searchParams.set('state', 'forged');
    expect((await fetch(forged)).status).toBe(400);
    await fetch(location);
    expect((await finished).handle).toBe(`@alice@${server.host}`);
  });

  it('refuses a pasted code that is wrong, takes the right one pasted again, and never twice', async () => {
    await start();
    const begun = await network.signIn.begin({
      server: server.origin,
      accountId: null,
      mode: 'paste-code',
    });
    const answer = await answerAuthorizePage(begun.authorizeUrl, {
      decision: 'approve',
      username: 'alice',
      password: 'alice-password',
    });
    const code = answer.shownCode ?? '';
    expect(code).not.toBe('');
    const wrong = await refusal(
      network.signIn.finish({ attemptId: begun.attemptId, code: `${code}x` }),
    );
    expect(wrong).toMatch(/^The code was not accepted\. Check that you copied all of it/);
    const account = await network.signIn.finish({ attemptId: begun.attemptId, code });
    expect(account.handle).toBe(`@alice@${server.host}`);
    expect(await refusal(network.signIn.finish({ attemptId: begun.attemptId, code }))).toMatch(
      /This sign-in has ended/,
    );
  });

  it('works without PKCE on a server older than 4.3', async () => {
    await start({ pkce: false });
    const { begun, finished } = await signIn('alice');
    expect(new URL(begun.authorizeUrl).searchParams.get('code_challenge')).toBeNull();
    expect(new URL(begun.authorizeUrl).searchParams.get('scope')).toBe('read write');
    expect((await finished).handle).toBe(`@alice@${server.host}`);
  });

  it('explains a server that answers with an HTML error page, or not at all', async () => {
    await start();
    server.injectFault(
      { method: 'POST', path: '/api/v1/apps' },
      { kind: 'html-error', status: 502 },
    );
    expect(await refusal(network.signIn.begin({ server: server.origin, accountId: null }))).toMatch(
      /gave an answer Slowpost could not read: it may be having trouble/,
    );
    const patient = createMastodonSignIn({
      vault: network.vault,
      links: createExternalLinks(async () => undefined),
      clock: systemClock,
      fetch: (input, init) => fetch(input, init),
      requestTimeoutMs: 500,
    });
    server.injectFault({ method: 'POST', path: '/api/v1/apps' }, { kind: 'hang' });
    expect(await refusal(patient.begin({ server: server.origin, accountId: null }))).toBe(
      `${server.host} did not answer in time. Try again later.`,
    );
  });

  it('forgets an account: its token is revoked on the server', async () => {
    await start();
    const { finished } = await signIn('alice');
    const account = await finished;
    const token = (await network.vault.credential(account.id))?.accessToken ?? '';
    expect(await network.signIn.forget(account.id)).toEqual({ forgotten: true });
    await expect
      .poll(
        async () =>
          (
            await fetch(`${server.origin}/api/v1/accounts/verify_credentials`, {
              headers: { authorization: `Bearer ${token}` },
            })
          ).status,
        { timeout: 10_000 },
      )
      .toBe(401);
  });
});

describe(
  'the gateway in front of a Mastodon 4.x server (the contract server)',
  { timeout: 60_000 },
  () => {
    async function signedIn(user: string): Promise<string> {
      const { finished } = await signIn(user);
      return (await finished).id;
    }

    it('passes paging and rate-limit headers on, and a revoked token as the server says it', async () => {
      await start();
      const id = await signedIn('alice');
      for (let i = 0; i < 3; i++) server.mention('bob', 'alice', `hello ${i}`);
      const page = await gatewayGet(id, '/api/v1/notifications?limit=2');
      expect(page.status).toBe(200);
      expect(page.headers.get('link')).toMatch(/rel="next"/);
      expect(page.headers.get('x-ratelimit-limit')).toBe('300');
      expect(((await page.json()) as unknown[]).length).toBe(2);

      const token = (await network.vault.credential(id))?.accessToken ?? '';
      server.revokeToken(token);
      const refused = await gatewayGet(id, '/api/v1/notifications');
      expect(refused.status).toBe(401);
      expect(refused.headers.get(GATEWAY_ANSWER_HEADER)).toBeNull();
      expect(await refused.json()).toEqual({ error: 'The access token was revoked' });
    });

    it('keeps the last fifth of the budget for sending, and holds everything after a 429', async () => {
      await start();
      const id = await signedIn('alice');
      server.setRateLimit({ limit: 10, periodSeconds: 300 });
      const before = server.requestTotal();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push((await gatewayGet(id, '/api/v1/notifications')).status);
      // 10 allowed by the server; sync stops while 2 (a fifth) are left.
      expect(statuses.filter((s) => s === 200)).toHaveLength(8);
      expect(statuses.slice(8).every((s) => s === 429)).toBe(true);
      expect(server.requestTotal() - before).toBe(8);

      const post = (text: string) =>
        network.gateway.handle(
          new Request(`${PAGE}/api/v1/statuses`, {
            method: 'POST',
            headers: { [ACCOUNT_HEADER]: id, 'content-type': 'application/json' },
            body: JSON.stringify({ status: text }),
          }),
        );
      expect((await post('one')).status).toBe(200);
      expect((await post('two')).status).toBe(200);
      // Spent: the gateway holds the next one itself, until the reset.
      const held = await post('three');
      expect(held.status).toBe(429);
      expect(held.headers.get(GATEWAY_ANSWER_HEADER)).toBe('rate-limited');
      expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(server.requestTotal() - before).toBe(10);
    });

    it("honours the server's 429 and Retry-After for every request of that account", async () => {
      await start();
      const id = await signedIn('alice');
      const other = await signedIn('bob');
      server.setRateLimit({ limit: 3, periodSeconds: 300 });
      // Another app with the same token spends the budget behind the gateway's back.
      const token = (await network.vault.credential(id))?.accessToken ?? '';
      for (let i = 0; i < 3; i++) {
        await fetch(`${server.origin}/api/v1/markers?timeline[]=notifications`, {
          headers: { authorization: `Bearer ${token}` },
        });
      }
      const refused = await gatewayGet(id, '/api/v1/notifications');
      expect(refused.status).toBe(429);
      expect(refused.headers.get(GATEWAY_ANSWER_HEADER)).toBeNull();
      const retryAfter = Number(refused.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThan(0);
      const before = server.requestTotal();
      const held = await gatewayGet(id, '/api/v1/accounts/verify_credentials');
      expect(held.status).toBe(429);
      expect(held.headers.get(GATEWAY_ANSWER_HEADER)).toBe('rate-limited');
      expect(Number(held.headers.get('retry-after'))).toBeLessThanOrEqual(retryAfter);
      expect(server.requestTotal()).toBe(before);
      // Each account has its own record.
      expect((await gatewayGet(other, '/api/v1/notifications')).status).toBe(200);
    });
  },
);
