import { accountMarkLabel, accountViaLabel, type MarkedAccount } from '../accounts/account-mark';
import { NetworkGlyph } from './NetworkGlyph';

/**
 * Which account a conversation came to, quietly: the network's shape and the handle. Screen
 * readers hear "to alice.bsky.social on Bluesky".
 */
export function AccountMark({
  account,
  className,
  via = false,
}: {
  readonly account: MarkedAccount;
  readonly className?: string;
  /** For a person rather than a conversation: "via alice.bsky.social on Bluesky". */
  readonly via?: boolean;
}) {
  const label = via ? accountViaLabel(account) : accountMarkLabel(account);
  return (
    <span
      className={`account-mark account-mark--${account.network}${className === undefined ? '' : ` ${className}`}`}
      title={label}
    >
      <NetworkGlyph network={account.network} />
      <span className="account-mark__handle" aria-hidden="true">
        {account.handle}
      </span>
      <span className="visually-hidden">{label}</span>
    </span>
  );
}
