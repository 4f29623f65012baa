import { describe, expect, it } from 'vitest';
import { sendTiming } from './send-timing';

const now = Date.UTC(2026, 10, 25, 14, 0);
const nextDeliveryAt = Date.UTC(2026, 10, 25, 18, 0);

describe('sendTiming', () => {
  it('sends now at once, after the cooling-off delay, or with the next delivery', () => {
    const input = { now, coolingOffSeconds: 30, nextDeliveryAt };
    expect(sendTiming('now', input)).toEqual({ ok: true, sendAfter: now });
    expect(sendTiming('cooling-off', input)).toEqual({ ok: true, sendAfter: now + 30_000 });
    expect(sendTiming('next-delivery', input)).toEqual({ ok: true, sendAfter: nextDeliveryAt });
  });

  it('explains why "with the next delivery" is not possible when the schedule has none', () => {
    const timing = sendTiming('next-delivery', {
      now,
      coolingOffSeconds: 30,
      nextDeliveryAt: null,
    });
    expect(timing.ok).toBe(false);
    expect(!timing.ok && timing.reason).toMatch(/no next delivery/);
  });

  it('never schedules a reply in the past', () => {
    const late = sendTiming('next-delivery', {
      now,
      coolingOffSeconds: 30,
      nextDeliveryAt: now - 1000,
    });
    expect(late).toEqual({ ok: true, sendAfter: now });
    expect(sendTiming('cooling-off', { now, coolingOffSeconds: -5, nextDeliveryAt })).toEqual({
      ok: true,
      sendAfter: now,
    });
  });
});
