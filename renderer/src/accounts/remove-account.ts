import type { Account } from '@shared/domain';
import { bridge } from '../bridge/bridge';
import type { SlowpostDb } from '../db/database';
import { removeAccountData } from '../db/repositories/accounts';
import { removeDemo } from '../db/repositories/demo';

export type RemoveResult =
  | { readonly ok: true }
  /** Nothing was removed; with `canForce`, the user may remove it from this computer anyway. */
  | { readonly ok: false; readonly message: string; readonly canForce: boolean };

/**
 * Removes an account from this computer: first its credentials (main forgets them), then
 * everything that came from it, in one transaction. If the credentials cannot be forgotten,
 * nothing is removed unless the user, told so, removes it anyway (`evenIfSignInRemains`: a vault
 * that cannot be read must not keep an account forever). The demo has no credentials; removing it
 * is remembered, so it does not come back.
 */
export async function removeAccount(
  db: SlowpostDb,
  account: Account,
  now: number,
  options: { readonly evenIfSignInRemains?: boolean } = {},
): Promise<RemoveResult> {
  if (account.network === 'demo') {
    await removeDemo(db, now);
    return { ok: true };
  }
  const forgot = await bridge.accounts.forget({ accountId: account.id });
  if (!forgot.ok && options.evenIfSignInRemains !== true) {
    return {
      ok: false,
      message: `Slowpost could not forget its sign-in for ${account.handle}, so nothing was removed: ${forgot.error.message}`,
      canForce: true,
    };
  }
  await removeAccountData(db, account.id, now);
  return { ok: true };
}
