import type { Clock } from './clock';
import { createCredentialVault, type CredentialVault } from './credential-vault';
import type { Encryptor } from './encryptor';
import type { ExternalLinks } from './external-links';
import { createMastodonSignIn, type MastodonSignIn } from './mastodon-sign-in';
import { createNetworkGateway, type FetchLike, type NetworkGateway } from './network-gateway';
import { createRateLimits, type RateLimits } from './rate-limits';
import type { KeptFile } from './text-file';

/** The network side every real account shares: one vault, one rate-limit record, one gateway. */
export interface NetworkServices {
  readonly vault: CredentialVault;
  readonly rateLimits: RateLimits;
  readonly gateway: NetworkGateway;
  readonly signIn: MastodonSignIn;
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
  const gateway = createNetworkGateway({
    vault,
    fetch: options.fetch,
    rateLimits,
    isTrustedOrigin: options.isTrustedOrigin,
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
  return { vault, rateLimits, gateway, signIn };
}
