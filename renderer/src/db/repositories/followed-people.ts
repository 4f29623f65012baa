import type { IncomingPerson } from '@shared/connectors/connector';
import type { Person } from '@shared/domain';
import type { SlowpostDb } from '../database';
import { mergePerson } from './ingest-merge';
import { sameRecord } from './same-record';

/**
 * The people the user follows pass the screener: each is stored (someone who has not written yet
 * is kept for when they do), and whoever is still undecided (`unknown`) is let in. The user's own
 * decision is never changed: someone they kept out stays out, whoever follows them or not.
 * Records the moment on the account, in the same transaction. Returns how many were let in now.
 */
export async function letInFollowed(
  db: SlowpostDb,
  accountId: string,
  followed: readonly IncomingPerson[],
  now: number,
): Promise<number> {
  const people = [
    ...new Map(
      followed.filter((p) => p.accountId === accountId && !p.isSelf).map((p) => [p.id, p]),
    ).values(),
  ];
  return db.transaction('rw', [db.accounts, db.people], async () => {
    const account = await db.accounts.get(accountId);
    if (account === undefined) return 0;
    const before = await db.people.bulkGet(people.map((p) => p.id));
    let letIn = 0;
    const writes: Person[] = [];
    people.forEach((incoming, index) => {
      const stored = before[index];
      const merged = mergePerson(incoming, stored, now);
      const next: Person =
        merged.screening === 'unknown' ? { ...merged, screening: 'let-in' } : merged;
      if (next.screening !== (stored?.screening ?? 'unknown')) letIn += 1;
      if (!sameRecord(stored, next)) writes.push(next);
    });
    await db.people.bulkPut(writes);
    await db.accounts.put({ ...account, followingReadAt: now });
    return letIn;
  });
}
