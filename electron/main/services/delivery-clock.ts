import type { DeliveryClockStatus } from '@shared/ipc/contract';
import type { ScheduleSettings } from '@shared/schedule';
import { catchUp, isInFocusWindow, nextDelivery } from '@shared/schedule';
import type { Clock } from './clock';

const REANNOUNCE_MS = 60_000;

export interface DeliveryClockConfig {
  readonly schedule: ScheduleSettings;
  readonly timeZone: string;
  /** The latest slot the store has a delivery for; null before the first one. */
  readonly lastDeliveredSlot: number | null;
}

export interface DeliveryClockOptions {
  readonly clock: Clock;
  /** A slot has come: the renderer makes the delivery. `missedSlots` > 1 after sleep or a closed app. */
  readonly onDue: (slot: number, missedSlots: number) => void;
  readonly onStatus: (status: DeliveryClockStatus) => void;
  /** Timers are re-armed at least this often, so a late or lost timer costs at most this long. */
  readonly maxTimerMs?: number;
}

export interface DeliveryClock {
  configure(config: DeliveryClockConfig): DeliveryClockStatus;
  /** Looks at the time now: after a timer, a resume from sleep, an unlock, a time-zone change. */
  check(): DeliveryClockStatus;
  /** The renderer has stored the delivery for this slot: only now is the slot done. */
  confirm(slot: number): void;
  status(): DeliveryClockStatus;
  stop(): void;
}

/**
 * The delivery clock. Pure scheduling rules live in shared/schedule; this keeps time: it arms a
 * timer for the next slot, and whenever it looks (timer, resume, configure) it asks "has a slot
 * passed since the last delivery?" — if several have (sleep, app closed), it is still one due
 * call, the catch-up. Inside a focus window nothing is due; the delivery waits for the window's
 * end, where the schedule puts a slot anyway.
 */
export function createDeliveryClock(options: DeliveryClockOptions): DeliveryClock {
  const maxTimerMs = options.maxTimerMs ?? 60_000;
  let config: DeliveryClockConfig | null = null;
  let lastSlot: number | null = null;
  // A due slot is announced again (at most once a minute) until the renderer confirms it, so a
  // slot that came while no page was listening (reloading, starting) is not lost.
  let announced: { slot: number; at: number } | null = null;
  let cancelTimer: (() => void) | null = null;
  let current: DeliveryClockStatus = { nextDeliveryAt: null, focusEndsAt: null, timeZone: 'UTC' };

  const computeStatus = (now: number): DeliveryClockStatus => {
    if (config === null) return current;
    const focus = isInFocusWindow(now, config.timeZone, config.schedule);
    const focusEndsAt = focus.inFocus && Number.isFinite(focus.endsAt) ? focus.endsAt : null;
    return {
      nextDeliveryAt: nextDelivery(now, config.timeZone, config.schedule),
      focusEndsAt,
      timeZone: config.timeZone,
    };
  };

  const arm = (now: number): void => {
    cancelTimer?.();
    cancelTimer = null;
    if (config === null) return;
    const wait =
      current.nextDeliveryAt === null
        ? maxTimerMs
        : Math.min(maxTimerMs, Math.max(0, current.nextDeliveryAt - now));
    cancelTimer = options.clock.setTimer(() => {
      cancelTimer = null;
      check();
    }, wait);
  };

  const publish = (next: DeliveryClockStatus): void => {
    const changed =
      next.nextDeliveryAt !== current.nextDeliveryAt ||
      next.focusEndsAt !== current.focusEndsAt ||
      next.timeZone !== current.timeZone;
    current = next;
    if (changed) options.onStatus(next);
  };

  const check = (): DeliveryClockStatus => {
    if (config === null) return current;
    const now = options.clock.now();
    if (lastSlot === null) {
      // First run: nothing is owed for the past; deliveries start from now.
      lastSlot = now;
    }
    const due = catchUp(lastSlot, now, config.timeZone, config.schedule);
    if (
      due.due &&
      due.slot !== null &&
      !isInFocusWindow(now, config.timeZone, config.schedule).inFocus
    ) {
      const again = announced?.slot === due.slot && now - announced.at < REANNOUNCE_MS;
      if (!again) {
        announced = { slot: due.slot, at: now };
        options.onDue(due.slot, due.missed);
      }
    }
    publish(computeStatus(now));
    arm(now);
    return current;
  };

  return {
    configure(next) {
      config = next;
      // The store knows what was delivered; it is the truth after a reload or a restart. A slot
      // "delivered" in the future (a damaged store, a clock set back) would stop every delivery
      // until then: it counts as now.
      if (next.lastDeliveredSlot !== null) {
        lastSlot = Math.min(next.lastDeliveredSlot, options.clock.now());
      }
      // Whoever configures is listening now: a slot still due is announced to them at once.
      announced = null;
      return check();
    },
    check,
    confirm(slot) {
      // Only a slot that has come: one in the future would hold back every delivery until then.
      if (slot > options.clock.now()) return;
      if (lastSlot === null || slot > lastSlot) lastSlot = slot;
      if (announced !== null && announced.slot <= slot) announced = null;
    },
    status: () => current,
    stop() {
      cancelTimer?.();
      cancelTimer = null;
    },
  };
}
