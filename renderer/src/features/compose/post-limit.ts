import type { Account, NetworkCapabilities } from '@shared/domain';
import { BLUESKY_CAPABILITIES, MASTODON_DEFAULT_CAPABILITIES } from '@shared/domain';
import type { CountOptions } from '@shared/text/length-counter';

/**
 * What a reply from this account may do: its server's own capabilities as the last sync read
 * them, else its network's defaults (for a Mastodon server, with the post limit an older version
 * stored, if any). The demo behaves like a Mastodon server.
 */
export function capabilitiesOf(account: Account | undefined): NetworkCapabilities {
  if (account?.capabilities !== undefined) return account.capabilities;
  if (account?.network === 'bluesky') return BLUESKY_CAPABILITIES;
  if (account?.postLimit === undefined) return MASTODON_DEFAULT_CAPABILITIES;
  return {
    ...MASTODON_DEFAULT_CAPABILITIES,
    postLimit: { ...MASTODON_DEFAULT_CAPABILITIES.postLimit, graphemes: account.postLimit },
  };
}

/** How the composer counts for an account (see `capabilitiesOf`); an unknown one: the defaults. */
export function postLimitOf(
  account: Account | undefined,
): Pick<CountOptions, 'maxCharacters' | 'charactersPerUrl' | 'maxBytes'> {
  if (account === undefined) return {};
  const { graphemes, charactersPerUrl, bytes } = capabilitiesOf(account).postLimit;
  return { maxCharacters: graphemes, charactersPerUrl, maxBytes: bytes };
}
