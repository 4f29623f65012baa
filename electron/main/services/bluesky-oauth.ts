import { randomBytes } from 'node:crypto';
import {
  atprotoLoopbackClientMetadata,
  buildAtprotoLoopbackClientMetadata,
  FetchRequestError,
  NodeOAuthClient,
  OAuthResolverError,
  requestLocalLock,
  type NodeSavedSession,
  type NodeSavedSessionStore,
  type NodeSavedState,
  type NodeSavedStateStore,
  type OAuthSession,
} from '@atproto/oauth-client-node';
import { z } from 'zod';
import type { SignedInAccount } from '@shared/ipc/contract';
import type { BlueskyIdentityOptions } from './bluesky-identity';
import type { Clock } from './clock';
import type { CredentialVault, OAuthRecordKind, StoredCredential } from './credential-vault';
import type { ExternalLinks } from './external-links';
import { startLoopbackRedirect, type LoopbackRedirect } from './loopback-redirect';
import type { BegunSignIn } from './mastodon-sign-in';
import type { FetchLike, OAuthSessionFetches } from './network-gateway';
import type { RateLimits } from './rate-limits';
import { isAllowedServerOrigin, parseServerAddress } from './server-address';
import { UserFacingError } from './user-facing-error';

/**
 * Signing in to Bluesky in the browser, with `@atproto/oauth-client-node` as a loopback client
 * (a native app: `client_id` `http://localhost?redirect_uri=…&scope=…`, no client metadata to
 * host). The library does PAR, PKCE and DPoP; its sign-ins in progress and its sessions (token
 * sets and DPoP keys) are kept in the vault. The redirect comes back to a loopback listener on
 * 127.0.0.1 for one sign-in, as for Mastodon.
 *
 * The vault's credential for such an account has the loopback `client_id` in `clientId` (the
 * tokens were issued to it, so renewing them needs it again) and no refresh token of its own: the
 * library's session holds the live tokens, and the gateway sends through `fetchFor`, which adds
 * the DPoP proof and renews the tokens by itself.
 */

export interface BlueskyOAuth extends OAuthSessionFetches {
  begin(request: {
    readonly server: string;
    readonly accountId: string | null;
  }): Promise<BegunSignIn>;
  finish(request: { readonly attemptId: string }): Promise<SignedInAccount>;
  cancel(attemptId: string): void;
  /** Whether an attempt id is one of this sign-in's. */
  owns(attemptId: string): boolean;
  /** Revokes the session on its server (not awaited) and deletes it from the vault. */
  forget(credential: StoredCredential): Promise<void>;
}

export interface BlueskyOAuthOptions {
  readonly vault: CredentialVault;
  readonly links: ExternalLinks;
  readonly clock: Clock;
  readonly fetch: FetchLike;
  readonly identity?: Omit<BlueskyIdentityOptions, 'fetch'>;
  readonly rateLimits?: RateLimits;
  readonly attemptTimeoutMs?: number;
  readonly log?: (message: string) => void;
}

const SCOPE = 'atproto transition:generic';
const ATTEMPT_PREFIX = 'o-';
export const NO_BROWSER_SIGN_IN = 'This server does not offer signing in through the browser';

interface Attempt {
  readonly id: string;
  readonly client: NodeOAuthClient;
  readonly redirectUri: string;
  readonly listener: LoopbackRedirect;
  readonly renewing: StoredCredential | null;
  readonly cancelExpiry: () => void;
}

const GetSessionSchema = z.object({ did: z.string().min(1), handle: z.string().min(1) });

