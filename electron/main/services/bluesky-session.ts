import { z } from 'zod';
import type { Clock } from './clock';
import type { CredentialVault, StoredCredential } from './credential-vault';
import type { FetchLike } from './network-gateway';
import { readSessionClaims } from './session-jwt';

/**
 * Keeps a Bluesky app-password session going without logging in again: an access JWT lives
 * minutes to hours, the refresh JWT weeks. When the access JWT is known to be expired, or the PDS
 * answers `400 ExpiredToken`, `com.atproto.server.refreshSession` is called with the refresh JWT —
 * once per account however many requests are waiting (they all share it) — and the new pair is
 * saved in the vault before anything uses it: refresh JWTs rotate, so a new pair that was used but
 * not saved would be lost with the next restart, and with it the sign-in.
 *
 * A refused refresh (`ExpiredToken`, `InvalidToken`, or 401) means signing in again.
 */

export type Renewal =
  | { readonly kind: 'renewed'; readonly credential: StoredCredential }
  | { readonly kind: 'refused' }
  /** The server could not be asked (or answered with trouble); the sign-in may still be good. */
  | { readonly kind: 'failed'; readonly status: number | null };

export interface BlueskySessions {
  /** Whether this credential is a Bluesky app-password session (refreshed here). */
  handles(credential: StoredCredential): boolean;
  /** The access JWT is expired (or expires within a minute) by its own `exp`. */
  isExpired(credential: StoredCredential): boolean;
  /**
   * Renews the session whose access JWT `usedAccessToken` was refused or expired. When another
   * request renewed it meanwhile, that pair is answered without a second refresh.
   */
  renew(accountId: string, usedAccessToken: string): Promise<Renewal>;
}

export interface BlueskySessionsOptions {
  readonly vault: Pick<CredentialVault, 'credential' | 'saveCredential'>;
  readonly fetch: FetchLike;
  readonly clock: Pick<Clock, 'now'>;
  readonly deadlineMs?: number;
  readonly log?: (message: string) => void;
}

const EXPIRY_MARGIN_MS = 60_000;

const RefreshedSchema = z.object({
  accessJwt: z.string().min(1),
  refreshJwt: z.string().min(1),
  did: z.string().min(1),
  handle: z.string().min(1).optional(),
});

export function createBlueskySessions(options: BlueskySessionsOptions): BlueskySessions {
  const log = options.log ?? (() => undefined);
  const inFlight = new Map<string, Promise<Renewal>>();

  async function refresh(accountId: string, usedAccessToken: string): Promise<Renewal> {
    const current = await options.vault.credential(accountId);
    if (current === null || current.refresh === null) return { kind: 'refused' };
    if (current.accessToken !== usedAccessToken) return { kind: 'renewed', credential: current };
    const host = new URL(current.origin).host;
    let response: Response;
    try {
      response = await options.fetch(
        new URL('/xrpc/com.atproto.server.refreshSession', current.origin),
        {
          method: 'POST',
          headers: { authorization: `Bearer ${current.refresh.token}`, accept: 'application/json' },
          redirect: 'manual',
          credentials: 'omit',
          signal: AbortSignal.timeout(options.deadlineMs ?? 30_000),
        },
      );
    } catch {
      log(`gateway: could not reach ${host} to renew a Bluesky session`);
      return { kind: 'failed', status: null };
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) {
      const error = z.object({ error: z.string() }).safeParse(body);
      const name = error.success ? error.data.error : null;
      if (
        response.status === 401 ||
        name === 'ExpiredToken' ||
        name === 'InvalidToken' ||
        name === 'AccountTakedown' ||
        name === 'AuthenticationRequired'
      ) {
        log(`gateway: ${host} refused to renew a Bluesky session (${name ?? response.status})`);
        return { kind: 'refused' };
      }
      log(`gateway: ${host} could not renew a Bluesky session (HTTP ${response.status})`);
      return { kind: 'failed', status: response.status };
    }
    const parsed = RefreshedSchema.safeParse(body);
    if (!parsed.success || parsed.data.did !== current.networkUserId) {
      log(`gateway: ${host} answered a session renewal with something unreadable`);
      return { kind: 'failed', status: 502 };
    }
    const renewed: StoredCredential = {
      ...current,
      handle: parsed.data.handle ?? current.handle,
      accessToken: parsed.data.accessJwt,
      refresh: {
        token: parsed.data.refreshJwt,
        expiresAt: readSessionClaims(parsed.data.refreshJwt).expiresAt,
      },
    };
    // Saved before use: the old refresh JWT is spent now.
    await options.vault.saveCredential(renewed);
    return { kind: 'renewed', credential: renewed };
  }

  return {
    handles: (credential) =>
      credential.network === 'bluesky' &&
      credential.refresh !== null &&
      credential.clientId === null,
    isExpired(credential) {
      const expiresAt = readSessionClaims(credential.accessToken).expiresAt;
      return expiresAt !== null && expiresAt - EXPIRY_MARGIN_MS <= options.clock.now();
    },
    renew(accountId, usedAccessToken) {
      const running = inFlight.get(accountId);
      if (running !== undefined) return running;
      const started = refresh(accountId, usedAccessToken).finally(() => inFlight.delete(accountId));
      inFlight.set(accountId, started);
      return started;
    },
  };
}

/** Whether an answer is Bluesky's "this access token has expired". */
export async function isExpiredTokenAnswer(response: Response): Promise<boolean> {
  if (response.status !== 400 && response.status !== 401) return false;
  try {
    const body = z.object({ error: z.string() }).safeParse(await response.clone().json());
    return body.success && body.data.error === 'ExpiredToken';
  } catch {
    return false;
  }
}
