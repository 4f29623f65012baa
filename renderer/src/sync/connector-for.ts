import type { Account } from '../../../shared/domain';
import type { Connector } from '../../../shared/connectors/connector';
import { createDemoConnector } from '../../../shared/demo';

/** Whether the computer is online: the page and the sync worker both see `navigator.onLine`. */
const isOnline = (): boolean => typeof navigator === 'undefined' || navigator.onLine;

/** The connector that speaks for an account. Mastodon and Bluesky join here. */
export function connectorFor(account: Account, now: () => number): Connector | null {
  switch (account.network) {
    case 'demo':
      return createDemoConnector({ anchor: account.addedAt, clock: now, isOnline });
    case 'mastodon':
    case 'bluesky':
      return null;
  }
}
