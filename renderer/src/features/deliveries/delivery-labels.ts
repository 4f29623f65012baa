import type { Delivery } from '../../../../shared/domain';
import { formatClockTime, formatPastDay } from '../../ui/format-time';

/** "Your 13:00 delivery", "Your early opening at 10:42", "Your first delivery". */
export function deliveryTitle(delivery: Delivery): string {
  switch (delivery.kind) {
    case 'scheduled':
      return `Your ${formatClockTime(delivery.scheduledFor)} delivery`;
    case 'catch-up':
      return `Your ${formatClockTime(delivery.scheduledFor)} delivery (caught up at ${formatClockTime(delivery.deliveredAt)})`;
    case 'early':
      return `Opened early at ${formatClockTime(delivery.deliveredAt)}`;
    case 'welcome':
      return 'Your first delivery';
  }
}

/** Conversation counts belong to a delivery, never to the time between them. */
export function conversationsLabel(count: number): string {
  if (count === 0) return 'nothing that needs you';
  return `${count} conversation${count === 1 ? '' : 's'}`;
}

/**
 * The quiet mark on a conversation an earlier session left untouched: "Waiting since the 09:00
 * delivery on Tuesday", "Waiting since your early opening at 07:10 today".
 */
export function waitingSinceLabel(delivery: Delivery, now: number, locale?: string): string {
  const day = formatPastDay(delivery.deliveredAt, now, locale);
  switch (delivery.kind) {
    case 'scheduled':
    case 'catch-up':
      return `Waiting since the ${formatClockTime(delivery.scheduledFor, locale)} delivery ${formatPastDay(delivery.scheduledFor, now, locale)}`;
    case 'early':
      return `Waiting since your early opening at ${formatClockTime(delivery.deliveredAt, locale)} ${day}`;
    case 'welcome':
      return `Waiting since your first delivery ${day}`;
  }
}

/** What a delivery brought back, for the history: "and 3 that waited from before". */
export function carriedLabel(count: number): string {
  return count === 0 ? '' : `and ${count} that waited from before`;
}

/**
 * What the open deliveries brought, from their records, in the words of the delivery history:
 * "68 conversations", "12 conversations and 3 that waited from before".
 */
export function broughtLabel(
  deliveries: readonly Pick<Delivery, 'conversationCount' | 'carriedCount'>[],
): string {
  const brought = deliveries.reduce((sum, d) => sum + d.conversationCount, 0);
  const carried = deliveries.reduce((sum, d) => sum + d.carriedCount, 0);
  return carried === 0
    ? conversationsLabel(brought)
    : `${conversationsLabel(brought)} ${carriedLabel(carried)}`;
}
