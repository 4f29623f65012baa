import { createBlueskyOAuth, type BlueskyOAuth } from './bluesky-oauth';
import { createBlueskyIdentity, type BlueskyIdentityOptions } from './bluesky-identity';
import { createBlueskySessions, type BlueskySessions } from './bluesky-session';
import { createBlueskySignIn, type BlueskySignIn } from './bluesky-sign-in';
import type { Clock } from './clock';
import { createCredentialVault, type CredentialVault } from './credential-vault';
import type { Encryptor } from './encryptor';
import type { ExternalLinks } from './external-links';
import { createLoginBudget, type LoginBudget } from './login-budget';
import { createMastodonSignIn, type MastodonSignIn } from './mastodon-sign-in';
import { createNetworkGateway, type FetchLike, type NetworkGateway } from './network-gateway';
import { createRateLimits, type RateLimits } from './rate-limits';
import type { KeptFile } from './text-file';

/** The network side every real account shares: one vault, one rate-limit record, one gateway. */
export interface NetworkServices {
  readonly vault: CredentialVault;
  readonly rateLimits: RateLimits;
  readonly gateway: NetworkGateway;
  /** Mastodon's sign-in (OAuth in the browser). */
  readonly signIn: MastodonSignIn;
  /** Bluesky's sign-in with an app password. */
  readonly bluesky: BlueskySignIn;
  readonly blueskySessions: BlueskySessions;
  /** Bluesky's sign-in in the browser (OAuth, DPoP). */
  readonly blueskyOAuth: BlueskyOAuth;
  /** Logins per Bluesky server, so Slowpost stays within what the service allows. */
  readonly loginBudget: LoginBudget;
  /** Deletes an account's credentials (any network) and ends its sign-in on the server. */
  readonly forget: (accountId: string) => Promise<{ forgotten: boolean }>;
  /** The origins of the servers the user's accounts are on (none when the vault is unreadable). */
  readonly accountOrigins: () => Promise<readonly string[]>;
}

export interface NetworkServicesOptions {
  /** The vault's file (the desktop app: `credentials.json` in its user data folder). */
  readonly vaultFile: KeptFile;
  readonly encryptor: Encryptor;
  /** What the gateway and sign-in use to reach servers. */
  readonly fetch: FetchLike;
  readonly clock: Clock;
  /** Opens the server's authorize page in the system browser. */
  readonly links: ExternalLinks;
  /** See GatewayOptions.isTrustedOrigin. */
  readonly isTrustedOrigin?: (origin: string) => boolean;
  /**
   * How Bluesky handles and DIDs are resolved (the local test network has its own PLC directory
   * and resolves its `.test` handles at its PDS); default: the real network's.
   */
  readonly blueskyIdentity?: Omit<BlueskyIdentityOptions, 'fetch'>;
  readonly log?: (message: string) => void;
}

export function createNetworkServices(options: NetworkServicesOptions): NetworkServices {
  const vault = createCredentialVault({
    file: options.vaultFile,
    encryptor: options.encryptor,
    clock: options.clock,
    log: options.log,
  });
  const rateLimits = createRateLimits({ clock: options.clock });
  const blueskySessions = createBlueskySessions({
    vault,
    fetch: options.fetch,
    clock: options.clock,
    log: options.log,
  });
  const blueskyOAuth = createBlueskyOAuth({
    vault,
    links: options.links,
    clock: options.clock,
    fetch: options.fetch,
    ...(options.blueskyIdentity === undefined ? {} : { identity: options.blueskyIdentity }),
    rateLimits,
    log: options.log,
  });
  const gateway = createNetworkGateway({
    vault,
    fetch: options.fetch,
    rateLimits,
    isTrustedOrigin: options.isTrustedOrigin,
    blueskySessions,
    oauthSessions: blueskyOAuth,
    log: options.log,
  });
  const signIn = createMastodonSignIn({
    vault,
    links: options.links,
    clock: options.clock,
    fetch: options.fetch,
    rateLimits,
    log: options.log,
  });
  const loginBudget = createLoginBudget({ clock: options.clock });
  const bluesky = createBlueskySignIn({
    vault,
    fetch: options.fetch,
    clock: options.clock,
    identity: createBlueskyIdentity({ ...options.blueskyIdentity, fetch: options.fetch }),
    loginBudget,
    rateLimits,
    log: options.log,
  });
  async function forget(accountId: string): Promise<{ forgotten: boolean }> {
    const credential = await vault.credential(accountId).catch(() => null);
    if (credential?.network !== 'bluesky') return signIn.forget(accountId);
    const forgotten = await vault.forget(accountId);
    rateLimits.forget(accountId);
    if (forgotten === null) return { forgotten: false };
    if (forgotten.clientId !== null) await blueskyOAuth.forget(forgotten);
    else await bluesky.endSession(forgotten);
    return { forgotten: true };
  }

  return {
    vault,
    rateLimits,
    gateway,
    signIn,
    bluesky,
    blueskySessions,
    blueskyOAuth,
    loginBudget,
    forget,
    accountOrigins: async () => {
      try {
        return [...new Set((await vault.credentials()).map((c) => c.origin))];
      } catch {
        return [];
      }
    },
  };
}
