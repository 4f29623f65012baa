import { describe, expect, it } from 'vitest';
import { day, linkOf, personOf, postOf, SELF_IDS } from './testing/keep-in-touch-fixtures';
import { keptPersonOf, type KeptPerson } from './kept-person';
import { lastContactWith } from './last-contact';
import { dueAt, isOverdue, nudgeAt } from './overdue';

const kept = (over: Partial<KeptPerson> = {}): KeptPerson => ({
  key: 'masto|mira',
  personIds: ['masto|mira'],
  cadenceDays: 14,
  since: day(-60),
  snoozedUntil: null,
  ...over,
});
const contact = (onDay: number) => ({
  at: day(onDay),
  threadId: 't',
  personId: 'masto|mira',
  text: null,
});

describe('overdue', () => {
  it('is the cadence after the last contact', () => {
    expect(dueAt(kept(), contact(-10))).toBe(day(4));
    expect(isOverdue(kept(), contact(-10), day(0))).toBe(false);
    expect(isOverdue(kept(), contact(-10), day(4))).toBe(false);
    expect(isOverdue(kept(), contact(-10), day(4.01))).toBe(true);
  });

  it('with no contact ever, counts from when keeping in touch began', () => {
    const justSet = kept({ since: day(-3) });
    expect(isOverdue(justSet, null, day(0))).toBe(false);
    expect(isOverdue(justSet, null, day(11.5))).toBe(true);
  });

  it('follows a cadence change from the same instants', () => {
    const monthly = kept({ cadenceDays: 30 });
    expect(isOverdue(monthly, contact(-10), day(0))).toBe(false);
    // Weekly now: ten days since the last contact is past it at once…
    expect(isOverdue({ ...monthly, cadenceDays: 7 }, contact(-10), day(0))).toBe(true);
    // …and back to every three months puts them off again.
    expect(isOverdue({ ...monthly, cadenceDays: 90 }, contact(-10), day(0))).toBe(false);
  });

  it('"not this week" hides them until it expires, then they are back', () => {
    const snoozed = kept({ snoozedUntil: day(5) });
    expect(isOverdue(snoozed, contact(-30), day(0))).toBe(false);
    expect(isOverdue(snoozed, contact(-30), day(4.9))).toBe(false);
    expect(isOverdue(snoozed, contact(-30), day(5))).toBe(true);
  });

  it('shows at most three, most overdue first', () => {
    const who = (key: string, lastDay: number, cadenceDays: number) => ({
      kept: kept({ key, personIds: [key], cadenceDays }),
      last: contact(lastDay),
    });
    const candidates = [
      who('a', -8, 7), // 1 day late
      who('b', -40, 30), // 10 days late
      who('c', -3, 7), // not due
      who('d', -20, 14), // 6 days late
      who('e', -100, 90), // 10 days late, same as b: by key
      who('f', -9, 7), // 2 days late
    ];
    expect(nudgeAt(candidates, day(0)).map((c) => c.kept.key)).toEqual(['b', 'e', 'd']);
    expect(nudgeAt([who('c', -3, 7)], day(0))).toEqual([]);
  });
});

describe('the human behind a person', () => {
  it('is none without a cadence, and not the user', () => {
    expect(keptPersonOf(personOf('masto|mira'), undefined)).toBeNull();
    expect(keptPersonOf(personOf('masto|me', { keepInTouchDays: 7 }), undefined)).toBeNull();
  });

  it('reads old records without a start from when the person was first seen', () => {
    const mira = personOf('masto|mira', { keepInTouchDays: 14, firstSeenAt: day(-70) });
    expect(keptPersonOf(mira, undefined)).toEqual({
      key: 'masto|mira',
      personIds: ['masto|mira'],
      cadenceDays: 14,
      since: day(-70),
      snoozedUntil: null,
    });
  });

  it('is their link when linked: its cadence, start and snooze, all of its people', () => {
    const link = linkOf(['masto|mira', 'sky|mira'], {
      keepInTouchDays: 7,
      keepInTouchSince: day(-40),
      keepInTouchSnoozedUntil: day(2),
    });
    expect(keptPersonOf(personOf('sky|mira'), link)).toEqual({
      key: 'masto|mira+sky|mira',
      personIds: ['masto|mira', 'sky|mira'],
      cadenceDays: 7,
      since: day(-40),
      snoozedUntil: day(2),
    });
    expect(keptPersonOf(personOf('sky|mira'), { ...link, keepInTouchDays: null })).toBeNull();
  });

  it('two networks linked as one: overdue only when neither network has recent contact', () => {
    const link = linkOf(['masto|mira', 'sky|mira'], {
      keepInTouchDays: 14,
      keepInTouchSince: day(-60),
    });
    const human = keptPersonOf(personOf('masto|mira'), link);
    if (human === null) throw new Error('expected a kept person');
    const records = {
      posts: [
        postOf('masto|p1', 'masto|mira', -30),
        postOf('masto|p2', 'masto|me', -29, { thread: 'masto|p1', parent: 'masto|p1' }),
        postOf('sky|q1', 'sky|mira', -6),
        postOf('sky|q2', 'sky|me', -5, { thread: 'sky|q1', parent: 'sky|q1' }),
      ],
      outbox: [],
      selfIds: SELF_IDS,
      releasedUpTo: day(0),
    };
    const last = lastContactWith(human.personIds, records);
    // Mastodon alone says a month ago (overdue); Bluesky five days ago: in touch.
    expect(isOverdue(human, last, day(0))).toBe(false);
    const mastodonOnly = lastContactWith(['masto|mira'], records);
    expect(isOverdue(human, mastodonOnly, day(0))).toBe(true);
    expect(isOverdue(human, last, day(9.5))).toBe(true);
  });
});
