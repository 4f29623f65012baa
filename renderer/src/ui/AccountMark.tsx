import {
  accountFromLabel,
  accountMarkLabel,
  accountViaLabel,
  type MarkedAccount,
} from '../accounts/account-mark';
import { NetworkGlyph } from './NetworkGlyph';

/**
 * Which account a conversation came to, quietly: the network's shape and the handle. Screen
 * readers hear "to alice.bsky.social on Bluesky".
 */
export function AccountMark({
  account,
  className,
  relation = 'to',
}: {
  readonly account: MarkedAccount;
  readonly className?: string;
  /**
   * `to`: a conversation came to it; `via`: a person is known through it; `from`: a reply goes
   * out from it.
   */
  readonly relation?: 'to' | 'via' | 'from';
}) {
  const label =
    relation === 'via'
      ? accountViaLabel(account)
      : relation === 'from'
        ? accountFromLabel(account)
        : accountMarkLabel(account);
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
