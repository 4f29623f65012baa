import type { Account, Network } from '@shared/domain';

/** What the app calls each network. */
export const NETWORK_NAMES: Record<Network, string> = {
  demo: 'Demo network',
  mastodon: 'Mastodon',
  bluesky: 'Bluesky',
};

/** What an account mark needs to know of its account. */
export type MarkedAccount = Pick<Account, 'id' | 'network' | 'handle' | 'isDemo'>;

/** "to alice.bsky.social on Bluesky": what a screen reader says for a mark. */
export function accountMarkLabel(account: Pick<Account, 'network' | 'handle'>): string {
  return `to ${account.handle} on ${NETWORK_NAMES[account.network]}`;
}

/** "via alice.bsky.social on Bluesky": which of the user's accounts knows a person. */
export function accountViaLabel(account: Pick<Account, 'network' | 'handle'>): string {
  return `via ${account.handle} on ${NETWORK_NAMES[account.network]}`;
}

/** "from alice.bsky.social on Bluesky": which account a reply goes out from. */
export function accountFromLabel(account: Pick<Account, 'network' | 'handle'>): string {
  return `from ${account.handle} on ${NETWORK_NAMES[account.network]}`;
}

/**
 * Whether conversations show which account they came to: as soon as one real account is
 * connected (even one, so the mark is familiar before a second arrives and the inbox does not
 * change its look when it does), never for the demo alone, where there is nothing to tell apart
 * and the demo notice already says where everything comes from.
 */
export function showAccountMarks(accounts: readonly Pick<Account, 'isDemo'>[]): boolean {
  return accounts.some((a) => !a.isDemo);
}
