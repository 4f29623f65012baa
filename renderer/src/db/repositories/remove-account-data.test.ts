import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  BLUESKY,
  MASTODON,
  readAccount,
  recordsOf,
  writeAccount,
} from '../../testing/two-accounts';
import { SlowpostDatabase } from '../database';
import { removeAccountData } from './accounts';
import { linkPeople, linkOf } from './person-links';
import { recordSkipped, recordSyncSucceeded } from './sync-log';

let db: SlowpostDatabase;
let name = 0;
beforeEach(async () => {
  db = new SlowpostDatabase(`remove-account-${++name}`);
  await writeAccount(db, MASTODON, recordsOf(MASTODON, 'Mira'));
  await writeAccount(db, BLUESKY, recordsOf(BLUESKY, 'Mira'));
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('removing one of two accounts', () => {
  it("removes its conversations, drafts and outbox entries, and nothing of the other's", async () => {
    await recordSyncSucceeded(db, MASTODON.id, 3_000);
    await recordSyncSucceeded(db, BLUESKY.id, 3_000);
    await recordSkipped(db, BLUESKY.id, [{ itemId: 'x', message: 'unreadable' }], 3_000);
    const mastodonBefore = await readAccount(db, MASTODON.id);
    expect(mastodonBefore).toEqual(recordsOf(MASTODON, 'Mira'));

    await removeAccountData(db, BLUESKY.id, 4_000);

    const gone = await readAccount(db, BLUESKY.id);
    expect(gone).toEqual({
      people: [],
      posts: [],
      threads: [],
      activity: [],
      drafts: [],
      outbox: [],
    });
    expect(await db.accounts.get(BLUESKY.id)).toBeUndefined();
    expect(await db.syncStatus.get(BLUESKY.id)).toBeUndefined();
    expect(await db.syncLog.where('accountId').equals(BLUESKY.id).count()).toBe(0);

    expect(await db.accounts.get(MASTODON.id)).toEqual(MASTODON);
    expect(await readAccount(db, MASTODON.id)).toEqual(mastodonBefore);
    expect(await db.syncStatus.get(MASTODON.id)).toMatchObject({ lastSucceededAt: 3_000 });
  });

  it('ends a "same person" link with the removed account; the other person keeps the notes', async () => {
    const mira = `${MASTODON.id}|author`;
    const miraSky = `${BLUESKY.id}|author`;
    await db.people.update(mira, { notes: 'Met at the garden club', keepInTouchDays: 14 });
    expect(await linkPeople(db, mira, miraSky, 2_000)).toEqual({ ok: true });

    await removeAccountData(db, BLUESKY.id, 4_000);

    expect(await linkOf(db, mira)).toBeUndefined();
    expect(await db.personLinks.count()).toBe(0);
    expect(await db.people.get(mira)).toMatchObject({
      notes: 'Met at the garden club',
      keepInTouchDays: 14,
    });
  });
});
