import type { Account } from '../../../shared/domain';
import type { Connector } from '../../../shared/connectors/connector';
import { ACCOUNT_HEADER } from '../../../shared/connectors/gateway';
import { createDemoConnector } from '../../../shared/demo';
import { createBlueskyConnector } from '../connectors/bluesky/bluesky-connector';
import { createMastodonConnector } from '../connectors/mastodon/mastodon-connector';

/** Whether the computer is online: the page and the sync worker both see `navigator.onLine`. */
const isOnline = (): boolean => typeof navigator === 'undefined' || navigator.onLine;

/**
 * The connector that speaks for an account. A real network's requests go to this page's (or
 * worker's) own origin, naming the account in one header: the network gateway in main adds the
 * credentials and forwards them to the account's server, so no token is ever here.
 */
export function connectorFor(account: Account, now: () => number): Connector | null {
  switch (account.network) {
    case 'demo':
      return createDemoConnector({ anchor: account.addedAt, clock: now, isOnline });
    case 'mastodon':
      return createMastodonConnector({
        account,
        baseUrl: location.origin,
        headers: { [ACCOUNT_HEADER]: account.id },
        now,
        isOnline,
      });
    case 'bluesky':
      return createBlueskyConnector({
        account,
        baseUrl: location.origin,
        headers: { [ACCOUNT_HEADER]: account.id },
        now,
        isOnline,
      });
  }
}
