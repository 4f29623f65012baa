import { randomBytes } from 'node:crypto';
import {
  createOAuthAPIClient,
  createRestAPIClient,
  MastoHttpError,
  MastoTimeoutError,
} from 'masto';
import { z } from 'zod';
import type { SignedInAccount } from '@shared/ipc/contract';
import type { Clock } from './clock';
import { againIfReset } from './connection-reset';
import type { CredentialVault, RegisteredApp, StoredCredential } from './credential-vault';
import { VaultUnreadableError } from './credential-vault';
import type { ExternalLinks } from './external-links';
import {
  startLoopbackRedirect,
  type LoopbackRedirect,
  type RedirectOutcome,
} from './loopback-redirect';
import type { FetchLike } from './network-gateway';
import { discoverOAuthServer, ServerUnreachableError } from './oauth-server-metadata';
import { readPastedCode } from './pasted-code';
import { pkcePair, randomToken } from './pkce';
import type { RateLimits } from './rate-limits';
import { parseServerAddress } from './server-address';
import { UserFacingError } from './user-facing-error';

/**
 * Signing in to a Mastodon (or Mastodon-API) server, in main, with `masto`'s OAuth and REST
 * clients:
 *
 * 1. `begin`: what the user typed becomes one origin; the server's OAuth metadata says whether it
 *    offers PKCE (S256); Slowpost's app on that server is registered once and reused (its
 *    redirect URIs: a loopback one and the copy-and-paste one), except when signing in again: the
 *    refused token may have taken the app with it; a loopback listener waits for the
 *    browser; the system browser opens the authorize page (`force_login` when an account on that
 *    server is already signed in here, so the user can pick another one).
 * 2. `finish`: the code (from the listener, or pasted) is exchanged for a token, the token is
 *    checked with `verify_credentials`, and kept in the vault. Signing in again replaces the
 *    token, and must be the same account on the same server.
 *
 * Every error is a sentence for the user; none holds the token, the client secret or the code.
 */

export type SignInMode = 'loopback' | 'paste-code';

export interface BeginSignIn {
  readonly server: string;
  readonly accountId: string | null;
  readonly mode?: SignInMode;
}

export interface BegunSignIn {
  readonly attemptId: string;
  readonly server: string;
  readonly authorizeUrl: string;
  readonly mode: SignInMode;
}

export interface MastodonSignIn {
  begin(request: BeginSignIn): Promise<BegunSignIn>;
  /** `code: null` waits for the browser to come back to the loopback listener. */
  finish(request: {
    readonly attemptId: string;
    readonly code: string | null;
  }): Promise<SignedInAccount>;
  cancel(attemptId: string): void;
  /** Deletes the account's credentials and asks its server to revoke the token (not awaited). */
  forget(accountId: string): Promise<{ forgotten: boolean }>;
}

export interface MastodonSignInOptions {
  readonly vault: CredentialVault;
  readonly links: ExternalLinks;
  readonly clock: Clock;
  /** Used to read the server's OAuth metadata (`masto` makes the other calls). */
  readonly fetch: FetchLike;
  readonly rateLimits?: RateLimits;
  /** Each request to the server (default 20 s). */
  readonly requestTimeoutMs?: number;
  /** How long a sign-in waits for the user (default 15 minutes). */
  readonly attemptTimeoutMs?: number;
  readonly log?: (message: string) => void;
}

export const OOB_REDIRECT_URI = 'urn:ietf:wg:oauth:2.0:oob';
const CLIENT_NAME = 'Slowpost';

interface Attempt {
  readonly id: string;
  readonly origin: string;
  readonly host: string;
  readonly app: RegisteredApp;
  readonly mode: SignInMode;
  readonly redirectUri: string;
  readonly scopes: string;
  readonly state: string;
  readonly verifier: string | null;
  /** The account being signed in again, and what the vault held for it (null if nothing). */
  readonly renewing: {
    readonly accountId: string;
    readonly previous: StoredCredential | null;
  } | null;
  readonly listener: LoopbackRedirect | null;
  readonly cancelExpiry: () => void;
  /** Why the attempt ended before its code came, when it did. */
  endedBecause: 'cancelled' | 'replaced' | 'finished' | 'expired' | null;
  finishing: boolean;
}

