import type { Connector, IncomingPerson, PeoplePage } from '@shared/connectors/connector';
import { withDeadline } from '@shared/connectors/deadline';
import { IncomingPersonSchema } from '@shared/connectors/incoming-schemas';
import type { Account } from '@shared/domain';
import type { SlowpostDb } from '../db/database';
import { letInFollowed } from '../db/repositories/followed-people';
import type { SyncOptions } from './sync-account';

/** The people the user follows change slowly: they are read again once a day. */
export const FOLLOWING_READ_EVERY_MS = 24 * 60 * 60_000;
/** A safety net: at 40–80 people a page, far more people than anyone follows. */
const MAX_FOLLOWING_PAGES = 500;

export function followingDue(account: Account, now: number): boolean {
  return (
    account.followingReadAt === undefined ||
    now - account.followingReadAt >= FOLLOWING_READ_EVERY_MS
  );
}

/**
 * Reads every page of the people the user follows and lets them past the screener
 * (`letInFollowed`). Each page is parsed at the boundary: someone malformed is left out (and
 * logged), never the rest. Returns how many people were let in.
 */
export async function readFollowing(
  db: SlowpostDb,
  connector: Connector,
  now: () => number,
  log: (message: string) => void,
  options: SyncOptions = {},
): Promise<number> {
  const accountId = connector.account.id;
  const people: IncomingPerson[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_FOLLOWING_PAGES; page += 1) {
    const asked: string | null = cursor;
    const result: PeoplePage = await withDeadline(
      (call) => connector.fetchFollowing(asked, call),
      options.requestTimeoutMs,
      options.timer,
    );
    for (const raw of result.people) {
      const parsed = IncomingPersonSchema.safeParse(raw);
      if (parsed.success) people.push(parsed.data);
      else log(`sync ${accountId}: someone followed could not be read: ${parsed.error.message}`);
    }
    for (const problem of result.problems) {
      log(`sync ${accountId}: following: ${problem.itemId ?? 'someone'}: ${problem.message}`);
    }
    cursor = result.nextCursor;
    if (cursor === null) break;
  }
  return letInFollowed(db, accountId, people, now());
}