export function createBlueskyOAuth(options: BlueskyOAuthOptions): BlueskyOAuth {
  const log = options.log ?? (() => undefined);
  const fetch = options.fetch;
  const attempts = new Map<string, Attempt>();
  const clients = new Map<string, NodeOAuthClient>();
  /** OAuth state keys of sign-ins this process started (the listener takes only these). */
  const ownStates = new Set<string>();

  function store<V>(kind: OAuthRecordKind) {
    return {
      get: async (key: string) =>
        ((await options.vault.oauthRecord(kind, key)) as V | undefined) ?? undefined,
      set: async (key: string, value: V) => {
        if (kind === 'state') ownStates.add(key);
        await options.vault.saveOAuthRecord(kind, key, value as Record<string, unknown>);
      },
      del: async (key: string) => {
        if (kind === 'state') ownStates.delete(key);
        await options.vault.forgetOAuthRecord(kind, key);
      },
    };
  }
  const stateStore: NodeSavedStateStore = store<NodeSavedState>('state');
  const sessionStore: NodeSavedSessionStore = store<NodeSavedSession>('session');

  function clientFor(
    clientMetadata: ReturnType<typeof atprotoLoopbackClientMetadata>,
  ): NodeOAuthClient {
    return new NodeOAuthClient({
      clientMetadata,
      stateStore,
      sessionStore,
      fetch,
      // One process keeps these sessions: a lock inside it is enough.
      requestLock: requestLocalLock,
      ...(options.identity?.handleResolver === undefined
        ? {}
        : { handleResolver: options.identity.handleResolver }),
      ...(options.identity?.plcDirectoryUrl === undefined
        ? {}
        : { plcDirectoryUrl: options.identity.plcDirectoryUrl }),
      allowHttp: options.identity?.allowHttp ?? false,
    });
  }

  /** The client a credential's tokens were issued to (the same `client_id`). */
  function clientOf(clientId: string): NodeOAuthClient {
    let client = clients.get(clientId);
    if (client === undefined) {
      client = clientFor(atprotoLoopbackClientMetadata(clientId));
      clients.set(clientId, client);
    }
    return client;
  }

  function end(attempt: Attempt): void {
    attempts.delete(attempt.id);
    attempt.cancelExpiry();
    attempt.listener.close();
  }

  /** Ends a sign-in that will not come back, with what the library kept for it. */
  function abandon(attempt: Attempt): void {
    end(attempt);
    for (const key of [...ownStates]) {
      void Promise.resolve(stateStore.del(key)).catch(() =>
        log('sign-in: could not forget an unfinished sign-in'),
      );
    }
  }

  async function begin(request: {
    readonly server: string;
    readonly accountId: string | null;
  }): Promise<BegunSignIn> {
    const input = loginInput(request.server);
    const renewing =
      request.accountId === null ? null : await options.vault.credential(request.accountId);
    if ((await options.vault.status()).protection === 'unavailable') {
      throw new UserFacingError(
        'This computer offers Slowpost no way to encrypt a sign-in, so Slowpost cannot keep one.',
      );
    }
    for (const other of [...attempts.values()]) abandon(other);

    const timeoutMs = options.attemptTimeoutMs ?? 15 * 60_000;
    const listener = await startLoopbackRedirect({
      state: (state) => ownStates.has(state),
      timeoutMs,
      clock: options.clock,
    });
    const client = clientFor(
      buildAtprotoLoopbackClientMetadata({ scope: SCOPE, redirect_uris: [listener.redirectUri] }),
    );
    let authorizeUrl: URL;
    try {
      authorizeUrl = await client.authorize(input.value, {
        scope: SCOPE,
        redirect_uri: listener.redirectUri as `http://127.0.0.1:${string}`,
        ...(renewing === null ? {} : { prompt: 'login' as const }),
      });
    } catch (error) {
      listener.close();
      throw beginError(error, input);
    }
    const id = `${ATTEMPT_PREFIX}${randomBytes(8).toString('hex')}`;
    const attempt: Attempt = {
      id,
      client,
      redirectUri: listener.redirectUri,
      listener,
      renewing,
      cancelExpiry: options.clock.setTimer(() => {
        const found = attempts.get(id);
        if (found !== undefined) abandon(found);
      }, timeoutMs),
    };
    attempts.set(id, attempt);
    const opened = await options.links.open(authorizeUrl.href).catch(() => ({ opened: false }));
    if (!opened.opened) log('sign-in: the browser could not be opened for a Bluesky sign-in');
    return {
      attemptId: id,
      server: new URL(authorizeUrl).origin,
      authorizeUrl: authorizeUrl.href,
      mode: 'loopback',
    };
  }

  async function finish(request: { readonly attemptId: string }): Promise<SignedInAccount> {
    const attempt = attempts.get(request.attemptId);
    if (attempt === undefined) {
      throw new UserFacingError('This sign-in has ended. Start again to add the account.');
    }
    const outcome = await attempt.listener.outcome;
    if (outcome.kind === 'code') end(attempt);
    else abandon(attempt);
    if (outcome.kind === 'denied') {
      throw new UserFacingError(
        "You said no on the server's page, so Slowpost was not given access.",
      );
    }
    if (outcome.kind === 'timeout') {
      throw new UserFacingError(
        'The sign-in waited too long for the browser and was stopped. Start again.',
      );
    }
    if (outcome.kind === 'closed') throw new UserFacingError('The sign-in was cancelled.');
    if (outcome.kind === 'error') {
      throw new UserFacingError('The server could not finish the sign-in. Start again.');
    }

    let session: OAuthSession;
    try {
      ({ session } = await attempt.client.callback(outcome.params, {
        redirect_uri: attempt.redirectUri as `http://127.0.0.1:${string}`,
      }));
    } catch {
      log('sign-in: a Bluesky OAuth callback was not accepted');
      throw new UserFacingError('The server did not finish the sign-in. Start again.');
    }
    const info = await session.getTokenInfo(false);
    const origin = new URL(info.aud).origin;
    let who: z.infer<typeof GetSessionSchema>;
    try {
      const answer = await session.fetchHandler('/xrpc/com.atproto.server.getSession');
      const parsed = GetSessionSchema.safeParse(await answer.json());
      if (!answer.ok || !parsed.success) throw new Error(`HTTP ${answer.status}`);
      who = parsed.data;
    } catch {
      await session.signOut().catch(() => undefined);
      throw new UserFacingError(
        `${new URL(origin).host} did not accept the sign-in it had just given. Start again.`,
      );
    }
    if (attempt.renewing !== null && attempt.renewing.networkUserId !== session.did) {
      await session.signOut().catch(() => undefined);
      throw new UserFacingError(
        `You signed in as ${who.handle}, but this account is ${attempt.renewing.handle}. Sign in as ${attempt.renewing.handle}, or add ${who.handle} as another account.`,
      );
    }
    const saved = await options.vault.oauthRecord('session', session.did);
    const tokenSet = z
      .object({ tokenSet: z.object({ access_token: z.string().min(1) }) })
      .safeParse(saved);
    const all = await options.vault.credentials();
    const replaced =
      attempt.renewing ??
      all.find((c) => c.network === 'bluesky' && c.networkUserId === session.did) ??
      null;
    const accountId = replaced?.accountId ?? `b-${randomBytes(8).toString('hex')}`;
    await options.vault.saveCredential({
      accountId,
      network: 'bluesky',
      origin,
      networkUserId: session.did,
      handle: who.handle,
      // The token at sign-in, DPoP-bound (useless without the key); the library's session in
      // the vault holds the live one.
      accessToken: tokenSet.success ? tokenSet.data.tokenSet.access_token : 'oauth-session',
      refresh: null,
      scope: info.scope,
      clientId: attempt.client.clientMetadata.client_id,
      clientSecret: null,
      createdAt: options.clock.now(),
    });
    options.rateLimits?.forget(accountId);
    log(`sign-in: ${who.handle} signed in on ${new URL(origin).host} through the browser`);
    return {
      id: accountId,
      network: 'bluesky',
      handle: who.handle,
      displayName: '',
      serverOrigin: origin,
      networkUserId: session.did,
      avatarUrl: null,
    };
  }

  return {
    begin,
    finish,
    owns: (attemptId) => attemptId.startsWith(ATTEMPT_PREFIX),
    cancel(attemptId) {
      const attempt = attempts.get(attemptId);
      if (attempt !== undefined) abandon(attempt);
    },
    async fetchFor(credential) {
      if (credential.clientId === null) return null;
      let session: OAuthSession;
      try {
        session = await clientOf(credential.clientId).restore(credential.networkUserId);
      } catch (error) {
        // The server could not be reached: the session may well be good; the request fails.
        if (error instanceof FetchRequestError) throw error;
        log(`gateway: a Bluesky OAuth session could not be resumed (${errorName(error)})`);
        return null;
      }
      return (input, init) =>
        session.fetchHandler(input instanceof Request ? input.url : String(input), init);
    },
    async forget(credential) {
      if (credential.clientId !== null) {
        void clientOf(credential.clientId)
          .revoke(credential.networkUserId)
          .catch(() => log('sign-in: could not revoke a Bluesky OAuth session'));
      }
      await options.vault.forgetOAuthRecord('session', credential.networkUserId);
    },
  };
}