const TokenSchema = z.object({ accessToken: z.string().min(1), scope: z.string().optional() });
const AppSchema = z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) });
const MeSchema = z.object({
  id: z.string().min(1),
  username: z.string().min(1),
  displayName: z.string().nullish(),
  avatar: z.string().nullish(),
});

export function createMastodonSignIn(options: MastodonSignInOptions): MastodonSignIn {
  const log = options.log ?? (() => undefined);
  const timeout = options.requestTimeoutMs ?? 20_000;
  const attemptTimeoutMs = options.attemptTimeoutMs ?? 15 * 60_000;
  const attempts = new Map<string, Attempt>();
  /** Listeners still letting go of their ports (a new sign-in may want the same one). */
  const closing = new Set<Promise<void>>();

  function end(attempt: Attempt, why: NonNullable<Attempt['endedBecause']>): void {
    attempt.endedBecause ??= why;
    attempts.delete(attempt.id);
    attempt.cancelExpiry();
    const listener = attempt.listener;
    if (listener === null) return;
    listener.close();
    const closed = listener.closed.then(() => {
      closing.delete(closed);
    });
    closing.add(closed);
  }

  async function begin(request: BeginSignIn): Promise<BegunSignIn> {
    const address = parseServerAddress(request.server);
    if (!address.ok) throw new UserFacingError(address.reason);
    const { origin, host } = address;

    let renewing: Attempt['renewing'] = null;
    if (request.accountId !== null) {
      const previous = await readable(options.vault.credential(request.accountId), null);
      if (previous !== null && previous.origin !== origin) {
        throw new UserFacingError(
          `${previous.handle} is on ${new URL(previous.origin).host}, not ${host}: sign in to it there.`,
        );
      }
      renewing = { accountId: request.accountId, previous };
      // Signing in again usually follows a refused token, and the app may have gone with it (snac
      // deletes an app with its token; an admin may delete apps): its authorize page would then
      // fail in the user's browser, where Slowpost cannot see it. A new app costs one request.
      const known = await readable(options.vault.app(origin), null);
      if (known !== null) await options.vault.forgetApp(origin, known.clientId).catch(() => null);
    }
    if ((await options.vault.status()).protection === 'unavailable') {
      throw new UserFacingError(
        'This computer offers Slowpost no way to encrypt a sign-in, so Slowpost cannot keep one.',
      );
    }
    // One sign-in at a time: the one the user started last is the one they are looking at. Ports
    // of ended ones are free again before this one listens (it may want the same app's port).
    for (const other of [...attempts.values()]) end(other, 'replaced');
    await Promise.all(closing);

    const metadata = await discoverOAuthServer(origin, options.fetch, timeout).catch(
      (error: unknown) => {
        if (error instanceof ServerUnreachableError) {
          throw new UserFacingError(
            error.timedOut
              ? `${host} did not answer in time. Check the address, or try again later.`
              : `${host} did not answer. Check the address, or try again later.`,
          );
        }
        throw error;
      },
    );
    // Least privilege where the server knows the finer scopes: reading, and writing posts (replies
    // and the read marker). Elsewhere the classic pair.
    const scopes =
      metadata.scopes?.includes('write:statuses') === true ? 'read write:statuses' : 'read write';

    const state = randomToken();
    const { app, listener } =
      request.mode === 'paste-code'
        ? { app: await appFor(origin, host, scopes, null), listener: null }
        : await appAndListener(origin, host, scopes, state);
    const mode: SignInMode = listener === null ? 'paste-code' : 'loopback';
    const redirectUri = listener?.redirectUri ?? OOB_REDIRECT_URI;
    const pkce = metadata.pkceS256 ? pkcePair() : null;
    const signedInThere = (await readable(options.vault.credentials(), [])).some(
      (c) => c.origin === origin,
    );

    const authorize = new URL(metadata.authorizeUrl);
    authorize.search = new URLSearchParams({
      response_type: 'code',
      client_id: app.clientId,
      redirect_uri: redirectUri,
      scope: scopes,
      state,
      ...(pkce === null ? {} : { code_challenge: pkce.challenge, code_challenge_method: 'S256' }),
      ...(signedInThere ? { force_login: 'true' } : {}),
    }).toString();

    const id = `a-${randomBytes(8).toString('hex')}`;
    const attempt: Attempt = {
      id,
      origin,
      host,
      app,
      mode,
      redirectUri,
      scopes,
      state,
      verifier: pkce?.verifier ?? null,
      renewing,
      listener,
      cancelExpiry: options.clock.setTimer(() => {
        const found = attempts.get(id);
        if (found !== undefined) end(found, 'expired');
      }, attemptTimeoutMs),
      endedBecause: null,
      finishing: false,
    };
    attempts.set(id, attempt);

    const opened = await options.links.open(authorize.href).catch(() => ({ opened: false }));
    if (!opened.opened) log(`sign-in: the browser could not be opened for ${host}`);
    return { attemptId: id, server: origin, authorizeUrl: authorize.href, mode };
  }

  /**
   * The app to reuse (its loopback port listened on again) or a new one. A port now taken by
   * something else means a new app with a new port: servers that compare redirect URIs exactly
   * (not every server follows RFC 8252 there) then still accept it.
   */
  async function appAndListener(
    origin: string,
    host: string,
    scopes: string,
    state: string,
  ): Promise<{ app: RegisteredApp; listener: LoopbackRedirect | null }> {
    const listen = (port: number): Promise<LoopbackRedirect> =>
      startLoopbackRedirect({ state, port, timeoutMs: attemptTimeoutMs, clock: options.clock });
    const known = await reusableApp(origin, scopes);
    const knownPort = known === null ? null : loopbackPort(known);
    if (known !== null && knownPort !== null) {
      try {
        return { app: known, listener: await listen(knownPort) };
      } catch {
        log(`sign-in: the loopback port of Slowpost's app on ${host} is taken; registering anew`);
      }
    }
    let listener: LoopbackRedirect;
    try {
      listener = await listen(0);
    } catch {
      log('sign-in: no loopback listener could be started; the code will be pasted');
      return { app: await appFor(origin, host, scopes, null), listener: null };
    }
    try {
      return { app: await register(origin, host, scopes, listener.redirectUri), listener };
    } catch (error) {
      listener.close();
      throw error;
    }
  }

  /** An app with the copy-and-paste redirect: the known one, or a new one. */
  async function appFor(
    origin: string,
    host: string,
    scopes: string,
    loopbackUri: string | null,
  ): Promise<RegisteredApp> {
    return (await reusableApp(origin, scopes)) ?? register(origin, host, scopes, loopbackUri);
  }

  async function reusableApp(origin: string, scopes: string): Promise<RegisteredApp | null> {
    const known = await readable(options.vault.app(origin), null);
    return known !== null && known.scopes === scopes ? known : null;
  }

  async function register(
    origin: string,
    host: string,
    scopes: string,
    loopbackUri: string | null,
  ): Promise<RegisteredApp> {
    const redirectUris =
      loopbackUri === null ? [OOB_REDIRECT_URI] : [loopbackUri, OOB_REDIRECT_URI];
    const rest = createRestAPIClient({ url: origin, timeout, log: 'error' });
    let answer: unknown;
    try {
      // One string, a URI a line: older servers (and snac) do not take an array here.
      answer = await againIfReset(() =>
        rest.v1.apps.create({
          clientName: CLIENT_NAME,
          redirectUris: redirectUris.join('\n'),
          scopes,
        }),
      );
    } catch (error) {
      throw serverError(
        error,
        host,
        `${host} would not let Slowpost sign in (registering the app failed).`,
      );
    }
    const parsed = AppSchema.safeParse(answer);
    if (!parsed.success) {
      throw new UserFacingError(
        `${host} does not look like a Mastodon server: its answer could not be read.`,
      );
    }
    const app: RegisteredApp = {
      origin,
      clientId: parsed.data.clientId,
      clientSecret: parsed.data.clientSecret,
      redirectUris,
      scopes,
      createdAt: options.clock.now(),
    };
    await options.vault.saveApp(app);
    return app;
  }

  async function finish(request: {
    readonly attemptId: string;
    readonly code: string | null;
  }): Promise<SignedInAccount> {
    const attempt = attempts.get(request.attemptId);
    if (attempt === undefined) {
      throw new UserFacingError('This sign-in has ended. Start again to add the account.');
    }
    let code: string;
    const pasted = request.code !== null;
    if (request.code === null) {
      if (attempt.listener === null) {
        throw new UserFacingError("Paste the code the server's page showed you.");
      }
      const outcome = await attempt.listener.outcome;
      if (outcome.kind !== 'code') {
        end(attempt, 'cancelled');
        throw new UserFacingError(outcomeSentence(outcome, attempt));
      }
      code = outcome.code;
    } else {
      const read = readPastedCode(request.code, attempt.state);
      if (!read.ok) throw new UserFacingError(read.reason);
      code = read.code;
    }
    if (attempt.finishing) {
      throw new UserFacingError('This sign-in is already being finished.');
    }
    attempt.finishing = true;
    try {
      const account = await exchange(attempt, code, pasted);
      end(attempt, 'finished');
      return account;
    } catch (error) {
      // A pasted code with a typo can be pasted again; a code from the browser cannot come twice.
      if (pasted && attempts.has(attempt.id)) attempt.finishing = false;
      else end(attempt, 'cancelled');
      throw error;
    }
  }

  async function exchange(
    attempt: Attempt,
    code: string,
    pasted: boolean,
  ): Promise<SignedInAccount> {
    const { origin, host, app } = attempt;
    const oauth = createOAuthAPIClient({ url: origin, timeout, log: 'error' });
    let token: z.infer<typeof TokenSchema>;
    try {
      const answer: unknown = await againIfReset(() =>
        oauth.token.create({
          grantType: 'authorization_code',
          clientId: app.clientId,
          clientSecret: app.clientSecret,
          redirectUri: attempt.redirectUri,
          code,
          scope: attempt.scopes,
          // Not in masto's types; sent as `code_verifier` like every other field.
          ...(attempt.verifier === null ? {} : { codeVerifier: attempt.verifier }),
        }),
      );
      const parsed = TokenSchema.safeParse(answer);
      if (!parsed.success) {
        throw new UserFacingError(`${host} gave an answer Slowpost could not read. Start again.`);
      }
      token = parsed.data;
    } catch (error) {
      if (error instanceof UserFacingError) throw error;
      if (error instanceof MastoHttpError && error.statusCode >= 400 && error.statusCode < 500) {
        throw new UserFacingError(
          pasted
            ? 'The code was not accepted. Check that you copied all of it and paste it again, or start again: a code works once, for ten minutes or so.'
            : 'The code was not accepted: it may have expired or been used already. Start again.',
        );
      }
      throw serverError(error, host, `${host} could not finish the sign-in. Start again.`);
    }

    let me: z.infer<typeof MeSchema>;
    let domain: string;
    try {
      const rest = createRestAPIClient({
        url: origin,
        accessToken: token.accessToken,
        timeout,
        log: 'error',
      });
      const parsed = MeSchema.safeParse(
        await againIfReset(() => rest.v1.accounts.verifyCredentials()),
      );
      if (!parsed.success) {
        throw new UserFacingError(`${host} gave an answer Slowpost could not read. Start again.`);
      }
      me = parsed.data;
      domain = await instanceDomain(origin, host);
    } catch (error) {
      revokeQuietly(origin, app, token.accessToken);
      if (error instanceof UserFacingError) throw error;
      if (error instanceof MastoHttpError || isUnreadableAnswer(error)) {
        throw new UserFacingError(
          `${host} did not accept the sign-in it had just given. The code may not have been valid: start again.`,
        );
      }
      throw serverError(error, host, `${host} could not finish the sign-in. Start again.`);
    }
    const handle = `@${me.username}@${domain}`;

    const all = await readable(options.vault.credentials(), []);
    let accountId: string;
    let replaced: StoredCredential | null;
    if (attempt.renewing !== null) {
      const previous = attempt.renewing.previous;
      if (previous !== null && previous.networkUserId !== me.id) {
        revokeQuietly(origin, app, token.accessToken);
        throw new UserFacingError(
          `You signed in as ${handle}, but this account is ${previous.handle}. Sign in as ${previous.handle}, or add ${handle} as another account.`,
        );
      }
      accountId = attempt.renewing.accountId;
      replaced = previous;
    } else {
      // The same account added twice is the same account, signed in again.
      replaced = all.find((c) => c.origin === origin && c.networkUserId === me.id) ?? null;
      accountId = replaced?.accountId ?? `m-${randomBytes(8).toString('hex')}`;
    }

    await options.vault.saveCredential({
      accountId,
      network: 'mastodon',
      origin,
      networkUserId: me.id,
      handle,
      accessToken: token.accessToken,
      refresh: null,
      scope: token.scope ?? attempt.scopes,
      clientId: app.clientId,
      clientSecret: app.clientSecret,
      createdAt: options.clock.now(),
    });
    options.rateLimits?.forget(accountId);
    if (replaced !== null && replaced.accessToken !== token.accessToken) {
      revokeCredential(replaced);
    }
    log(`sign-in: ${handle} signed in on ${host}`);
    return {
      id: accountId,
      network: 'mastodon',
      handle,
      displayName: me.displayName ?? '',
      serverOrigin: origin,
      networkUserId: me.id,
      avatarUrl: webUrl(me.avatar),
    };
  }

  /** The domain in handles: the instance's own (it may differ from where its web pages are). */
  async function instanceDomain(origin: string, host: string): Promise<string> {
    const rest = createRestAPIClient({ url: origin, timeout, log: 'error' });
    try {
      const v2 = z
        .object({ domain: z.string().min(1) })
        .safeParse(await againIfReset(() => rest.v2.instance.fetch()));
      if (v2.success) return v2.data.domain;
    } catch {
      // older servers (and snac) have only v1
    }
    try {
      const v1 = z
        .object({ uri: z.string().min(1) })
        .safeParse(await againIfReset(() => rest.v1.instance.fetch()));
      if (v1.success) return v1.data.uri.replace(/^https?:\/\//, '').replace(/\/.*$/, '');
    } catch {
      // fall back to the address the user typed
    }
    return host;
  }

  function revokeCredential(credential: StoredCredential): void {
    if (credential.clientId === null || credential.clientSecret === null) return;
    revokeQuietly(
      credential.origin,
      { clientId: credential.clientId, clientSecret: credential.clientSecret },
      credential.accessToken,
    );
  }

  /**
   * Asks the server to revoke a token; nothing waits for it and nothing depends on it. The app it
   * was issued to is not reused afterwards: some servers (snac) delete an app with its token, and
   * an authorize page for an app that is gone fails in the browser, where Slowpost cannot see it.
   */
  function revokeQuietly(
    origin: string,
    app: { readonly clientId: string; readonly clientSecret: string },
    token: string,
  ): void {
    options.vault
      .forgetApp(origin, app.clientId)
      .catch(() => log(`sign-in: could not stop reusing the app on ${new URL(origin).host}`));
    const oauth = createOAuthAPIClient({ url: origin, timeout, log: 'error' });
    oauth
      .revoke({ clientId: app.clientId, clientSecret: app.clientSecret, token })
      .catch(() => log(`sign-in: ${new URL(origin).host} did not confirm revoking an old token`));
  }

  return {
    begin,
    finish,
    cancel(attemptId) {
      const attempt = attempts.get(attemptId);
      if (attempt !== undefined) end(attempt, 'cancelled');
    },
    async forget(accountId) {
      const forgotten = await options.vault.forget(accountId);
      options.rateLimits?.forget(accountId);
      if (forgotten === null) return { forgotten: false };
      revokeCredential(forgotten);
      return { forgotten: true };
    },
  };
}

/**
 * What the vault holds, or `fallback` when it cannot be read: signing in must still work then —
 * it is how the user gets going again (saving moves the unreadable file aside, and says so).
 */
async function readable<T>(read: Promise<T>, fallback: T): Promise<T> {
  try {
    return await read;
  } catch (error) {
    if (error instanceof VaultUnreadableError) return fallback;
    throw error;
  }
}

function outcomeSentence(
  outcome: Exclude<RedirectOutcome, { kind: 'code' }>,
  attempt: Attempt,
): string {
  switch (outcome.kind) {
    case 'denied':
      return "You said no on the server's page, so Slowpost was not given access.";
    case 'error':
      return /^[a-z_]{1,40}$/.test(outcome.error)
        ? `${attempt.host} could not finish the sign-in (it said "${outcome.error}"). Start again.`
        : `${attempt.host} could not finish the sign-in. Start again.`;
    case 'timeout':
      return 'The sign-in waited too long for the browser and was stopped. Start again.';
    case 'closed':
      switch (attempt.endedBecause) {
        case 'finished':
          return 'The sign-in was finished with the code you pasted.';
        case 'replaced':
          return 'Another sign-in was started, so this one was stopped.';
        case 'expired':
          return 'The sign-in waited too long for the browser and was stopped. Start again.';
        default:
          return 'The sign-in was cancelled.';
      }
  }
}

/** masto's errors, said in words; the message of the error itself is never used (it may quote). */
function serverError(error: unknown, host: string, otherwise: string): UserFacingError {
  if (error instanceof MastoTimeoutError) {
    return new UserFacingError(`${host} did not answer in time. Try again later.`);
  }
  if (error instanceof TypeError && !isUnreadableAnswer(error)) {
    return new UserFacingError(`${host} did not answer. Check the address, or try again later.`);
  }
  if (error instanceof MastoHttpError && error.statusCode >= 500) {
    return new UserFacingError(`${host} is having trouble right now. Try again later.`);
  }
  if (isUnreadableAnswer(error)) {
    return new UserFacingError(
      `${host} gave an answer Slowpost could not read: it may be having trouble, or it may not be a Mastodon server. Check the address, or try again later.`,
    );
  }
  return new UserFacingError(otherwise);
}

/**
 * An answer `masto` could not read: an HTML error page (its own TypeError when there is no JSON
 * error to destructure), malformed JSON, or an unknown content type.
 */
function isUnreadableAnswer(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  if (error.name === 'MastoDeserializeError' || error.name === 'MastoUnexpectedError') return true;
  return error instanceof TypeError && /destructure|undefined|null/i.test(error.message);
}

function loopbackPort(app: RegisteredApp): number | null {
  for (const uri of app.redirectUris) {
    try {
      const url = new URL(uri);
      if (url.protocol === 'http:' && url.hostname === '127.0.0.1' && url.port !== '') {
        return Number(url.port);
      }
    } catch {
      // the copy-and-paste URN
    }
  }
  return null;
}

function webUrl(value: string | null | undefined): string | null {
  if (value === null || value === undefined) return null;
  try {
    const url = new URL(value);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}
