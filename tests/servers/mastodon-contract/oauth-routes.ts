/**
 * App registration and OAuth, as Mastodon 4.x (Doorkeeper) does them: `POST /api/v1/apps`, the
 * authorization-server metadata, the authorization page (sign in, approve or deny; `force_login`;
 * a redirect with `code` and `state`, or the code shown for `urn:ietf:wg:oauth:2.0:oob`),
 * `POST /oauth/token` (authorization_code, with PKCE S256 when a challenge was given) and
 * `POST /oauth/revoke`, with Doorkeeper's error bodies.
 */
import { createHash, randomBytes } from 'node:crypto';
import { codePage, consentPage, errorPage } from './authorize-page';
import type { ContractAccount, ContractApp } from './contract-state';
import { json, type Reply, type RouteContext, type RouteRequest, type Routes } from './route-types';

export const OOB = 'urn:ietf:wg:oauth:2.0:oob';
const CODE_LIFETIME_MS = 10 * 60_000;
const SESSION_COOKIE = 'contract_session';

const SCOPES = [
  'read',
  'write',
  'follow',
  'push',
  'profile',
  'read:accounts',
  'read:blocks',
  'read:bookmarks',
  'read:favourites',
  'read:filters',
  'read:follows',
  'read:lists',
  'read:mutes',
  'read:notifications',
  'read:search',
  'read:statuses',
  'write:accounts',
  'write:blocks',
  'write:bookmarks',
  'write:conversations',
  'write:favourites',
  'write:filters',
  'write:follows',
  'write:lists',
  'write:media',
  'write:mutes',
  'write:notifications',
  'write:reports',
  'write:statuses',
];

const ERRORS = {
  invalidClient: {
    error: 'invalid_client',
    error_description:
      'Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.',
  },
  invalidGrant: {
    error: 'invalid_grant',
    error_description:
      'The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.',
  },
  unsupportedGrant: {
    error: 'unsupported_grant_type',
    error_description: 'The authorization grant type is not supported by the authorization server.',
  },
  missingVerifier: {
    error: 'invalid_request',
    error_description:
      'The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed. Missing required parameter: code_verifier.',
  },
  invalidRedirect: 'The redirect uri included is not valid.',
  invalidScope: 'The requested scope is invalid, unknown, or malformed.',
  denied: 'The resource owner or authorization server denied the request.',
} as const;

export function splitScopes(value: string | undefined, fallback = 'read'): string[] {
  return (value ?? fallback).split(/[\s+]+/).filter((scope) => scope !== '');
}

/** Whether `granted` scopes cover `needed` (`read` covers `read:notifications`). */
export function scopesCover(granted: readonly string[], needed: string): boolean {
  return granted.includes(needed) || granted.includes(needed.split(':')[0] ?? needed);
}

function text(body: Readonly<Record<string, unknown>>, name: string): string | undefined {
  const value = body[name];
  return typeof value === 'string' ? value : undefined;
}

/** `client_id`/`client_secret` from the body, or from HTTP Basic (`client_secret_basic`). */
export function clientCredentials(request: RouteRequest): { id?: string; secret?: string } {
  const basic = /^Basic\s+(.+)$/i.exec(request.headers.authorization ?? '');
  if (basic?.[1] !== undefined) {
    const [id, secret] = Buffer.from(basic[1], 'base64').toString('utf8').split(':');
    return { id: decodeURIComponent(id ?? ''), secret: decodeURIComponent(secret ?? '') };
  }
  return { id: text(request.body, 'client_id'), secret: text(request.body, 'client_secret') };
}

function isAbsoluteUri(value: string): boolean {
  if (value === OOB) return true;
  try {
    const url = new URL(value);
    return url.hash === '' && url.protocol !== '';
  } catch {
    return false;
  }
}

function createApp(request: RouteRequest, context: RouteContext): Reply {
  const name = text(request.body, 'client_name')?.trim() ?? '';
  const raw = request.body['redirect_uris'];
  const redirectUris = (
    Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? raw.split(/\s+/) : []
  )
    .map((uri) => uri.trim())
    .filter((uri) => uri !== '');
  const scopes = splitScopes(text(request.body, 'scopes'));
  const website = text(request.body, 'website') ?? null;
  const problems: string[] = [];
  if (name === '') problems.push("Application name can't be blank");
  if (redirectUris.length === 0) problems.push("Redirect URI can't be blank");
  else if (!redirectUris.every(isAbsoluteUri))
    problems.push('Redirect URI must be an absolute URI.');
  if (!scopes.every((scope) => SCOPES.includes(scope))) problems.push('Scopes are invalid');
  if (problems.length > 0) return json(422, { error: `Validation failed: ${problems.join(', ')}` });
  const app = context.state.registerApp({ name, website, redirectUris, scopes });
  return json(200, {
    id: app.id,
    name: app.name,
    website: app.website,
    scopes: app.scopes,
    redirect_uri: app.redirectUris.join('\n'),
    redirect_uris: app.redirectUris,
    client_id: app.clientId,
    client_secret: app.clientSecret,
    client_secret_expires_at: 0,
    vapid_key:
      'BCk-QqERU0q-CfYZjcuB6lnyyOYfJ2AifKqfeGIm7Z-HiTU5T9eTG5GxVA0_OH5mMlI4UkkDTpaZwozy0TzdZ2M=',
  });
}

