import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Delivery, OutboxEntry, Person } from '@shared/domain';
import { weekContaining, weekFigures } from '@shared/week';
import { post } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { addSessionTime } from './session-time';
import { readWeekRecords } from './week-records';

const ZONE = 'Europe/London';
const MINUTE = 60_000;
const at = (day: number, hh: number, mm = 0) => Date.UTC(2026, 10, day, hh, mm);
const WEEK = weekContaining(at(25, 12), ZONE);

let db: SlowpostDatabase;
let n = 0;
beforeEach(() => {
  db = new SlowpostDatabase(`week-records-${++n}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function delivery(id: string, deliveredAt: number, kind: Delivery['kind'] = 'scheduled'): Delivery {
  return {
    id,
    kind,
    scheduledFor: deliveredAt,
    deliveredAt,
    releasedUpTo: deliveredAt,
    missedSlots: 0,
    itemCount: 1,
    conversationCount: 1,
    carriedCount: 0,
    openedEarly: kind === 'early' ? { at: deliveredAt, reason: 'A friend’s news' } : null,
    openedAt: deliveredAt,
    closedAt: deliveredAt + MINUTE,
  };
}

function person(id: string, displayName: string, isSelf = false): Person {
  const [accountId = '', networkId = ''] = id.split('|');
  return {
    id,
    accountId,
    networkId,
    handle: `@${networkId}@example.social`,
    displayName,
    avatarUrl: null,
    profileUrl: null,
    isSelf,
    firstSeenAt: 0,
    screening: 'let-in',
    notes: '',
    keepInTouchDays: null,
  };
}

function sentEntry(
  id: string,
  inReplyToPostId: string,
  threadId: string,
  sentAt: number,
): OutboxEntry {
  return {
    id,
    idempotencyKey: `key-${id}-0123456789abcdef`,
    accountId: inReplyToPostId.split('|')[0] ?? 'acct',
    threadId,
    inReplyToPostId,
    text: 'Thank you',
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    state: 'sent',
    createdAt: sentAt - MINUTE,
    sendAfter: sentAt,
    attempts: 1,
    firstAttemptAt: sentAt,
    outcomeUnknown: false,
    nextAttemptAt: sentAt,
    lastError: null,
    sentPostId: `sent-${id}`,
  };
}

describe('readWeekRecords', () => {
  it('reads only the week, and counts one human on two networks once', async () => {
    await db.deliveries.bulkPut([
      delivery('last-week', at(20, 9)),
      delivery('monday', at(23, 13)),
      delivery('early', at(25, 7), 'early'),
      delivery('next-week', at(31, 13)), // Tuesday 1 December
    ]);
    await addSessionTime(db, 'monday', at(23, 13, 1), at(23, 13, 1) + 7 * MINUTE);
    await addSessionTime(db, 'monday', at(23, 13, 8), at(23, 13, 8) + 5 * MINUTE);
    await addSessionTime(db, 'last-week', at(20, 9), at(20, 9, 30));
    await db.people.bulkPut([
      person('acct|mira', 'Mira Okafor'),
      person('sky|mira', 'Mira on Bluesky'),
      person('acct|tom', ''),
      person('acct|me', 'Me', true),
    ]);
    await db.personLinks.put({
      id: 'acct|mira+sky|mira',
      personIds: ['acct|mira', 'sky|mira'],
      notes: '',
      keepInTouchDays: null,
      linkedAt: 0,
    });
    const skyPost = { ...post('m2', 'mira', 0, null), id: 'sky|m2', authorId: 'sky|mira' };
    await db.posts.bulkPut([
      post('m1', 'mira', 0, null),
      post('t1', 'tom', 0, null),
      post('own', 'me', 0, null),
      skyPost,
    ]);
    await db.outbox.bulkPut([
      sentEntry('r1', 'acct|m1', 'acct|m1', at(23, 13, 5)),
      sentEntry('r2', 'sky|m2', 'sky|m2', at(24, 18)),
      sentEntry('r3', 'acct|t1', 'acct|t1', at(26, 9)),
      sentEntry('r4', 'acct|own', 'acct|own', at(26, 10)),
      sentEntry('r0', 'acct|t1', 'acct|t1', at(19, 9)), // last week
      { ...sentEntry('w1', 'acct|t1', 'acct|t1', at(27, 9)), state: 'waiting' },
    ]);

    const records = await readWeekRecords(db, WEEK);
    expect(records.deliveries.map((d) => d.id).sort()).toEqual(['early', 'monday']);
    expect(records.sessions).toEqual([
      { id: 'monday', startedAt: at(23, 13, 1), lastAt: at(23, 13, 13), activeMs: 12 * MINUTE },
    ]);
    expect(records.since).toBe(at(20, 9));
    expect(records.budgetMinutes).toBe(20);

    const figures = weekFigures({ ...records, week: WEEK, zone: ZONE, now: at(28, 12) });
    expect(figures.deliveries.total).toBe(2);
    expect(figures.sessions.minutes).toBe(12);
    expect(figures.answered).toBe(4);
    // Mira on two networks, linked, is one person; a handle stands in for an empty name; the
    // user's own post is nobody else.
    expect(figures.people).toEqual(['Mira Okafor', '@tom@example.social']);
  });

  it('a message that answers nothing counts the person it was written to', async () => {
    await db.people.put(person('acct|ada', 'Ada Lind'));
    const entry: OutboxEntry = {
      ...sentEntry('n1', 'acct|none', 'acct|new-thread', at(24, 11)),
      inReplyToPostId: null,
      threadId: null,
      addressee: { personId: 'acct|ada', networkId: 'ada', handle: 'ada@example.social' },
    };
    await db.outbox.put(entry);
    const records = await readWeekRecords(db, WEEK);
    const figures = weekFigures({ ...records, week: WEEK, zone: ZONE, now: at(28, 12) });
    expect(figures.people).toEqual(['Ada Lind']);
    expect(figures.answered).toBe(0);
  });
});
