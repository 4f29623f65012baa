import { createHash, randomBytes } from 'node:crypto';
import { createOAuthAPIClient, createRestAPIClient, type mastodon } from 'masto';
import { afterEach, describe, expect, it } from 'vitest';
import { answerAuthorizePage } from './authorize-driver';
import { startContractServer, type ContractServer } from './contract-server';

const REDIRECT = 'http://127.0.0.1:9/callback';

function pkcePair(): { verifier: string; challenge: string } {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

function authorizeUrl(
  server: ContractServer,
  app: { clientId: string },
  extra: Record<string, string> = {},
): string {
  const url = new URL('/oauth/authorize', server.origin);
  url.search = new URLSearchParams({
    client_id: app.clientId,
    redirect_uri: REDIRECT,
    response_type: 'code',
    scope: 'read write',
    state: 'the-state',
    ...extra,
  }).toString();
  return url.toString();
}

async function registerApp(server: ContractServer, redirectUris = REDIRECT) {
  const masto = createRestAPIClient({ url: server.origin });
  const app = await masto.v1.apps.create({
    clientName: 'Slowpost',
    redirectUris,
    scopes: 'read write',
    website: 'https://slowpost.example',
  });
  return { clientId: app.clientId ?? '', clientSecret: app.clientSecret ?? '' };
}

/** masto's token params have no `codeVerifier`; it sends any extra field snake_cased. */
async function exchange(
  server: ContractServer,
  app: { clientId: string; clientSecret: string },
  code: string,
  codeVerifier?: string,
  redirectUri = REDIRECT,
): Promise<mastodon.v1.Token> {
  const oauth = createOAuthAPIClient({ url: server.origin });
  return oauth.token.create({
    grantType: 'authorization_code',
    clientId: app.clientId,
    clientSecret: app.clientSecret,
    redirectUri,
    code,
    ...(codeVerifier === undefined ? {} : { codeVerifier }),
  });
}

async function tokenError(server: ContractServer, body: Record<string, string>) {
  const response = await fetch(`${server.origin}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

describe('the contract server: apps and OAuth', { timeout: 60_000 }, () => {
  let server: ContractServer;
  afterEach(async () => {
    expect(server.violations()).toEqual([]);
    await server.stop();
  });

  it('registers an app, and its metadata offers PKCE with S256', async () => {
    server = await startContractServer({ users: ['alice'] });
    const app = await registerApp(server);
    expect(app.clientId).toMatch(/^[\w-]{43}$/);
    expect(server.state.apps.get(app.clientId)?.redirectUris).toEqual([REDIRECT]);

    const metadata = (await (
      await fetch(`${server.origin}/.well-known/oauth-authorization-server`)
    ).json()) as Record<string, unknown>;
    expect(metadata).toMatchObject({
      authorization_endpoint: `${server.origin}/oauth/authorize`,
      token_endpoint: `${server.origin}/oauth/token`,
      code_challenge_methods_supported: ['S256'],
    });

    const refused = await fetch(`${server.origin}/api/v1/apps`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ client_name: 'x', redirect_uris: 'not a uri' }),
    });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      error: 'Validation failed: Redirect URI must be an absolute URI.',
    });
  });

  it('signs in through the authorization page with PKCE; the code buys one token, once', async () => {
    server = await startContractServer({ users: ['alice', 'bob'] });
    const app = await registerApp(server);
    const { verifier, challenge } = pkcePair();
    const page = await fetch(
      authorizeUrl(server, app, { code_challenge: challenge, code_challenge_method: 'S256' }),
    );
    const html = await page.text();
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(html).toContain('<label for="username">Username</label>');
    expect(html).toContain('<label for="password">Password</label>');
    expect(html).toContain('>Authorize</button>');
    expect(html).toContain('>Deny</button>');

    const answered = await answerAuthorizePage(
      authorizeUrl(server, app, { code_challenge: challenge, code_challenge_method: 'S256' }),
      { decision: 'approve', username: 'alice', password: 'alice-password' },
    );
    expect(answered.status).toBe(302);
    const location = new URL(answered.location ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(location.searchParams.get('state')).toBe('the-state');
    const code = location.searchParams.get('code') ?? '';

    const token = await exchange(server, app, code, verifier);
    expect(token).toMatchObject({ tokenType: 'Bearer', scope: 'read write' });
    const me = await createRestAPIClient({
      url: server.origin,
      accessToken: token.accessToken,
    }).v1.accounts.verifyCredentials();
    expect(me.username).toBe('alice');

    const again = await tokenError(server, {
      grant_type: 'authorization_code',
      code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    });
    expect(again).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
  });

  it('checks PKCE: a wrong verifier and a missing one are refused', async () => {
    server = await startContractServer({ users: ['alice'] });
    const app = await registerApp(server);
    const { challenge } = pkcePair();
    const codes: string[] = [];
    for (let i = 0; i < 2; i += 1) {
      const answered = await answerAuthorizePage(
        authorizeUrl(server, app, { code_challenge: challenge, code_challenge_method: 'S256' }),
        { decision: 'approve', username: 'alice', password: 'alice-password' },
      );
      codes.push(new URL(answered.location ?? '').searchParams.get('code') ?? '');
    }
    const base = {
      grant_type: 'authorization_code',
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: REDIRECT,
    };
    expect(
      await tokenError(server, {
        ...base,
        code: codes[0] ?? '',
        code_verifier: pkcePair().verifier,
      }),
    ).toMatchObject({ status: 400, body: { error: 'invalid_grant' } });
    expect(await tokenError(server, { ...base, code: codes[1] ?? '' })).toMatchObject({
      status: 400,
      body: { error: 'invalid_request' },
    });

    const plain = await answerAuthorizePage(
      authorizeUrl(server, app, { code_challenge: 'abc', code_challenge_method: 'plain' }),
      { decision: 'approve', username: 'alice', password: 'alice-password' },
    );
    expect(new URL(plain.location ?? '').searchParams.get('error')).toBe(
      'invalid_code_challenge_method',
    );
  });

  it('takes the client credentials from HTTP Basic too (client_secret_basic)', async () => {
    server = await startContractServer({ users: ['alice'] });
    const app = await registerApp(server);
    const answered = await answerAuthorizePage(authorizeUrl(server, app), {
      decision: 'approve',
      username: 'alice',
      password: 'alice-password',
    });
    const response = await fetch(`${server.origin}/oauth/token`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${Buffer.from(`${app.clientId}:${app.clientSecret}`).toString('base64')}`,
      },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code: new URL(answered.location ?? '').searchParams.get('code') ?? '',
        redirect_uri: REDIRECT,
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ token_type: 'Bearer', scope: 'read write' });
  });

  it('a server without PKCE has no metadata and ignores the challenge', async () => {
    server = await startContractServer({ users: ['alice'], pkce: false });
    const metadata = await fetch(`${server.origin}/.well-known/oauth-authorization-server`);
    expect(metadata.status).toBe(404);
    const app = await registerApp(server);
    const answered = await answerAuthorizePage(
      authorizeUrl(server, app, {
        code_challenge: pkcePair().challenge,
        code_challenge_method: 'S256',
      }),
      { decision: 'approve', username: 'alice', password: 'alice-password' },
    );
    const code = new URL(answered.location ?? '').searchParams.get('code') ?? '';
    const token = await exchange(server, app, code);
    expect(token.accessToken).toMatch(/^[\w-]{43}$/);
  });

  it('deny sends the person back with access_denied and the state', async () => {
    server = await startContractServer({ users: ['alice'] });
    const app = await registerApp(server);
    const answered = await answerAuthorizePage(authorizeUrl(server, app), { decision: 'deny' });
    const location = new URL(answered.location ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('the-state');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('a wrong password shows the form again, saying so', async () => {
    server = await startContractServer({ users: ['alice'] });
    const app = await registerApp(server);
    const answered = await answerAuthorizePage(authorizeUrl(server, app), {
      decision: 'approve',
      username: 'alice',
      password: 'wrong',
    });
    expect(answered.status).toBe(200);
    expect(answered.html).toContain('<p role="alert">Invalid username or password.</p>');
    expect(answered.location).toBeNull();
  });

  it('once signed in, the page only asks to authorize; force_login asks for the login again', async () => {
    server = await startContractServer({ users: ['alice', 'bob'] });
    const app = await registerApp(server);
    const first = await answerAuthorizePage(authorizeUrl(server, app), {
      decision: 'approve',
      username: 'alice',
      password: 'alice-password',
    });
    expect(first.askedToSignIn).toBe(true);
    expect(first.cookie).toMatch(/^contract_session=/);

    const second = await answerAuthorizePage(authorizeUrl(server, app), {
      decision: 'approve',
      cookie: first.cookie,
    });
    expect(second.askedToSignIn).toBe(false);
    const aliceAgain = await exchange(
      server,
      app,
      new URL(second.location ?? '').searchParams.get('code') ?? '',
    );

    const forced = await answerAuthorizePage(authorizeUrl(server, app, { force_login: 'true' }), {
      decision: 'approve',
      cookie: first.cookie,
      username: 'bob',
      password: 'bob-password',
    });
    expect(forced.askedToSignIn).toBe(true);
    const bob = await exchange(
      server,
      app,
      new URL(forced.location ?? '').searchParams.get('code') ?? '',
    );
    const whoAmI = async (token: string) =>
      (
        await createRestAPIClient({
          url: server.origin,
          accessToken: token,
        }).v1.accounts.verifyCredentials()
      ).username;
    expect(await whoAmI(aliceAgain.accessToken)).toBe('alice');
    expect(await whoAmI(bob.accessToken)).toBe('bob');
  });

  it('out of band: the page shows the code to copy', async () => {
    server = await startContractServer({ users: ['alice'] });
    const oob = 'urn:ietf:wg:oauth:2.0:oob';
    const app = await registerApp(server, oob);
    const url = new URL(authorizeUrl(server, app));
    url.searchParams.set('redirect_uri', oob);
    const answered = await answerAuthorizePage(url.toString(), {
      decision: 'approve',
      username: 'alice',
      password: 'alice-password',
    });
    expect(answered.status).toBe(200);
    expect(answered.html).toContain(
      'Copy this authorization code and paste it to the application.',
    );
    const token = await exchange(server, app, answered.shownCode ?? '', undefined, oob);
    expect(token.accessToken).toMatch(/^[\w-]{43}$/);
  });

  it('refuses what Doorkeeper refuses: an unknown app, a redirect it did not register, a wrong secret', async () => {
    server = await startContractServer({ users: ['alice'] });
    const app = await registerApp(server);
    const unknown = await fetch(authorizeUrl(server, { clientId: 'nobody' }));
    expect(unknown.status).toBe(401);
    expect(await unknown.text()).toContain('Client authentication failed');

    const url = new URL(authorizeUrl(server, app));
    url.searchParams.set('redirect_uri', 'http://127.0.0.1:9/elsewhere');
    const elsewhere = await fetch(url, { redirect: 'manual' });
    expect(elsewhere.status).toBe(400);
    expect(await elsewhere.text()).toContain('The redirect uri included is not valid.');

    expect(
      await tokenError(server, {
        grant_type: 'authorization_code',
        code: 'x',
        client_id: app.clientId,
        client_secret: 'wrong',
        redirect_uri: REDIRECT,
      }),
    ).toMatchObject({ status: 401, body: { error: 'invalid_client' } });
  });

  it('a revoked token is refused with Mastodon’s 401, whether the app or the test revoked it', async () => {
    server = await startContractServer({ users: ['alice'] });
    const app = await registerApp(server);
    const codeFor = async () => {
      const answered = await answerAuthorizePage(authorizeUrl(server, app), {
        decision: 'approve',
        username: 'alice',
        password: 'alice-password',
      });
      return new URL(answered.location ?? '').searchParams.get('code') ?? '';
    };
    const byApp = (await exchange(server, app, await codeFor())).accessToken;
    const byTest = (await exchange(server, app, await codeFor())).accessToken;

    await createOAuthAPIClient({ url: server.origin }).revoke({
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      token: byApp,
    });
    server.revokeToken(byTest);

    for (const token of [byApp, byTest]) {
      const masto = createRestAPIClient({ url: server.origin, accessToken: token });
      await expect(masto.v1.accounts.verifyCredentials()).rejects.toMatchObject({
        statusCode: 401,
        message: 'The access token was revoked',
      });
    }
    const unknown = await fetch(`${server.origin}/api/v1/accounts/verify_credentials`, {
      headers: { authorization: 'Bearer not-a-token' },
    });
    expect(unknown.status).toBe(401);
    expect(await unknown.json()).toEqual({ error: 'The access token is invalid' });
  });
});
