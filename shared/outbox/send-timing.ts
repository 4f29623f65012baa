/**
 * When a reply may go out, for each of the three ways to send it. Pure, so the composer and the
 * tests agree on it.
 */
import type { SendMode } from '../settings/setting-definitions';

export interface SendTimingInput {
  readonly now: number;
  readonly coolingOffSeconds: number;
  /** The next scheduled delivery, or null when the schedule has none. */
  readonly nextDeliveryAt: number | null;
}

export type SendTiming =
  | { readonly ok: true; readonly sendAfter: number }
  | { readonly ok: false; readonly reason: string };

export function sendTiming(mode: SendMode, input: SendTimingInput): SendTiming {
  switch (mode) {
    case 'now':
      return { ok: true, sendAfter: input.now };
    case 'cooling-off':
      return { ok: true, sendAfter: input.now + Math.max(0, input.coolingOffSeconds) * 1000 };
    case 'next-delivery':
      if (input.nextDeliveryAt === null) {
        return { ok: false, reason: 'Your schedule has no next delivery to send it with.' };
      }
      return { ok: true, sendAfter: Math.max(input.now, input.nextDeliveryAt) };
  }
}
