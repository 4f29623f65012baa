import type { NetworkCapabilities } from '@shared/domain';
import type { SlowpostDb } from '../database';
import { sameRecord } from './same-record';

/**
 * What a sync learned about the account on its server: what a reply may do there, and that the
 * server accepts its sign-in again (any earlier sign-in problem is cleared). Written only when it
 * changes anything.
 */
export async function recordServerAccepted(
  db: SlowpostDb,
  accountId: string,
  capabilities: NetworkCapabilities,
): Promise<void> {
  await db.transaction('rw', db.accounts, async () => {
    const account = await db.accounts.get(accountId);
    if (account === undefined) return;
    const unchanged =
      sameRecord(account.capabilities, capabilities) && (account.signInProblem ?? null) === null;
    if (unchanged) return;
    await db.accounts.put({ ...account, capabilities, signInProblem: null });
  });
}

/** The server refused the account's sign-in (a revoked token): Settings asks to sign in again. */
export async function recordSignInRefused(
  db: SlowpostDb,
  accountId: string,
  reason: string,
): Promise<void> {
  await db.transaction('rw', db.accounts, async () => {
    const account = await db.accounts.get(accountId);
    if (account === undefined || account.signInProblem === reason) return;
    await db.accounts.put({ ...account, signInProblem: reason });
  });
}

/** The network confirmed the user has seen everything up to this activity. */
export async function recordSeenTold(
  db: SlowpostDb,
  accountId: string,
  activityNetworkId: string,
): Promise<void> {
  await db.transaction('rw', db.accounts, async () => {
    const account = await db.accounts.get(accountId);
    if (account === undefined) return;
    await db.accounts.put({ ...account, seenToldUpTo: activityNetworkId });
  });
}
