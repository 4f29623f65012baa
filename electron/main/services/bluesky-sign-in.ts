import { randomBytes } from 'node:crypto';
import { Agent, AtpAgent, XRPCError } from '@atproto/api';
import { z } from 'zod';
import type { SignedInAccount } from '@shared/ipc/contract';
import type { BlueskyIdentity } from './bluesky-identity';
import { pdsOriginOf } from './bluesky-identity';
import type { Clock } from './clock';
import type { CredentialVault, StoredCredential } from './credential-vault';
import { VaultUnreadableError } from './credential-vault';
import type { LoginBudget } from './login-budget';
import type { FetchLike } from './network-gateway';
import type { RateLimits } from './rate-limits';
import { isAllowedServerOrigin, parseServerAddress } from './server-address';
import { ACCOUNT_PASSWORD_SCOPE, readSessionClaims } from './session-jwt';
import { UserFacingError } from './user-facing-error';

/**
 * Signing in to Bluesky with an app password, in main, with `@atproto/api`:
 *
 * 1. Where to log in: the server the user named (an email needs one; a self-hosted PDS may), or
 *    else the handle's own PDS (handle → DID → DID document's `#atproto_pds`), or else
 *    `https://bsky.social` for an email.
 * 2. The per-server login budget is asked first; then `com.atproto.server.createSession`, once.
 * 3. A session made with the account's own password (full access) is ended again and refused:
 *    Slowpost signs in only with an app password, which the user can revoke on its own.
 * 4. The session (access and refresh JWT) is kept in the vault under the PDS's origin (the
 *    session's DID document says which, as `@atproto/api` reads it), with the DID as the user's
 *    network id. From then on the gateway resumes and refreshes it; nothing logs in again.
 *
 * The app password is never stored and never in a log or an error message.
 */

export interface AppPasswordSignIn {
  readonly identifier: string;
  readonly appPassword: string;
  readonly server: string | null;
  readonly accountId: string | null;
}

export interface BlueskySignIn {
  signInWithAppPassword(request: AppPasswordSignIn): Promise<SignedInAccount>;
  /** Ends a removed account's session on its PDS (not awaited; nothing depends on it). */
  endSession(credential: StoredCredential): Promise<void>;
}

export interface BlueskySignInOptions {
  readonly vault: CredentialVault;
  readonly fetch: FetchLike;
  readonly clock: Pick<Clock, 'now'>;
  readonly identity: BlueskyIdentity;
  readonly loginBudget: LoginBudget;
  readonly rateLimits?: RateLimits;
  /** Where an email signs in when no server is given (default `https://bsky.social`). */
  readonly defaultServer?: string;
  readonly log?: (message: string) => void;
}

export const DEFAULT_BLUESKY_SERVER = 'https://bsky.social';

const SessionSchema = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  handle: z.string().min(1),
  did: z.string().startsWith('did:'),
  didDoc: z.unknown().optional(),
});

const HANDLE = /^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])?$/;
const APP_PASSWORD_HELP =
  'An app password is made in Bluesky under Settings → Privacy and security → App passwords, and looks like xxxx-xxxx-xxxx-xxxx.';

