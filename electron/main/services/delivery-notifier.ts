import type { DeliveryKind } from '@shared/domain';
import type { ScheduleSettings } from '@shared/schedule';
import { isInFocusWindow } from '@shared/schedule';
import type { Clock } from './clock';
import { formatClockTime } from './format-clock-time';

export interface ShownNotification {
  readonly title: string;
  readonly body: string;
}

export interface DeliveryAnnouncement {
  readonly deliveryId: string;
  readonly kind: DeliveryKind;
  readonly slot: number;
  readonly conversationCount: number;
}

export interface NotifierSettings {
  readonly schedule: ScheduleSettings;
  readonly timeZone: string;
  readonly notifyWhenEmpty: boolean;
}

/**
 * The one calm OS notification per delivery: "Your 13:00 delivery is ready", "14 conversations".
 * None for an empty delivery (unless the user asked), none inside a focus window, none for a
 * delivery the user opened themselves (early, welcome), and never two for the same delivery.
 */
export function createDeliveryNotifier(
  clock: Clock,
  show: (notification: ShownNotification) => void,
) {
  const announced = new Set<string>();
  let settings: NotifierSettings | null = null;
  return {
    configure(next: NotifierSettings): void {
      settings = next;
    },
    announce(delivery: DeliveryAnnouncement): { notified: boolean; reason: string } {
      if (settings === null) return { notified: false, reason: 'not configured yet' };
      if (announced.has(delivery.deliveryId))
        return { notified: false, reason: 'already announced' };
      if (delivery.kind === 'early' || delivery.kind === 'welcome') {
        return { notified: false, reason: 'the user opened it themselves' };
      }
      if (delivery.conversationCount === 0 && !settings.notifyWhenEmpty) {
        return { notified: false, reason: 'empty delivery' };
      }
      if (isInFocusWindow(clock.now(), settings.timeZone, settings.schedule).inFocus) {
        return { notified: false, reason: 'inside a focus window' };
      }
      announced.add(delivery.deliveryId);
      const time = formatClockTime(delivery.slot, settings.timeZone);
      const count = delivery.conversationCount;
      show({
        title: `Your ${time} delivery is ready`,
        body:
          count === 0 ? 'Nothing new this time.' : `${count} conversation${count === 1 ? '' : 's'}`,
      });
      return { notified: true, reason: 'shown' };
    },
  };
}
