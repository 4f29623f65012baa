import type { Account } from '../../../../shared/domain';
import type { CountOptions } from '../../../../shared/text/length-counter';

/**
 * How the composer counts for an account: its server's own limits as the last sync read them
 * (`capabilities`), else the limit an older version stored (`postLimit`), else the network's
 * defaults (left to the counter).
 */
export function postLimitOf(
  account: Account | undefined,
): Pick<CountOptions, 'maxCharacters' | 'charactersPerUrl'> {
  const limit = account?.capabilities?.postLimit;
  if (limit !== undefined) {
    return { maxCharacters: limit.graphemes, charactersPerUrl: limit.charactersPerUrl };
  }
  return account?.postLimit === undefined ? {} : { maxCharacters: account.postLimit };
}
