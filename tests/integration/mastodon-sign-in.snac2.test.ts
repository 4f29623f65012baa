import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { systemClock } from '../../electron/main/services/clock';
import { createExternalLinks } from '../../electron/main/services/external-links';
import {
  createNetworkServices,
  type NetworkServices,
} from '../../electron/main/services/network-services';
import { privateFile } from '../../electron/main/services/text-file';
import { UserFacingError } from '../../electron/main/services/user-facing-error';
import { ACCOUNT_HEADER } from '@shared/connectors/gateway';
import { createTestOnlyEncryptor } from '../host/test-only-encryptor';
import { snac2Unavailable, startSnac2, type Snac2Server } from '../servers/snac2/snac2-server';
import { chromiumLaunchOptions } from '../support/chromium';
import { startHttpTestServer } from '../support/http-test-server';

/**
 * Slowpost's Mastodon sign-in against a real server nobody here wrote: snac2, with real app
 * registration, a real authorize page and login form, and the code sent back to the loopback
 * listener (or shown for pasting).
 */

const unavailable = snac2Unavailable();
if (unavailable !== null) console.warn(`Mastodon sign-in against snac2 SKIPPED: ${unavailable}`);

let snac: Snac2Server;
let dir: string;
let opened: string[];
let logs: string[];
let network: NetworkServices;
/** Every error message the sign-in gave, to check no secret is in any of them. */
let errors: string[];

beforeAll(async () => {
  if (unavailable === null) snac = await startSnac2({ users: ['alice', 'bob'] });
}, 60_000);
afterAll(async () => {
  await snac?.stop();
});

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'slowpost-sign-in-'));
  opened = [];
  logs = [];
  errors = [];
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
  await rm(dir, { recursive: true, force: true });
});

/** Runs a step that must fail with a sentence for the user, and returns that sentence. */
async function refusal(step: Promise<unknown>): Promise<string> {
  try {
    await step;
  } catch (error) {
    expect(error).toBeInstanceOf(UserFacingError);
    const message = (error as Error).message;
    errors.push(message);
    return message;
  }
  throw new Error('expected the step to fail');
}

/**
 * What a person does on snac's authorize page, over plain HTTP: open it, fill in the login form
 * and send it. Returns snac's answer to the form (a redirect to the loopback, or the code page).
 */
async function logInOnSnac(authorizeUrl: string, user: string): Promise<Response> {
  const page = await (await fetch(authorizeUrl)).text();
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  if (action === undefined) throw new Error(`no login form on snac's authorize page: ${page}`);
  const form = new URLSearchParams();
  for (const [, name, value] of page.matchAll(
    /<input type="hidden" name="(\w+)" value="([^"]*)"/g,
  )) {
    form.set(name ?? '', value ?? '');
  }
  form.set('login', user);
  form.set('passwd', snac.users.get(user)?.password ?? '');
  return fetch(action, { method: 'POST', body: form, redirect: 'manual' });
}

/** Logs in on snac and lets the browser follow snac's redirect to Slowpost's loopback listener. */
async function logInAndComeBack(authorizeUrl: string, user: string): Promise<string> {
  const answer = await logInOnSnac(authorizeUrl, user);
  const location = answer.headers.get('location');
  if (location === null) throw new Error(`snac answered ${answer.status} without a redirect`);
  return (await fetch(location)).text();
}

async function signIn(user: string, accountId: string | null = null) {
  const begun = await network.signIn.begin({ server: snac.origin, accountId });
  const finished = network.signIn.finish({ attemptId: begun.attemptId, code: null });
  await logInAndComeBack(begun.authorizeUrl, user);
  return { begun, account: await finished };
}

function secretsOf(credential: { accessToken: string; clientSecret: string | null }): string[] {
  return [credential.accessToken, credential.clientSecret ?? ''];
}

