import { describe, expect, it } from 'vitest';
import { defaultScheduleSettings } from '@shared/schedule';
import { createManualClock } from './clock';
import { createDeliveryService } from './delivery-service';

/** 2026-11-25 at hh:mm London time (UTC in November). */
const at = (hh: number, mm = 0, day = 25) => Date.UTC(2026, 10, day, hh, mm);

function setup(start: number, lastDeliveredSlot: number | null) {
  const clock = createManualClock(start);
  const due: number[] = [];
  const service = createDeliveryService({
    clock,
    emit: (event, payload) => {
      if (event === 'deliveries:due') due.push((payload as { slot: number }).slot);
    },
    showNotification: () => undefined,
    setShellStatus: () => undefined,
  });
  service.configure({
    schedule: defaultScheduleSettings(),
    timeZone: 'Europe/London',
    lastDeliveredSlot,
    notifyWhenEmpty: false,
  });
  return { clock, due, service };
}

describe('the delivery service', () => {
  it('refuses a delivered slot that has not come yet, and deliveries go on', () => {
    const { clock, due, service } = setup(at(8), at(7));
    const yearAhead = at(9, 0, 25) + 365 * 24 * 3600_000;
    expect(() =>
      service.delivered({
        deliveryId: `slot-${yearAhead}`,
        kind: 'scheduled',
        slot: yearAhead,
        conversationCount: 3,
      }),
    ).toThrow(/is not due yet/);
    expect(() =>
      service.delivered({ deliveryId: 'c', kind: 'catch-up', slot: at(9), conversationCount: 0 }),
    ).toThrow(/is not due yet/);
    clock.set(at(9));
    expect(due).toEqual([at(9)]);
    service.delivered({ deliveryId: 'slot', kind: 'scheduled', slot: at(9), conversationCount: 1 });
    clock.set(at(13));
    expect(due).toEqual([at(9), at(13)]);
  });

  it('a last delivered slot in the future (a damaged store) does not stop deliveries', () => {
    const { clock, due } = setup(at(8), at(9) + 365 * 24 * 3600_000);
    clock.set(at(9));
    expect(due).toEqual([at(9)]);
  });

  it('an early opening may name the moment it was made', () => {
    const { service } = setup(at(8), at(7));
    expect(
      service.delivered({ deliveryId: 'early', kind: 'early', slot: at(8), conversationCount: 2 }),
    ).toMatchObject({ notified: false });
  });
});
