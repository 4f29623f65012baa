import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutboxEntry, Post } from '@shared/domain';
import { BLUESKY, MASTODON, personOf } from '../../testing/two-accounts';
import { SlowpostDatabase } from '../database';
import { mergePerson } from './ingest-merge';
import { keepInTouchNudge, keptInTouch } from './keep-in-touch';
import { linkPeople, snoozeKeepInTouch, writeKeepInTouch } from './person-links';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 10, 25, 9);
const day = (n: number) => T0 + n * DAY;

const mira = personOf(MASTODON, 'mira', 'Mira Castellanos');
const miraSky = personOf(BLUESKY, 'did:plc:mira', 'Mira C.');
const tomas = personOf(MASTODON, 'tomas', 'Tomás Ruiz');
const meMasto = `${MASTODON.id}|1`;
const meSky = `${BLUESKY.id}|did:plc:me`;

function post(id: string, authorId: string, onDay: number, threadId = id): Post {
  const ref = (key: string) => ({ id: key, uri: `uri:${key}`, cid: null });
  return {
    id,
    accountId: id.split('|')[0] ?? '',
    networkId: id,
    uri: `uri:${id}`,
    cid: null,
    url: null,
    threadId,
    authorId,
    contentHtml: `<p>${id}</p>`,
    createdAt: day(onDay),
    parent: threadId === id ? null : ref(threadId),
    root: ref(threadId),
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    isOwn: authorId === meMasto || authorId === meSky,
    arrivedAt: day(onDay),
    screen: null,
  };
}

let db: SlowpostDatabase;
let name = 0;
beforeEach(async () => {
  db = new SlowpostDatabase(`keep-in-touch-${++name}`);
  await db.accounts.bulkPut([MASTODON, BLUESKY]);
  await db.people.bulkPut([mira, miraSky, tomas]);
  // Everything is delivered.
  await db.deliveries.put({
    id: 'd1',
    kind: 'scheduled',
    scheduledFor: day(0),
    deliveredAt: day(0),
    releasedUpTo: day(0),
    missedSlots: 0,
    itemCount: 0,
    conversationCount: 0,
    carriedCount: 0,
    openedEarly: null,
    openedAt: day(0),
    closedAt: day(0),
  });
  const masto = `${MASTODON.id}|t1`;
  const sky = `${BLUESKY.id}|t2`;
  await db.posts.bulkPut([
    post(masto, mira.id, -30),
    post(`${MASTODON.id}|r1`, meMasto, -29, masto),
    post(sky, meSky, -12),
    post(`${BLUESKY.id}|r2`, miraSky.id, -11, sky),
    post(`${MASTODON.id}|t3`, tomas.id, -2),
  ]);
  await db.threads.put({
    id: sky,
    accountId: BLUESKY.id,
    rootPostId: sky,
    subject: 'Seed swap on Saturday?',
    participantIds: [meSky, miraSky.id],
    participantsLabel: 'Mira C. and you',
    lastSnippet: '',
    isDirect: false,
    lastActivityAt: day(-11),
    lastPostId: `${BLUESKY.id}|r2`,
    triage: 'done',
    triagedAt: null,
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('keeping in touch, from the store', () => {
  it('lists only the people with a cadence, linked people once, with their last contact', async () => {
    await writeKeepInTouch(db, mira.id, 14, day(-40));
    await writeKeepInTouch(db, tomas.id, 30, day(-1));
    await linkPeople(db, mira.id, miraSky.id, day(-35));
    const list = await keptInTouch(db);
    expect(list.map((e) => [e.kept.key, e.person.id, e.last?.at, e.about])).toEqual([
      // Linked: the Bluesky conversation is the latest; the person shown is the one there.
      [`${mira.id}+${miraSky.id}`, miraSky.id, day(-11), 'Seed swap on Saturday?'],
      // Never in touch (Tomás only wrote by himself): due a cadence after it was set.
      [tomas.id, tomas.id, undefined, null],
    ]);
    expect(list[0]?.kept.since).toBe(day(-40));
    expect(list[1]?.dueAt).toBe(day(29));
  });

  it('nudges about the overdue until "not this week", and again once it is over', async () => {
    await writeKeepInTouch(db, mira.id, 7, day(-40));
    await linkPeople(db, mira.id, miraSky.id, day(-35));
    expect((await keepInTouchNudge(db, day(0))).map((e) => e.person.id)).toEqual([miraSky.id]);
    await snoozeKeepInTouch(db, mira.id, day(3));
    expect(await keepInTouchNudge(db, day(1))).toEqual([]);
    expect((await keepInTouchNudge(db, day(3))).map((e) => e.person.id)).toEqual([miraSky.id]);
    // Only those a session showed when it opened.
    expect(await keepInTouchNudge(db, day(3), new Set(['someone else']))).toEqual([]);
    // Stopping forgets the snooze and the start.
    await writeKeepInTouch(db, miraSky.id, null, day(4));
    expect(await keptInTouch(db)).toEqual([]);
  });

  it('a new conversation written to them first counts once it is on its way', async () => {
    await writeKeepInTouch(db, tomas.id, 7, day(-20));
    // A post that answers nothing, as the outbox keeps one (written to someone first): no
    // thread and no post answered, an addressee.
    const written = {
      id: 'o-new',
      idempotencyKey: 'key-o-new-0123456789abcdef',
      accountId: MASTODON.id,
      threadId: null,
      inReplyToPostId: null,
      addressee: { personId: tomas.id, networkId: 'tomas', handle: 'tomas@example.social' },
      text: 'Tomás, how was the ride to the coast?',
      visibility: 'public',
      contentWarning: null,
      language: 'en',
      state: 'waiting',
      createdAt: day(-1),
      sendAfter: day(-1),
      attempts: 0,
      firstAttemptAt: null,
      outcomeUnknown: false,
      nextAttemptAt: day(-1),
      lastError: null,
      sentPostId: null,
      recordKey: null,
    } as unknown as OutboxEntry;
    expect((await keepInTouchNudge(db, day(0))).map((e) => e.person.id)).toEqual([tomas.id]);
    await db.outbox.put(written);
    expect(await keepInTouchNudge(db, day(0))).toEqual([]);
    const [entry] = await keptInTouch(db);
    expect(entry?.about).toBe('Tomás, how was the ride to the coast?');
    // Cancelled, it never reached him.
    await db.outbox.update('o-new', { state: 'cancelled' });
    expect((await keepInTouchNudge(db, day(0))).map((e) => e.person.id)).toEqual([tomas.id]);
  });

  it('a cadence change keeps when keeping in touch began', async () => {
    await writeKeepInTouch(db, tomas.id, 30, day(-20));
    await writeKeepInTouch(db, tomas.id, 7, day(-1));
    const [entry] = await keptInTouch(db);
    expect(entry?.kept).toMatchObject({ cadenceDays: 7, since: day(-20) });
    expect((await keepInTouchNudge(db, day(0))).map((e) => e.person.id)).toEqual([tomas.id]);
  });
});

it('a sync keeps when keeping in touch began and any "not this week"', () => {
  const stored = {
    ...mira,
    keepInTouchDays: 7,
    keepInTouchSince: day(-9),
    keepInTouchSnoozedUntil: day(2),
  };
  const { screening: _s, notes: _n, keepInTouchDays: _k, firstSeenAt: _f, ...incoming } = mira;
  expect(mergePerson({ ...incoming, displayName: 'Mira' }, stored, day(0))).toEqual({
    ...stored,
    displayName: 'Mira',
  });
  // Records from before these fields stay without them.
  expect(mergePerson(incoming, mira, day(0))).toEqual(mira);
});
