import type { Delivery } from '../../../../shared/domain';
import { formatClockTime } from '../../ui/format-time';

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
