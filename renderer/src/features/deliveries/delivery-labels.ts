import type { Delivery } from '@shared/domain';
import type { FocusWindow, MovedDelivery } from '@shared/schedule';
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

/**
 * Why the next delivery is not at a time the user set, for the closed inbox: "moved from 09:00,
 * after your deep work window"; "moved from 22:00 the day before, after your quiet evenings
 * window"; an unnamed window by its times ("after your 09:00–12:00 focus window").
 */
export function movedLabel(delivery: number, moved: MovedDelivery, locale?: string): string {
  const from = formatClockTime(moved.scheduledFor, locale);
  const sameDay = new Date(moved.scheduledFor).toDateString() === new Date(delivery).toDateString();
  const names = moved.windows.map(windowName);
  const windows =
    names.length <= 1
      ? `${names[0] ?? 'focus'} window`
      : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1] ?? ''} windows`;
  return `moved from ${from}${sameDay ? '' : ' the day before'}, after your ${windows}`;
}

/** "deep work" for "Deep work" (a name like "PTA" or "SummitUp" keeps its capitals). */
function windowName(window: FocusWindow): string {
  const label = window.label?.trim() ?? '';
  if (label === '') return `${window.start}–${window.end} focus`;
  const firstWord = label.split(/\s+/)[0] ?? '';
  const keepsCapitals = /[A-Z]/.test(firstWord.slice(1));
  return keepsCapitals ? label : label.charAt(0).toLowerCase() + label.slice(1);
}