interface LoginInput {
  readonly kind: 'handle' | 'server';
  readonly value: string;
  readonly shown: string;
}

/** A handle (`alice.bsky.social`, `@alice.bsky.social`) or a server given with its scheme. */
function loginInput(typed: string): LoginInput {
  const trimmed = typed.trim().replace(/^@/, '');
  if (/^https?:\/\//i.test(trimmed)) {
    const address = parseServerAddress(trimmed);
    if (!address.ok || !isAllowedServerOrigin(new URL(address.origin))) {
      throw new UserFacingError(
        `That is not a server address Slowpost can use: type a handle such as alice.bsky.social, or a server such as https://bsky.social.`,
      );
    }
    return { kind: 'server', value: address.origin, shown: address.host };
  }
  if (trimmed === 'bsky.social') {
    return { kind: 'server', value: 'https://bsky.social', shown: 'bsky.social' };
  }
  if (!/^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*$/i.test(trimmed)) {
    throw new UserFacingError(
      'Type your handle, such as alice.bsky.social, or your server, such as https://bsky.social.',
    );
  }
  return { kind: 'handle', value: trimmed.toLowerCase(), shown: trimmed.toLowerCase() };
}

function beginError(error: unknown, input: LoginInput): UserFacingError {
  if (error instanceof UserFacingError) return error;
  if (error instanceof OAuthResolverError) {
    // The library's own words say which step failed: the identity, or the server's OAuth.
    if (input.kind === 'handle' && error.message.startsWith('Failed to resolve identity')) {
      return new UserFacingError(
        `No Bluesky account was found for ${input.shown}. Check the handle (such as alice.bsky.social).`,
      );
    }
    return new UserFacingError(
      `${NO_BROWSER_SIGN_IN} (${input.shown} has no OAuth sign-in Slowpost can use). Sign in with an app password instead.`,
    );
  }
  if (error instanceof TypeError) {
    return new UserFacingError(
      `${input.shown} could not be reached. Check your connection, or try again later.`,
    );
  }
  return new UserFacingError(
    `The sign-in could not be started for ${input.shown}. Try again later, or sign in with an app password.`,
  );
}

function errorName(error: unknown): string {
  return error instanceof Error ? error.name : 'unknown';
}
