import Dexie from 'dexie';
import type { Account, Delivery } from '@shared/domain';
import type { SlowpostDb } from '../database';

type SeenUpTo = NonNullable<Account['seenUpTo']>;

/**
 * When a session is done, notes per account the newest activity its deliveries released, so
 * that the network can be told the user has seen everything up to it (the sync worker tells it:
 * `tell-seen.ts`). A position never moves back. Joins the caller's transaction, which must hold
 * `accounts` and `activity`.
 */
export async function noteSeenUpTo(db: SlowpostDb, closing: readonly Delivery[]): Promise<void> {
  const newest = new Map<string, SeenUpTo>();
  await Promise.all(
    closing.map((delivery) =>
      db.activity
        .where('[deliveryId+arrivedAt]')
        .between([delivery.id, Dexie.minKey], [delivery.id, Dexie.maxKey], true, true)
        .each((item) => {
          const known = newest.get(item.accountId);
          if (known === undefined || isNewer(item, known)) {
            newest.set(item.accountId, { networkId: item.networkId, createdAt: item.createdAt });
          }
        }),
    ),
  );
  for (const [accountId, seen] of newest) {
    const account = await db.accounts.get(accountId);
    if (account === undefined) continue;
    if (account.seenUpTo !== undefined && !isNewer(seen, account.seenUpTo)) continue;
    await db.accounts.put({ ...account, seenUpTo: seen });
  }
}

/** Later in time; at the same instant, the greater network id (the order networks page in). */
function isNewer(a: SeenUpTo, b: SeenUpTo): boolean {
  if (a.createdAt !== b.createdAt) return a.createdAt > b.createdAt;
  return a.networkId.length !== b.networkId.length
    ? a.networkId.length > b.networkId.length
    : a.networkId > b.networkId;
}
