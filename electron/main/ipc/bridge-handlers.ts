import type { AvatarStore } from '../services/avatar-store';
import type { BlueskyOAuth } from '../services/bluesky-oauth';
import type { BlueskySignIn } from '../services/bluesky-sign-in';
import type { CredentialVault } from '../services/credential-vault';
import type { DeliveryService } from '../services/delivery-service';
import type { DesktopHabitsService } from '../services/desktop-habits';
import type { ExternalLinks } from '../services/external-links';
import type { MastodonSignIn } from '../services/mastodon-sign-in';
import type { QuitGuard } from '../services/quit-guard';
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
  readonly bluesky: BlueskySignIn;
  readonly blueskyOAuth: BlueskyOAuth;
  /** Deletes an account's credentials, whatever its network. */
  readonly forget: (accountId: string) => Promise<{ forgotten: boolean }>;
  readonly vault: Pick<CredentialVault, 'status'>;
  readonly desktopHabits: DesktopHabitsService;
  readonly avatars: Pick<AvatarStore, 'store'>;
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
    'accounts:beginSignIn': ({ network, server, accountId, mode }) =>
      network === 'bluesky'
        ? services.blueskyOAuth.begin({ server, accountId })
        : services.signIn.begin({ server, accountId, ...(mode === undefined ? {} : { mode }) }),
    'accounts:finishSignIn': (input) =>
      services.blueskyOAuth.owns(input.attemptId)
        ? services.blueskyOAuth.finish(input)
        : services.signIn.finish(input),
    'accounts:cancelSignIn': ({ attemptId }) => {
      if (services.blueskyOAuth.owns(attemptId)) services.blueskyOAuth.cancel(attemptId);
      else services.signIn.cancel(attemptId);
      return {};
    },
    'accounts:forget': ({ accountId }) => services.forget(accountId),
    'accounts:vaultStatus': () => services.vault.status(),
    'accounts:signInWithAppPassword': ({ identifier, appPassword, server, accountId }) =>
      services.bluesky.signInWithAppPassword({ identifier, appPassword, server, accountId }),
    'desktop:habits': () => services.desktopHabits.status(),
    'desktop:setHabits': (habits) => services.desktopHabits.set(habits),
    'avatars:store': async ({ urls }) => ({ avatars: await services.avatars.store(urls) }),
  };
}
