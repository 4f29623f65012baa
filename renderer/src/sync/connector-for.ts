import type { Account } from '@shared/domain';
import type { Connector } from '@shared/connectors/connector';
import { ACCOUNT_HEADER } from '@shared/connectors/gateway';

/** Whether the computer is online: the page and the sync worker both see `navigator.onLine`. */
const isOnline = (): boolean => typeof navigator === 'undefined' || navigator.onLine;

/**
 * The connector that speaks for an account. A real network's requests go to this page's (or
 * worker's) own origin, naming the account in one header: the network gateway in main adds the
 * credentials and forwards them to the account's server, so no token is ever here.
 *
 * A network's connector (and its client library: `masto`, `@atproto/api`; the demo network's
 * generated people and conversations) is loaded the first time an account of that network needs
 * it, so opening the app never waits for them.
 */
export async function connectorFor(account: Account, now: () => number): Promise<Connector | null> {
  const gateway = { account, baseUrl: location.origin, headers: { [ACCOUNT_HEADER]: account.id } };
  switch (account.network) {
    case 'demo': {
      const { createDemoConnector } = await import('@shared/demo/demo-connector');
      return createDemoConnector({ anchor: account.addedAt, clock: now, isOnline });
    }
    case 'mastodon': {
      const { createMastodonConnector } = await import('../connectors/mastodon/mastodon-connector');
      return createMastodonConnector({ ...gateway, now, isOnline });
    }
    case 'bluesky': {
      const { createBlueskyConnector } = await import('../connectors/bluesky/bluesky-connector');
      return createBlueskyConnector({ ...gateway, now, isOnline });
    }
  }
}
