import type { CredentialVault } from '../services/credential-vault';
import type { DeliveryService } from '../services/delivery-service';
import type { ExternalLinks } from '../services/external-links';
import type { MastodonSignIn } from '../services/mastodon-sign-in';
import type { QuitGuard } from '../services/quit-guard';
import { UserFacingError } from '../services/user-facing-error';
import type { BridgeHandlers } from './bridge-dispatcher';

export interface BridgeServices {
  readonly appInfo: {
    name: string;
    version: string;
    platform: string;
    host: 'electron' | 'web-host';
  };
  readonly links: ExternalLinks;
  readonly deliveries: DeliveryService;
  readonly quitGuard: QuitGuard;
  readonly signIn: MastodonSignIn;
  readonly vault: Pick<CredentialVault, 'status'>;
}

/** Maps each channel of the contract to the service that answers it. */
export function createBridgeHandlers(services: BridgeServices): BridgeHandlers {
  return {
    'app:getInfo': () => services.appInfo,
    'app:flushed': (input) => services.quitGuard.flushed(input),
    'links:openExternal': ({ url }) => services.links.open(url),
    'deliveries:configure': (input) => services.deliveries.configure(input),
    'deliveries:status': () => services.deliveries.status(),
    'deliveries:delivered': (input) => services.deliveries.delivered(input),
    'accounts:beginSignIn': ({ network, server, accountId, mode }) => {
      // Bluesky's browser sign-in is built on another branch (issue 12, seam 2).
      if (network === 'bluesky') throw new UserFacingError('Not available yet');
      return services.signIn.begin({ server, accountId, ...(mode === undefined ? {} : { mode }) });
    },
    // Built on another branch (issue 12, seam 2); until then the form says so.
    'accounts:signInWithAppPassword': () => {
      throw new UserFacingError('Not available yet');
    },
    'accounts:finishSignIn': (input) => services.signIn.finish(input),
    'accounts:cancelSignIn': ({ attemptId }) => {
      services.signIn.cancel(attemptId);
      return {};
    },
    'accounts:forget': ({ accountId }) => services.signIn.forget(accountId),
    'accounts:vaultStatus': () => services.vault.status(),
  };
}
