import type { Account } from '../domain';
import { DEMO_ACCOUNT_ID, DEMO_SERVER_ORIGIN } from './constants';
import { personNetworkId, SELF_SEED } from './people';

/** The demo account, as if it had been added at `anchor`. */
export function createDemoAccount(anchor: number): Account {
  return {
    id: DEMO_ACCOUNT_ID,
    network: 'demo',
    handle: '@you (demo)',
    displayName: SELF_SEED.name,
    serverOrigin: DEMO_SERVER_ORIGIN,
    networkUserId: personNetworkId(SELF_SEED.key),
    isDemo: true,
    addedAt: anchor,
    syncCursor: null,
    lastSyncedAt: null,
  };
}