export function createBlueskySignIn(options: BlueskySignInOptions): BlueskySignIn {
  const log = options.log ?? (() => undefined);
  const defaultServer = options.defaultServer ?? DEFAULT_BLUESKY_SERVER;
  const fetch = options.fetch;

  async function signInWithAppPassword(request: AppPasswordSignIn): Promise<SignedInAccount> {
    const identifier = readIdentifier(request.identifier);
    const appPassword = request.appPassword.trim();
    if (appPassword === '')
      throw new UserFacingError(`Type the app password. ${APP_PASSWORD_HELP}`);

    let renewing: StoredCredential | null = null;
    if (request.accountId !== null) {
      renewing = await readable(options.vault.credential(request.accountId), null);
      if (renewing !== null && renewing.network !== 'bluesky') {
        throw new UserFacingError('This account is not a Bluesky account.');
      }
    }
    if ((await options.vault.status()).protection === 'unavailable') {
      throw new UserFacingError(
        'This computer offers Slowpost no way to encrypt a sign-in, so Slowpost cannot keep one.',
      );
    }

    const entry = await entryServer(identifier, request.server);
    const host = new URL(entry).host;
    const admission = options.loginBudget.take(entry);
    if (!admission.ok) {
      throw new UserFacingError(
        `Slowpost has signed in to ${host} many times in a short while, so it is waiting before trying again (the server allows only a few sign-ins). Try again in ${minutes(admission.retryAfterMs)}.`,
      );
    }

    const agent = new AtpAgent({ service: entry, fetch });
    let session: z.infer<typeof SessionSchema>;
    try {
      const answer = await agent.com.atproto.server.createSession({
        identifier: identifier.value,
        password: appPassword,
      });
      const parsed = SessionSchema.safeParse(answer.data);
      if (!parsed.success) {
        throw new UserFacingError(
          `${host} gave an answer Slowpost could not read. Try again later.`,
        );
      }
      session = parsed.data;
    } catch (error) {
      throw sessionError(error, host, identifier);
    }

    const claims = readSessionClaims(session.accessJwt);
    if (claims.scope === ACCOUNT_PASSWORD_SCOPE) {
      endQuietly(entry, session.refreshJwt);
      throw new UserFacingError(
        `That is your account password. Slowpost signs in only with an app password, which you can revoke on its own at any time: use an app password. ${APP_PASSWORD_HELP}`,
      );
    }

    const pds = pdsOriginOf(session.didDoc, session.did) ?? identifier.pds ?? entry;
    if (!isAllowedServerOrigin(new URL(pds))) {
      endQuietly(entry, session.refreshJwt);
      throw new UserFacingError(
        `Your account's server (${new URL(pds).host}) does not use https, so Slowpost cannot talk to it privately.`,
      );
    }
    if (renewing !== null && renewing.networkUserId !== session.did) {
      endQuietly(entry, session.refreshJwt);
      throw new UserFacingError(
        `You signed in as ${session.handle}, but this account is ${renewing.handle}. Sign in as ${renewing.handle}, or add ${session.handle} as another account.`,
      );
    }

    const all = await readable(options.vault.credentials(), []);
    const replaced =
      renewing ??
      all.find((c) => c.network === 'bluesky' && c.networkUserId === session.did) ??
      null;
    const accountId =
      request.accountId ?? replaced?.accountId ?? `b-${randomBytes(8).toString('hex')}`;
    const refreshClaims = readSessionClaims(session.refreshJwt);
    await options.vault.saveCredential({
      accountId,
      network: 'bluesky',
      origin: pds,
      networkUserId: session.did,
      handle: session.handle,
      accessToken: session.accessJwt,
      refresh: { token: session.refreshJwt, expiresAt: refreshClaims.expiresAt },
      scope: claims.scope ?? '',
      clientId: null,
      clientSecret: null,
      createdAt: options.clock.now(),
    });
    options.rateLimits?.forget(accountId);
    if (replaced?.refresh != null && replaced.refresh.token !== session.refreshJwt) {
      endQuietly(replaced.origin, replaced.refresh.token);
    }
    log(`sign-in: ${session.handle} signed in on ${new URL(pds).host} with an app password`);

    const profile = await readProfile(pds, session.did, session.accessJwt);
    return {
      id: accountId,
      network: 'bluesky',
      handle: session.handle,
      displayName: profile.displayName,
      serverOrigin: pds,
      networkUserId: session.did,
      avatarUrl: profile.avatarUrl,
    };
  }

  /** The origin to log in at. */
  async function entryServer(identifier: Identifier, server: string | null): Promise<string> {
    if (server !== null && server.trim() !== '') {
      const address = parseServerAddress(server);
      if (!address.ok) {
        throw new UserFacingError(
          address.reason.replace(/Type a server such as .*$/, 'Type a server such as bsky.social.'),
        );
      }
      return address.origin;
    }
    if (identifier.kind === 'email') return defaultServer;
    let did: string | null;
    try {
      did = await options.identity.resolveHandle(identifier.value);
    } catch {
      throw new UserFacingError(
        `Slowpost could not look up ${identifier.value} right now. Check your connection, or try again later.`,
      );
    }
    if (did === null) {
      throw new UserFacingError(
        `No Bluesky account was found for ${identifier.value}. Check the handle (such as alice.bsky.social).`,
      );
    }
    let pds: string | null;
    try {
      pds = await options.identity.pdsOrigin(did);
    } catch {
      throw new UserFacingError(
        `Slowpost could not find where ${identifier.value}'s account is kept right now. Try again later.`,
      );
    }
    if (pds === null) {
      throw new UserFacingError(
        `${identifier.value} has no Bluesky server Slowpost can sign in to.`,
      );
    }
    identifier.pds = pds;
    return pds;
  }

  /** The profile's name and picture, from the PDS (which asks the AppView); blank if not there. */
  async function readProfile(
    pds: string,
    did: string,
    accessJwt: string,
  ): Promise<{ displayName: string; avatarUrl: string | null }> {
    const agent = new Agent({
      did,
      fetchHandler: (url: string, init: RequestInit) => {
        const headers = new Headers(init.headers);
        headers.set('authorization', `Bearer ${accessJwt}`);
        return fetch(new URL(url, pds), { ...init, headers });
      },
    });
    try {
      const { data } = await agent.app.bsky.actor.getProfile({ actor: did });
      return { displayName: data.displayName ?? '', avatarUrl: webUrl(data.avatar) };
    } catch {
      log(`sign-in: no profile for the new account on ${new URL(pds).host} yet`);
      return { displayName: '', avatarUrl: null };
    }
  }

  /** Ends a session Slowpost will not keep; nothing waits for it. */
  function endQuietly(server: string, refreshJwt: string): void {
    void fetch(new URL('/xrpc/com.atproto.server.deleteSession', server), {
      method: 'POST',
      headers: { authorization: `Bearer ${refreshJwt}` },
    })
      .then((response) => response.body?.cancel())
      .catch(() => log(`sign-in: ${new URL(server).host} did not confirm ending a session`));
  }

  return {
    signInWithAppPassword,
    endSession: async (credential) => {
      if (credential.refresh !== null) endQuietly(credential.origin, credential.refresh.token);
    },
  };
}

