import type { ActivityItem, Person, Post } from '@shared/domain';
import { WAITING_FOR_DELIVERY } from '@shared/domain';
import type { IncomingActivity, IncomingPerson } from '@shared/connectors/connector';
import { screenText } from '@shared/text/spam-signals';

/** One record per id, the last one winning (as writing them one after another would). */
export function lastPerId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}

/**
 * People keep the user's own notes, screening and keep-in-touch cadence (with when it began and
 * any "not this week"), and their first sighting.
 */
export function mergePerson(
  incoming: IncomingPerson,
  before: Person | undefined,
  now: number,
): Person {
  return {
    ...incoming,
    firstSeenAt: before?.firstSeenAt ?? now,
    screening: before?.screening ?? 'unknown',
    notes: before?.notes ?? '',
    keepInTouchDays: before?.keepInTouchDays ?? null,
    // Only where the user set them: records from before these fields stay as they were.
    ...(before?.keepInTouchSince == null ? {} : { keepInTouchSince: before.keepInTouchSince }),
    ...(before?.keepInTouchSnoozedUntil == null
      ? {}
      : { keepInTouchSnoozedUntil: before.keepInTouchSnoozedUntil }),
  };
}

/**
 * Posts keep their first arrival. Other people's posts are screened for spam here, once, when
 * they arrive (in the sync worker, off the UI thread), so opening a session never waits on it;
 * a post seen again with the same text keeps its verdict.
 */
export function mergePost(incoming: Post, before: Post | undefined, now: number): Post {
  const screen = incoming.isOwn
    ? null
    : before?.screen != null && before.contentHtml === incoming.contentHtml
      ? before.screen
      : screenText(incoming.contentHtml);
  return { ...incoming, arrivedAt: before?.arrivedAt ?? now, screen };
}

/** Activity seen for the first time arrives now and waits for the next delivery. */
export function freshActivity(
  incoming: readonly IncomingActivity[],
  known: readonly (ActivityItem | undefined)[],
  now: number,
): ActivityItem[] {
  const fresh: ActivityItem[] = [];
  incoming.forEach((item, index) => {
    if (known[index] === undefined) {
      fresh.push({ ...item, arrivedAt: now, deliveryId: WAITING_FOR_DELIVERY });
    }
  });
  return fresh;
}