describe.skipIf(unavailable !== null)('signing in to a real Mastodon-API server (snac2)', () => {
  it('signs in through the authorize page in a real browser, with the code sent to the loopback listener', async () => {
    const begun = await network.signIn.begin({ server: snac.origin, accountId: null });
    expect(begun.mode).toBe('loopback');
    expect(begun.server).toBe(snac.origin);
    // Main opened the system browser at the authorize page itself.
    expect(opened).toEqual([begun.authorizeUrl]);
    const authorize = new URL(begun.authorizeUrl);
    expect(authorize.origin).toBe(snac.origin);
    expect(authorize.pathname).toBe('/oauth/authorize');
    expect(authorize.searchParams.get('redirect_uri')).toMatch(
      /^http:\/\/127\.0\.0\.1:\d+\/callback$/,
    );
    // snac offers no OAuth metadata, so no PKCE; nobody is signed in there yet.
    expect(authorize.searchParams.get('code_challenge')).toBeNull();
    expect(authorize.searchParams.get('force_login')).toBeNull();

    const finished = network.signIn.finish({ attemptId: begun.attemptId, code: null });
    const browser = await chromium.launch(chromiumLaunchOptions());
    try {
      const page = await browser.newPage();
      await page.goto(begun.authorizeUrl);
      await page.locator('input[name="login"]').fill('alice');
      await page.locator('input[name="passwd"]').fill(snac.users.get('alice')?.password ?? '');
      await page.getByRole('button', { name: 'OK' }).click();
      await expect
        .poll(() => page.getByRole('heading', { name: 'Signed in' }).isVisible(), {
          timeout: 15_000,
        })
        .toBe(true);
      expect(await page.getByText('You are signed in. You can close this tab').isVisible()).toBe(
        true,
      );
    } finally {
      await browser.close();
    }

    const account = await finished;
    const port = new URL(snac.origin).port;
    expect(account).toMatchObject({
      network: 'mastodon',
      handle: `@alice@localhost:${port}`,
      serverOrigin: snac.origin,
    });
    expect(account.id).toMatch(/^m-[0-9a-f]{16}$/);
    expect(account.networkUserId.length).toBeGreaterThan(0);
    const stored = await network.vault.credential(account.id);
    expect(stored?.networkUserId).toBe(account.networkUserId);

    // The gateway now makes that account's requests, with its token, to that server only.
    const me = await network.gateway.handle(
      new Request('http://127.0.0.1:5999/api/v1/accounts/verify_credentials', {
        headers: { [ACCOUNT_HEADER]: account.id },
      }),
    );
    expect(me.status).toBe(200);
    expect(((await me.json()) as { username: string }).username).toBe('alice');
  }, 60_000);

  it('reuses its app on a server, asks the server to show its login for a second account, and keeps both', async () => {
    const alice = await signIn('alice');
    const app = await network.vault.app(snac.origin);
    const bob = await signIn('bob');
    expect(new URL(bob.begun.authorizeUrl).searchParams.get('force_login')).toBe('true');
    expect(new URL(bob.begun.authorizeUrl).searchParams.get('client_id')).toBe(app?.clientId);
    expect(await network.vault.app(snac.origin)).toEqual(app);
    expect(bob.account.id).not.toBe(alice.account.id);
    expect(bob.account.handle).toMatch(/^@bob@localhost:/);
    expect((await network.vault.credentials()).map((c) => c.handle).sort()).toEqual([
      alice.account.handle,
      bob.account.handle,
    ]);
  }, 30_000);

  it('signs in again for an account: the same account on the same server gets a new token', async () => {
    const first = await signIn('alice');
    const before = await network.vault.credential(first.account.id);
    const again = await signIn('alice', first.account.id);
    expect(again.account.id).toBe(first.account.id);
    const after = await network.vault.credential(first.account.id);
    expect(after?.accessToken).not.toBe(before?.accessToken);
    // The old token was revoked; the new one works.
    const me = await network.gateway.handle(
      new Request('http://127.0.0.1:5999/api/v1/accounts/verify_credentials', {
        headers: { [ACCOUNT_HEADER]: first.account.id },
      }),
    );
    expect(me.status).toBe(200);
    expect(await network.vault.credentials()).toHaveLength(1);
    // Adding the same account again is signing it in again, not a second copy.
    const added = await signIn('alice');
    expect(added.account.id).toBe(first.account.id);
    expect(await network.vault.credentials()).toHaveLength(1);
  }, 30_000);

  it('refuses to sign an account in again as someone else, and keeps the old sign-in', async () => {
    const alice = await signIn('alice');
    const before = await network.vault.credential(alice.account.id);
    const begun = await network.signIn.begin({ server: snac.origin, accountId: alice.account.id });
    const finished = network.signIn.finish({ attemptId: begun.attemptId, code: null });
    await logInAndComeBack(begun.authorizeUrl, 'bob');
    const message = await refusal(finished);
    expect(message).toMatch(
      /^You signed in as @bob@localhost:\d+, but this account is @alice@localhost:\d+\. Sign in as @alice@localhost:\d+, or add @bob@localhost:\d+ as another account\.$/,
    );
    expect(await network.vault.credential(alice.account.id)).toEqual(before);
    expect(
      await refusal(
        network.signIn.begin({ server: 'https://other.example', accountId: alice.account.id }),
      ),
    ).toMatch(/is on localhost:\d+, not other\.example/);
  }, 30_000);

  it('signs in with the code pasted from the server page', async () => {
    const begun = await network.signIn.begin({
      server: snac.origin,
      accountId: null,
      mode: 'paste-code',
    });
    expect(begun.mode).toBe('paste-code');
    expect(new URL(begun.authorizeUrl).searchParams.get('redirect_uri')).toBe(
      'urn:ietf:wg:oauth:2.0:oob',
    );
    const shown = await (await logInOnSnac(begun.authorizeUrl, 'alice')).text();
    // snac shows `<code>&state=<state>`; Slowpost takes it as it is pasted.
    expect(shown).toMatch(/^\w+&state=/);
    expect(
      await refusal(network.signIn.finish({ attemptId: begun.attemptId, code: null })),
    ).toMatch(/Paste the code/);
    expect(
      await refusal(network.signIn.finish({ attemptId: begun.attemptId, code: 'two words' })),
    ).toMatch(/does not look like a sign-in code/);
    const account = await network.signIn.finish({
      attemptId: begun.attemptId,
      code: `  ${shown}\n`,
    });
    expect(account.handle).toMatch(/^@alice@localhost:/);
    expect(
      await refusal(network.signIn.finish({ attemptId: begun.attemptId, code: shown })),
    ).toMatch(/This sign-in has ended/);
  }, 30_000);

  it('says a code that does not work was not accepted, and keeps nothing', async () => {
    const begun = await network.signIn.begin({
      server: snac.origin,
      accountId: null,
      mode: 'paste-code',
    });
    const made_up = 'deadbeefdeadbeefdeadbeefdeadbeef';
    const message = await refusal(
      network.signIn.finish({ attemptId: begun.attemptId, code: made_up }),
    );
    // snac hands out a token for any code; the token then does not work.
    expect(message).toMatch(/did not accept the sign-in it had just given|code was not accepted/);
    expect(message).not.toContain(made_up);
    expect(await network.vault.credentials()).toEqual([]);
  }, 30_000);

  it('ignores a return to the listener with the wrong state, and takes the right one', async () => {
    const begun = await network.signIn.begin({ server: snac.origin, accountId: null });
    const listener = new URL(new URL(begun.authorizeUrl).searchParams.get('redirect_uri') ?? '');
    const forged = await fetch(`${listener.href}?code=forged&state=guessed`);
    expect(forged.status).toBe(400);
    const finished = network.signIn.finish({ attemptId: begun.attemptId, code: null });
    await logInAndComeBack(begun.authorizeUrl, 'alice');
    expect((await finished).handle).toMatch(/^@alice@/);
  }, 30_000);

  it('stops a sign-in that is cancelled, or replaced by a newer one', async () => {
    const first = await network.signIn.begin({ server: snac.origin, accountId: null });
    const waiting = network.signIn.finish({ attemptId: first.attemptId, code: null });
    network.signIn.cancel(first.attemptId);
    expect(await refusal(waiting)).toBe('The sign-in was cancelled.');

    const older = await network.signIn.begin({ server: snac.origin, accountId: null });
    const redirectOf = (url: string) => new URL(url).searchParams.get('redirect_uri');
    expect(redirectOf(older.authorizeUrl)).toBe(redirectOf(first.authorizeUrl));
    const olderRefused = refusal(network.signIn.finish({ attemptId: older.attemptId, code: null }));
    const newer = await network.signIn.begin({ server: snac.origin, accountId: null });
    expect(await olderRefused).toMatch(/Another sign-in was started/);
    // The same app, listening on the same port again.
    expect(redirectOf(newer.authorizeUrl)).toBe(redirectOf(older.authorizeUrl));
    const finished = network.signIn.finish({ attemptId: newer.attemptId, code: null });
    await logInAndComeBack(newer.authorizeUrl, 'alice');
    expect((await finished).handle).toMatch(/^@alice@/);
  }, 30_000);

  it('forgets an account: its credentials are gone and the gateway no longer knows it', async () => {
    const { account } = await signIn('alice');
    expect(await network.signIn.forget(account.id)).toEqual({ forgotten: true });
    expect(await network.vault.credential(account.id)).toBeNull();
    expect(await network.signIn.forget(account.id)).toEqual({ forgotten: false });
    const response = await network.gateway.handle(
      new Request('http://127.0.0.1:5999/api/v1/notifications', {
        headers: { [ACCOUNT_HEADER]: account.id },
      }),
    );
    expect(response.status).toBe(401);
  }, 30_000);

  it('explains a server that is not there, and an address that is not a server', async () => {
    const gone = await startHttpTestServer(() => undefined);
    await gone.close();
    expect(await refusal(network.signIn.begin({ server: gone.origin, accountId: null }))).toMatch(
      /^127\.0\.0\.1:\d+ did not answer\. Check the address, or try again later\.$/,
    );
    expect(
      await refusal(network.signIn.begin({ server: 'not a server', accountId: null })),
    ).toMatch(/^That is not a server address/);
    const html = await startHttpTestServer((_r, response) => {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html>a blog</html>');
    });
    expect(await refusal(network.signIn.begin({ server: html.origin, accountId: null }))).toMatch(
      /does not look like a Mastodon server/,
    );
    await html.close();
    expect(opened).toEqual([]);
  }, 30_000);

  it('never puts a token, a client secret or a code in a message or a log line', async () => {
    // Run the paths that fail, after a sign-in, so the vault holds secrets to leak.
    const { account } = await signIn('alice');
    const begun = await network.signIn.begin({ server: snac.origin, accountId: account.id });
    const finished = network.signIn.finish({ attemptId: begun.attemptId, code: null });
    const answer = await logInOnSnac(begun.authorizeUrl, 'bob');
    const code = new URL(answer.headers.get('location') ?? '').searchParams.get('code') ?? '';
    await fetch(answer.headers.get('location') ?? '');
    await refusal(finished);
    const pasted = await network.signIn.begin({
      server: snac.origin,
      accountId: null,
      mode: 'paste-code',
    });
    await refusal(network.signIn.finish({ attemptId: pasted.attemptId, code: `${code}x` }));
    await refusal(network.signIn.finish({ attemptId: pasted.attemptId, code: `${code} ${code}` }));
    network.signIn.cancel(pasted.attemptId);

    const credentials = await network.vault.credentials();
    const app = await network.vault.app(snac.origin);
    const secrets = [...credentials.flatMap(secretsOf), app?.clientSecret ?? '', code].filter(
      (s) => s.length > 0,
    );
    expect(secrets.length).toBeGreaterThanOrEqual(3);
    expect(errors.length).toBeGreaterThanOrEqual(3);
    for (const text of [...errors, ...logs, ...opened]) {
      for (const secret of secrets) expect(text).not.toContain(secret);
    }
  }, 30_000);
});
