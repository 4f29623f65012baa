import type { Account } from '../../../shared/domain';
import { bridge } from '../bridge/bridge';
import type { SlowpostDb } from '../db/database';
import { removeAccountData } from '../db/repositories/accounts';
import { removeDemo } from '../db/repositories/demo';

export type RemoveResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Removes an account from this computer: first its credentials (main forgets them), then
 * everything that came from it, in one transaction. If the credentials cannot be forgotten,
 * nothing is removed, so no sign-in is ever left behind without the account it belongs to. The
 * demo has no credentials; removing it is remembered, so it does not come back.
 */
export async function removeAccount(
  db: SlowpostDb,
  account: Account,
  now: number,
): Promise<RemoveResult> {
  if (account.network === 'demo') {
    await removeDemo(db, now);
    return { ok: true };
  }
  const forgot = await bridge.accounts.forget({ accountId: account.id });
  if (!forgot.ok) {
    return {
      ok: false,
      message: `Slowpost could not forget its sign-in for ${account.handle}, so nothing was removed: ${forgot.error.message}`,
    };
  }
  await removeAccountData(db, account.id);
  return { ok: true };
}
