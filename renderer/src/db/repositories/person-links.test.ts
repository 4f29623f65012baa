import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Account } from '@shared/domain';
import { BLUESKY, MASTODON, personOf } from '../../testing/two-accounts';
import { SlowpostDatabase } from '../database';
import { loadReplyContext, storeNoteVersion } from './composer-context';
import {
  linkCandidates,
  linkOf,
  linkPeople,
  linkedPeople,
  unlinkPerson,
  withLinkedNotes,
  writeKeepInTouch,
} from './person-links';

const SECOND_MASTODON: Account = {
  ...MASTODON,
  id: 'm-0000000000000002',
  handle: '@me@other.social',
};
const mira = personOf(MASTODON, 'mira', 'Mira Castellanos');
const miraSky = personOf(BLUESKY, 'did:plc:mira', 'Mira C.');
const miraOther = personOf(SECOND_MASTODON, 'mira', 'Mira Castellanos');
const tomas = personOf(MASTODON, 'tomas', 'Tomás Ruiz');
const self = { ...personOf(BLUESKY, 'did:plc:me', 'Me'), isSelf: true };

let db: SlowpostDatabase;
let name = 0;
beforeEach(async () => {
  db = new SlowpostDatabase(`person-links-${++name}`);
  await db.accounts.bulkPut([MASTODON, BLUESKY, SECOND_MASTODON]);
  await db.people.bulkPut([
    { ...mira, notes: 'Met at the garden club', keepInTouchDays: 30 },
    { ...miraSky, notes: 'Posts about seeds', keepInTouchDays: 14 },
    miraOther,
    tomas,
    self,
  ]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const notesOf = async (id: string) => {
  const person = await db.people.get(id);
  if (person === undefined) throw new Error(`no ${id}`);
  return (await withLinkedNotes(db, person)).notes;
};

describe('"this is the same person"', () => {
  it('links two people of different accounts, keeping both notes and the more frequent cadence', async () => {
    expect(await linkPeople(db, mira.id, miraSky.id, 5_000)).toEqual({ ok: true });
    const link = await linkOf(db, miraSky.id);
    expect(link).toMatchObject({
      personIds: [mira.id, miraSky.id],
      notes: 'Met at the garden club\n\nPosts about seeds',
      keepInTouchDays: 14,
      linkedAt: 5_000,
    });
    // Stored once: on the link, not on each person.
    expect(await db.people.get(mira.id)).toMatchObject({ notes: '', keepInTouchDays: null });
    expect((await linkedPeople(db, mira.id)).map((p) => p.id)).toEqual([miraSky.id]);
  });

  it('applies notes and keep-in-touch written for one to the other', async () => {
    await linkPeople(db, mira.id, miraSky.id, 5_000);
    await storeNoteVersion(db, {
      kind: 'note',
      personId: miraSky.id,
      notes: 'Loves tomatoes',
      updatedAt: 6_000,
    });
    await writeKeepInTouch(db, mira.id, 7, 3_000);
    expect(await notesOf(mira.id)).toBe('Loves tomatoes');
    const person = await db.people.get(mira.id);
    expect(person && (await withLinkedNotes(db, person)).keepInTouchDays).toBe(7);
  });

  it('opens the composer with the link’s notes for a linked author', async () => {
    await linkPeople(db, mira.id, miraSky.id, 5_000);
    await db.posts.put({
      id: `${BLUESKY.id}|post`,
      accountId: BLUESKY.id,
      networkId: 'post',
      uri: 'at://did:plc:mira/app.bsky.feed.post/1',
      cid: null,
      url: null,
      threadId: `${BLUESKY.id}|post`,
      authorId: miraSky.id,
      contentHtml: '<p>Hi</p>',
      createdAt: 1,
      parent: null,
      root: { id: `${BLUESKY.id}|post`, uri: 'at://did:plc:mira/app.bsky.feed.post/1', cid: null },
      visibility: 'public',
      contentWarning: null,
      language: 'en',
      isOwn: false,
      arrivedAt: 1,
      screen: null,
    });
    const context = await loadReplyContext(db, `${BLUESKY.id}|post`);
    expect(context?.author?.notes).toBe('Met at the garden club\n\nPosts about seeds');
  });

  it('unlinks: each person keeps a copy, and later notes are their own again', async () => {
    await linkPeople(db, mira.id, miraSky.id, 5_000);
    await unlinkPerson(db, miraSky.id);
    expect(await db.personLinks.count()).toBe(0);
    const joined = 'Met at the garden club\n\nPosts about seeds';
    expect(await db.people.get(mira.id)).toMatchObject({ notes: joined, keepInTouchDays: 14 });
    expect(await db.people.get(miraSky.id)).toMatchObject({ notes: joined, keepInTouchDays: 14 });
    await storeNoteVersion(db, {
      kind: 'note',
      personId: mira.id,
      notes: 'Only here',
      updatedAt: 1,
    });
    expect(await notesOf(miraSky.id)).toBe(joined);
  });

  it('lets a third account join, and leaving it keeps the other two linked', async () => {
    await linkPeople(db, mira.id, miraSky.id, 5_000);
    expect(await linkPeople(db, miraOther.id, miraSky.id, 6_000)).toEqual({ ok: true });
    expect((await linkOf(db, mira.id))?.personIds).toEqual([mira.id, miraSky.id, miraOther.id]);
    await unlinkPerson(db, mira.id);
    expect((await linkOf(db, miraSky.id))?.personIds).toEqual([miraSky.id, miraOther.id]);
  });

  it('refuses two people of one account, and the user themselves', async () => {
    expect(await linkPeople(db, mira.id, tomas.id, 5_000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/one person per account/) as unknown,
    });
    expect(await linkPeople(db, mira.id, self.id, 5_000)).toMatchObject({ ok: false });
    expect(await db.personLinks.count()).toBe(0);
  });

  it('offers people of other accounts by name or handle, not the user, not the same account', async () => {
    const names = async (query: string) => (await linkCandidates(db, mira, query)).map((p) => p.id);
    // By name: “Mira C.” before “Mira Castellanos”.
    expect(await names('')).toEqual([miraSky.id, miraOther.id]);
    expect(await names('BSKY')).toEqual([miraSky.id]);
    expect(await names('tomás')).toEqual([]);
    await linkPeople(db, mira.id, miraSky.id, 5_000);
    expect(await names('')).toEqual([miraOther.id]);
  });
});