interface Identifier {
  readonly kind: 'handle' | 'email';
  /** The handle (no @, lower case) or the email as typed. */
  readonly value: string;
  /** The handle's PDS, once resolved. */
  pds: string | null;
}

function readIdentifier(typed: string): Identifier {
  const trimmed = typed.trim();
  if (trimmed === '') throw new UserFacingError('Type your handle, such as alice.bsky.social.');
  const withoutAt = trimmed.startsWith('@') ? trimmed.slice(1) : trimmed;
  if (withoutAt.includes('@')) {
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(withoutAt)) {
      throw new UserFacingError(
        'That is neither a handle nor an email. Type your handle, such as alice.bsky.social.',
      );
    }
    return { kind: 'email', value: withoutAt, pds: null };
  }
  const handle = withoutAt.toLowerCase();
  if (!HANDLE.test(handle) || handle.length > 253) {
    throw new UserFacingError(
      'That is not a Bluesky handle. A handle looks like alice.bsky.social (or your own domain).',
    );
  }
  return { kind: 'handle', value: handle, pds: null };
}

/** What went wrong with `createSession`, for the user; the server's own message is never quoted. */
function sessionError(error: unknown, host: string, identifier: Identifier): UserFacingError {
  if (error instanceof UserFacingError) return error;
  if (error instanceof XRPCError) {
    const status = Number(error.status);
    switch (error.error) {
      case 'AuthFactorTokenRequired':
        return new UserFacingError(
          `That looks like your account password (your account asks for a code from your email with it). Slowpost signs in only with an app password: use an app password. ${APP_PASSWORD_HELP}`,
        );
      case 'AccountTakedown':
        return new UserFacingError(`${host} has suspended this account, so it cannot sign in.`);
      case 'RateLimitExceeded':
        return tooMany(host);
      case 'AuthenticationRequired':
      case 'AuthRequired':
        return new UserFacingError(
          identifier.kind === 'email'
            ? `${host} did not accept this email and app password. Check both: ${APP_PASSWORD_HELP}`
            : `${host} did not accept this handle and app password. Check both: ${APP_PASSWORD_HELP}`,
        );
      default:
        break;
    }
    if (status === 429) return tooMany(host);
    if (status === 401 || status === 400) {
      return new UserFacingError(
        `${host} did not accept this sign-in. Check the handle and the app password. ${APP_PASSWORD_HELP}`,
      );
    }
    if (status >= 500)
      return new UserFacingError(`${host} is having trouble right now. Try again later.`);
    // @atproto/api reports a failed connection as XRPCError with status 1 (Unknown).
    if (status < 100) {
      return new UserFacingError(
        `${host} could not be reached. Check the address and your connection, or try again later.`,
      );
    }
    return new UserFacingError(`${host} could not sign you in (HTTP ${status}). Try again later.`);
  }
  if (error instanceof TypeError) {
    return new UserFacingError(
      `${host} could not be reached. Check the address and your connection, or try again later.`,
    );
  }
  return new UserFacingError(`${host} could not sign you in. Try again later.`);
}

function tooMany(host: string): UserFacingError {
  return new UserFacingError(
    `${host} says there have been too many sign-ins for now. Wait a few minutes and try again.`,
  );
}

function minutes(ms: number): string {
  const count = Math.max(1, Math.ceil(ms / 60_000));
  if (count >= 90) {
    const hours = Math.ceil(count / 60);
    return `${hours} hours`;
  }
  return count === 1 ? 'a minute' : `${count} minutes`;
}

async function readable<T>(read: Promise<T>, fallback: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof VaultUnreadableError) return fallback;
    throw error;
  }
}

function webUrl(value: string | undefined): string | null {
  if (value === undefined) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