function metadata(_request: RouteRequest, context: RouteContext): Reply {
  if (!context.settings.pkce) return json(404, { error: 'Not Found' });
  const o = context.origin;
  return json(200, {
    issuer: `${o}/`,
    service_documentation: 'https://docs.joinmastodon.org/',
    authorization_endpoint: `${o}/oauth/authorize`,
    token_endpoint: `${o}/oauth/token`,
    app_registration_endpoint: `${o}/api/v1/apps`,
    revocation_endpoint: `${o}/oauth/revoke`,
    userinfo_endpoint: `${o}/oauth/userinfo`,
    scopes_supported: SCOPES,
    response_types_supported: ['code'],
    response_modes_supported: ['query', 'fragment', 'form_post'],
    code_challenge_methods_supported: ['S256'],
    grant_types_supported: ['authorization_code', 'client_credentials'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
  });
}

/** The authorize request's parameters, from the query (GET) or the form's hidden fields (POST). */
interface AuthorizeRequest {
  readonly app: ContractApp;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly state: string | undefined;
  readonly codeChallenge: string | null;
  readonly forceLogin: boolean;
  readonly hidden: Record<string, string>;
}

function redirectTo(uri: string, params: Record<string, string | undefined>): Reply {
  const url = new URL(uri);
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) url.searchParams.set(name, value);
  }
  return { status: 302, headers: { location: url.toString() }, html: '' };
}

function html(status: number, body: string, headers: Record<string, string> = {}): Reply {
  return { status, html: body, headers };
}

/** Checks an authorize request as Doorkeeper does; an error reply when it cannot go on. */
function readAuthorize(
  params: Readonly<Record<string, unknown>>,
  context: RouteContext,
): AuthorizeRequest | Reply {
  const clientId = text(params, 'client_id');
  const app = clientId === undefined ? undefined : context.state.apps.get(clientId);
  if (app === undefined) return html(401, errorPage(ERRORS.invalidClient.error_description));
  const redirectUri = text(params, 'redirect_uri') ?? '';
  if (!app.redirectUris.includes(redirectUri)) return html(400, errorPage(ERRORS.invalidRedirect));
  const state = text(params, 'state');
  const fail = (error: string, description: string): Reply =>
    redirectUri === OOB
      ? html(400, errorPage(description))
      : redirectTo(redirectUri, { error, error_description: description, state });
  if (text(params, 'response_type') !== 'code') {
    return fail(
      'unsupported_response_type',
      'The authorization server does not support this response type.',
    );
  }
  const scopes = splitScopes(text(params, 'scope'));
  if (!scopes.every((scope) => app.scopes.includes(scope) || scopesCover(app.scopes, scope))) {
    return fail('invalid_scope', ERRORS.invalidScope);
  }
  let codeChallenge: string | null = null;
  const challenge = text(params, 'code_challenge');
  if (context.settings.pkce && challenge !== undefined && challenge !== '') {
    if (text(params, 'code_challenge_method') !== 'S256') {
      return fail('invalid_code_challenge_method', 'The code challenge method must be S256.');
    }
    codeChallenge = challenge;
  }
  const hidden: Record<string, string> = {};
  for (const name of [
    'client_id',
    'redirect_uri',
    'response_type',
    'scope',
    'state',
    'code_challenge',
    'code_challenge_method',
    'force_login',
  ]) {
    const value = text(params, name);
    if (value !== undefined) hidden[name] = value;
  }
  return {
    app,
    redirectUri,
    scopes,
    state,
    codeChallenge,
    forceLogin: ['true', '1'].includes(text(params, 'force_login') ?? ''),
    hidden,
  };
}

function sessionAccount(request: RouteRequest, context: RouteContext): ContractAccount | null {
  const cookie = request.headers.cookie ?? '';
  const id = new RegExp(`(?:^|;\\s*)${SESSION_COOKIE}=([^;]+)`).exec(cookie)?.[1];
  const accountId = id === undefined ? undefined : context.state.sessions.get(id);
  return accountId === undefined ? null : (context.state.accounts.get(accountId) ?? null);
}

function showAuthorize(request: RouteRequest, context: RouteContext): Reply {
  const read = readAuthorize(request.query, context);
  if ('status' in read) return read;
  const signedIn = read.forceLogin ? null : sessionAccount(request, context);
  return html(
    200,
    consentPage({
      appName: read.app.name,
      scopes: read.scopes,
      signedInAs: signedIn?.username ?? null,
      problem: null,
      hidden: read.hidden,
    }),
  );
}

