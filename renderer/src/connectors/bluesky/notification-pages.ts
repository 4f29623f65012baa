/**
 * Paging through Bluesky's notifications. `listNotifications` pages one way only: backwards from
 * the newest (its cursor goes further back). A sync must store oldest first, moving its cursor
 * forwards, so each sync first walks back from the newest to where it must stop, then hands the
 * notifications out oldest first, a batch at a time:
 * - **the first sync** stops after `FIRST_SYNC_NOTIFICATIONS` or at `FIRST_SYNC_DAYS` back,
 *   whichever is nearer (as for Mastodon): a new user's first delivery is a session they can get
 *   through, not their history, and older notifications are mostly read already in other apps;
 * - **a later sync** stops at the last notification stored (the cursor: its time and URI);
 * - so that a long time away cannot fill memory, one walk reads at most `MAX_WALK` notifications
 *   (the oldest beyond that are left, as a first sync leaves them).
 *
 * Each notification's place is the time the network sorts it by (`indexedAt`) and its URI. One
 * that cannot be read is reported as a problem with the first batch, and skipped.
 */
import type { CallOptions, ConnectorProblem } from '@shared/connectors/connector';
import { comparePositions } from '@shared/bluesky/cursor';
import { parseNotification } from '@shared/bluesky/map-notifications';
import {
  NotificationListSchema,
  type Notification,
  type NotificationPosition,
} from '@shared/bluesky/payloads';
import { parseUnknown } from '@shared/validation/parse-unknown';
import { ConnectorError } from '@shared/connectors/connector';
import { callLenient, type Caller } from './xrpc-agent';

export const FIRST_SYNC_DAYS = 7;
export const FIRST_SYNC_NOTIFICATIONS = 200;
/** The most `listNotifications` gives per request. */
export const LIST_PAGE = 100;
export const MAX_WALK = 20_000;
const DAY_MS = 24 * 60 * 60_000;

export interface Walked {
  /** Oldest first. */
  readonly notifications: readonly Notification[];
  readonly problems: readonly ConnectorProblem[];
  /** The newest notification the bound left out (a first sync's), or null. */
  readonly leftOut: NotificationPosition | null;
}

export type WalkBound =
  | { readonly kind: 'first'; readonly now: number }
  | { readonly kind: 'after'; readonly position: NotificationPosition };

export function positionOf(notification: Notification): NotificationPosition {
  return { at: notification.indexedAt, uri: notification.uri };
}

/** Walks back from the newest notification to the bound; returns what is new, oldest first. */
export async function walkBack(
  caller: Caller,
  accountId: string,
  bound: WalkBound,
  options?: CallOptions,
): Promise<Walked> {
  const found: Notification[] = [];
  const problems: ConnectorProblem[] = [];
  const oldestAllowed = bound.kind === 'first' ? bound.now - FIRST_SYNC_DAYS * DAY_MS : 0;
  const most = bound.kind === 'first' ? FIRST_SYNC_NOTIFICATIONS : MAX_WALK;
  let cursor: string | undefined;
  let leftOut: NotificationPosition | null = null;
  for (;;) {
    const raw = await callLenient(
      caller,
      (agent, call) =>
        agent.app.bsky.notification.listNotifications(
          { limit: LIST_PAGE, ...(cursor === undefined ? {} : { cursor }) },
          call,
        ),
      options,
    );
    const page = parseUnknown(NotificationListSchema, raw, 'list of notifications');
    if (!page.ok) throw new ConnectorError({ kind: 'malformed', message: page.error });
    let reachedBound = false;
    for (const item of page.value.notifications) {
      const parsed = parseNotification(item);
      if (!parsed.ok) {
        problems.push({
          itemId: parsed.uri === null ? null : `${accountId}|${parsed.uri}`,
          message: parsed.error,
        });
        continue;
      }
      const notification = parsed.value;
      if (
        bound.kind === 'after'
          ? comparePositions(positionOf(notification), bound.position) <= 0
          : notification.indexedAt < oldestAllowed
      ) {
        reachedBound = true;
        leftOut = positionOf(notification);
        break;
      }
      found.push(notification);
      if (found.length >= most) {
        reachedBound = true;
        break;
      }
    }
    const next = page.value.cursor ?? undefined;
    if (
      reachedBound ||
      next === undefined ||
      next === cursor ||
      page.value.notifications.length === 0
    ) {
      break;
    }
    cursor = next;
  }
  found.sort((a, b) => comparePositions(positionOf(a), positionOf(b)));
  return { notifications: dedupe(found), problems, leftOut };
}

/** One per URI (a list that shifted while it was read may repeat one). */
function dedupe(notifications: readonly Notification[]): Notification[] {
  const seen = new Set<string>();
  return notifications.filter((n) => {
    const key = `${n.reason}\u0000${n.uri}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
