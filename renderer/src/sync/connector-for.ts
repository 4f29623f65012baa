import type { Account } from '../../../shared/domain';
import type { Connector } from '../../../shared/connectors/connector';
import { createDemoConnector } from '../../../shared/demo';

/** The connector that speaks for an account. Mastodon and Bluesky join here. */
export function connectorFor(account: Account, now: () => number): Connector | null {
  switch (account.network) {
    case 'demo':
      return createDemoConnector({ anchor: account.addedAt, clock: now });
    case 'mastodon':
    case 'bluesky':
      return null;
  }
}
