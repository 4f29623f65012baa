import type { Delivery, OutboxEntry, Person } from '@shared/domain';
import { ScheduleSetting, SessionSetting } from '@shared/settings/setting-definitions';
import type { SentMessage, WeekInput, WeekRange } from '@shared/week';
import type { SlowpostDb } from '../database';
import { sessionsStartedBetween } from './session-time';
import { readSetting } from './settings';

/** A focus window that starts on Sunday night ends on Monday: its week reads a day further. */
const DAY_AFTER_MS = 36 * 60 * 60_000;

/** What the week's figures are made from (see `weekFigures`), less the week, zone and now. */
export type WeekRecords = Omit<WeekInput, 'week' | 'zone' | 'now'>;

/**
 * Who an outbox entry was written to: the author of the post it answers, or, for a message that
 * answers nothing (a new conversation), its addressee.
 */
function addressOf(entry: OutboxEntry): { postId: string | null; personId: string | null } {
  return { postId: entry.inReplyToPostId, personId: entry.addressee?.personId ?? null };
}

/**
 * Only the records of one week, each read by an index range (deliveries by `deliveredAt`,
 * sessions by `startedAt`, sent messages by the outbox's `nextAttemptAt`, which a sent entry keeps
 * at the time its last attempt was due), so a year of history is never scanned.
 */
export async function readWeekRecords(db: SlowpostDb, week: WeekRange): Promise<WeekRecords> {
  const until = week.end + DAY_AFTER_MS;
  const [deliveries, sessions, outbox, first, schedule, session] = await Promise.all([
    db.deliveries.where('deliveredAt').between(week.start, until, true, false).toArray(),
    sessionsStartedBetween(db, week.start, until),
    db.outbox
      .where('nextAttemptAt')
      .between(week.start, week.end, true, false)
      .filter((entry) => entry.state === 'sent')
      .toArray(),
    db.deliveries.orderBy('deliveredAt').first(),
    readSetting(db, ScheduleSetting),
    readSetting(db, SessionSetting),
  ]);
  return {
    deliveries,
    sessions,
    sent: await sentMessages(db, outbox),
    budgetMinutes: session.budgetMinutes,
    schedule: schedule.schedule,
    since: firstDeliveryAt(first),
  };
}

function firstDeliveryAt(first: Delivery | undefined): number | null {
  return first === undefined ? null : first.deliveredAt;
}

/** The sent entries as messages to people: linked people (one human on two networks) are one. */
async function sentMessages(
  db: SlowpostDb,
  entries: readonly OutboxEntry[],
): Promise<SentMessage[]> {
  const addresses = entries.map(addressOf);
  const postIds = [...new Set(addresses.flatMap((a) => (a.postId === null ? [] : [a.postId])))];
  const posts = await db.posts.bulkGet(postIds);
  const authorOf = new Map(posts.flatMap((p) => (p === undefined ? [] : [[p.id, p.authorId]])));
  const personIds = addresses.map((a) =>
    a.postId !== null ? (authorOf.get(a.postId) ?? null) : a.personId,
  );
  const wanted = [...new Set(personIds.flatMap((id) => (id === null ? [] : [id])))];
  const [people, links] = await Promise.all([
    db.people.bulkGet(wanted),
    wanted.length === 0 ? [] : db.personLinks.where('personIds').anyOf(wanted).toArray(),
  ]);
  const personById = new Map(
    people.flatMap((p): [string, Person][] => (p === undefined ? [] : [[p.id, p]])),
  );
  const linkOf = new Map(links.flatMap((link) => link.personIds.map((id) => [id, link.id])));
  return entries.map((entry, index) => {
    const personId = personIds[index] ?? null;
    const person = personId === null ? undefined : personById.get(personId);
    const recipient =
      person === undefined || person.isSelf
        ? null
        : {
            key: linkOf.get(person.id) ?? person.id,
            name: person.displayName.trim() === '' ? person.handle : person.displayName.trim(),
          };
    return {
      sentAt: entry.nextAttemptAt,
      threadId: entry.threadId,
      answers: addresses[index]?.postId != null,
      recipient,
    };
  });
}