function answerAuthorize(request: RouteRequest, context: RouteContext): Reply {
  const read = readAuthorize(request.body, context);
  if ('status' in read) return read;
  if (text(request.body, 'decision') !== 'approve') {
    return read.redirectUri === OOB
      ? html(400, errorPage(ERRORS.denied))
      : redirectTo(read.redirectUri, {
          error: 'access_denied',
          error_description: ERRORS.denied,
          state: read.state,
        });
  }
  const username = text(request.body, 'username');
  const password = text(request.body, 'password');
  let account: ContractAccount | null = null;
  const headers: Record<string, string> = {};
  if (username !== undefined && username !== '') {
    const found = context.state.accountByUsername(username);
    if (found !== undefined && found.password === password) {
      account = found;
      const session = randomBytes(16).toString('hex');
      context.state.sessions.set(session, found.id);
      headers['set-cookie'] = `${SESSION_COOKIE}=${session}; Path=/; HttpOnly; SameSite=Lax`;
    } else {
      return html(
        200,
        consentPage({
          appName: read.app.name,
          scopes: read.scopes,
          signedInAs: null,
          problem: 'Invalid username or password.',
          hidden: read.hidden,
        }),
      );
    }
  } else if (!read.forceLogin) {
    account = sessionAccount(request, context);
  }
  if (account === null) {
    return html(
      200,
      consentPage({
        appName: read.app.name,
        scopes: read.scopes,
        signedInAs: null,
        problem: 'Sign in to continue.',
        hidden: read.hidden,
      }),
    );
  }
  const code = randomBytes(32).toString('base64url');
  context.state.codes.set(code, {
    code,
    clientId: read.app.clientId,
    accountId: account.id,
    redirectUri: read.redirectUri,
    scopes: read.scopes,
    codeChallenge: read.codeChallenge,
    expiresAt: context.clock.now() + CODE_LIFETIME_MS,
    used: false,
  });
  if (read.redirectUri === OOB) return html(200, codePage(code), headers);
  const reply = redirectTo(read.redirectUri, { code, state: read.state });
  return { ...reply, headers: { ...reply.headers, ...headers } };
}

function s256(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

function token(request: RouteRequest, context: RouteContext): Reply {
  const credentials = clientCredentials(request);
  const app = credentials.id === undefined ? undefined : context.state.apps.get(credentials.id);
  if (app === undefined || app.clientSecret !== credentials.secret) {
    return json(401, ERRORS.invalidClient);
  }
  if (text(request.body, 'grant_type') !== 'authorization_code') {
    return json(400, ERRORS.unsupportedGrant);
  }
  const code = context.state.codes.get(text(request.body, 'code') ?? '');
  if (
    code === undefined ||
    code.used ||
    code.clientId !== app.clientId ||
    code.expiresAt <= context.clock.now() ||
    code.redirectUri !== text(request.body, 'redirect_uri')
  ) {
    return json(400, ERRORS.invalidGrant);
  }
  if (code.codeChallenge !== null) {
    const verifier = text(request.body, 'code_verifier');
    if (verifier === undefined || verifier === '') return json(400, ERRORS.missingVerifier);
    if (s256(verifier) !== code.codeChallenge) return json(400, ERRORS.invalidGrant);
  }
  code.used = true;
  const account = context.state.accounts.get(code.accountId);
  if (account === undefined) return json(400, ERRORS.invalidGrant);
  const issued = context.state.issueToken(account, code.scopes, app.clientId);
  return json(200, {
    access_token: issued.token,
    token_type: 'Bearer',
    scope: issued.scopes.join(' '),
    created_at: Math.floor(issued.createdAt / 1000),
  });
}

function revoke(request: RouteRequest, context: RouteContext): Reply {
  const credentials = clientCredentials(request);
  const app = credentials.id === undefined ? undefined : context.state.apps.get(credentials.id);
  if (app === undefined || app.clientSecret !== credentials.secret) {
    return json(401, ERRORS.invalidClient);
  }
  const record = context.state.tokens.get(text(request.body, 'token') ?? '');
  if (record !== undefined && record.clientId !== app.clientId) {
    return json(403, {
      error: 'unauthorized_client',
      error_description: 'You are not authorized to revoke this token',
    });
  }
  if (record !== undefined) context.state.revokeToken(record.token);
  return json(200, {});
}

export const oauthRoutes: Routes = {
  'POST /api/v1/apps': { auth: 'none', handle: createApp },
  'GET /.well-known/oauth-authorization-server': { auth: 'none', handle: metadata },
  'GET /oauth/authorize': { auth: 'none', handle: showAuthorize },
  'POST /oauth/authorize': { auth: 'none', handle: answerAuthorize },
  'POST /oauth/token': { auth: 'none', handle: token },
  'POST /oauth/revoke': { auth: 'none', handle: revoke },
};
