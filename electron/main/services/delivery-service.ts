import type { DeliveryClockStatus, EventName, EventPayload } from '@shared/ipc/contract';
import type { ScheduleSettings } from '@shared/schedule';
import type { Clock } from './clock';
import { createDeliveryClock } from './delivery-clock';
import type { DeliveryAnnouncement, ShownNotification } from './delivery-notifier';
import { createDeliveryNotifier } from './delivery-notifier';
import { trayTooltip } from './format-clock-time';

/** Sends an event to the app's page (webContents.send in Electron, server-sent events in the host). */
export type EmitEvent = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface DeliveryServiceOptions {
  readonly clock: Clock;
  readonly emit: EmitEvent;
  readonly showNotification: (notification: ShownNotification) => void;
  /** The tray tooltip (or anything else the shell shows): the next delivery time, never a count. */
  readonly setShellStatus: (text: string) => void;
}

export interface DeliveryService {
  configure(input: {
    schedule: ScheduleSettings;
    timeZone: string;
    lastDeliveredSlot: number | null;
    notifyWhenEmpty: boolean;
  }): DeliveryClockStatus;
  status(): DeliveryClockStatus;
  /** A delivery was stored. A scheduled or catch-up slot that has not come yet is refused (throws). */
  delivered(delivery: DeliveryAnnouncement): { notified: boolean; reason: string };
  /** Look at the clock now (resume from sleep, unlock, a test moving time). */
  check(): DeliveryClockStatus;
  stop(): void;
}

/** The delivery clock and the notifier, wired to the page and the shell. */
export function createDeliveryService(options: DeliveryServiceOptions): DeliveryService {
  const notifier = createDeliveryNotifier(options.clock, options.showNotification);
  const clock = createDeliveryClock({
    clock: options.clock,
    onDue: (slot, missedSlots) => options.emit('deliveries:due', { slot, missedSlots }),
    onStatus: (status) => {
      options.setShellStatus(trayTooltip(status));
      options.emit('deliveries:status', status);
    },
  });
  return {
    configure(input) {
      notifier.configure(input);
      return clock.configure(input);
    },
    status: () => clock.status(),
    delivered(delivery) {
      if (delivery.kind === 'scheduled' || delivery.kind === 'catch-up') {
        const now = options.clock.now();
        if (delivery.slot > now) {
          throw new Error(
            `The delivery for ${new Date(delivery.slot).toISOString()} is not due yet (it is ${new Date(now).toISOString()}): only a slot that has come can be delivered.`,
          );
        }
        clock.confirm(delivery.slot);
      }
      return notifier.announce(delivery);
    },
    check: () => clock.check(),
    stop: () => clock.stop(),
  };
}
