import { describe, expect, it } from 'vitest';
import { defaultScheduleSettings } from '@shared/schedule';
import { createManualClock } from './clock';
import { createDeliveryNotifier } from './delivery-notifier';
import type { ShownNotification } from './delivery-notifier';
import { trayTooltip } from './format-clock-time';

const at = (hh: number, mm = 0) => Date.UTC(2026, 10, 25, hh, mm);

function setup(now: number, notifyWhenEmpty = false) {
  const shown: ShownNotification[] = [];
  const clock = createManualClock(now);
  const notifier = createDeliveryNotifier(clock, (n) => shown.push(n));
  notifier.configure({
    schedule: {
      ...defaultScheduleSettings(),
      focusWindows: [{ days: [3], start: '14:00', end: '16:00' }],
    },
    timeZone: 'Europe/London',
    notifyWhenEmpty,
  });
  return { shown, clock, notifier };
}

describe('the delivery notifier', () => {
  it('shows one calm notification per delivery, with the time and no other numbers', () => {
    const { shown, notifier } = setup(at(13));
    const delivery = {
      deliveryId: 'slot-1',
      kind: 'scheduled' as const,
      slot: at(13),
      conversationCount: 14,
    };
    expect(notifier.announce(delivery)).toEqual({ notified: true, reason: 'shown' });
    expect(notifier.announce(delivery)).toEqual({ notified: false, reason: 'already announced' });
    expect(shown).toEqual([{ title: 'Your 13:00 delivery is ready', body: '14 conversations' }]);
  });

  it('stays silent for an empty delivery unless asked', () => {
    expect(
      setup(at(13)).notifier.announce({
        deliveryId: 'a',
        kind: 'scheduled',
        slot: at(13),
        conversationCount: 0,
      }).notified,
    ).toBe(false);
    const { notifier, shown } = setup(at(13), true);
    expect(
      notifier.announce({ deliveryId: 'a', kind: 'scheduled', slot: at(13), conversationCount: 0 })
        .notified,
    ).toBe(true);
    expect(shown[0]?.body).toBe('Nothing new this time.');
  });

  it('stays silent inside a focus window, and for deliveries the user opened', () => {
    const { notifier } = setup(at(15));
    expect(
      notifier.announce({ deliveryId: 'a', kind: 'catch-up', slot: at(13), conversationCount: 3 }),
    ).toEqual({
      notified: false,
      reason: 'inside a focus window',
    });
    const later = setup(at(17)).notifier;
    expect(
      later.announce({ deliveryId: 'b', kind: 'early', slot: at(17), conversationCount: 3 })
        .notified,
    ).toBe(false);
    expect(
      later.announce({ deliveryId: 'c', kind: 'welcome', slot: at(17), conversationCount: 3 })
        .notified,
    ).toBe(false);
  });

  it('the tray tooltip names the next delivery or the end of focus time, never a count', () => {
    expect(
      trayTooltip({ nextDeliveryAt: at(18), focusEndsAt: null, timeZone: 'Europe/London' }),
    ).toBe('Slowpost — next delivery at 18:00');
    expect(
      trayTooltip({ nextDeliveryAt: at(18), focusEndsAt: at(16), timeZone: 'Asia/Kathmandu' }),
    ).toBe('Slowpost — focus time until 21:45');
    expect(trayTooltip({ nextDeliveryAt: null, focusEndsAt: null, timeZone: 'UTC' })).toBe(
      'Slowpost — no deliveries scheduled',
    );
  });
});
