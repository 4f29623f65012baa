import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { backoffCeilingMs, backoffDelayMs, DEFAULT_BACKOFF, unitInterval } from './outbox-backoff';

const CAP = 15 * 60_000;
const unit = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });
const attemptsArb = fc.integer({ min: 1, max: 10_000 });

describe('backoff', () => {
  it('uses a 2 s base and a 15 min cap', () => {
    expect(DEFAULT_BACKOFF.baseMs).toBe(2_000);
    expect(DEFAULT_BACKOFF.capMs).toBe(CAP);
  });

  it('doubles its ceiling per attempt up to the cap', () => {
    expect([1, 2, 3, 4, 5].map((n) => backoffCeilingMs(n))).toEqual([
      2_000, 4_000, 8_000, 16_000, 32_000,
    ]);
    expect(backoffCeilingMs(9)).toBe(512_000);
    expect(backoffCeilingMs(10)).toBe(CAP);
    expect(backoffCeilingMs(1_000_000)).toBe(CAP);
    expect(backoffCeilingMs(0)).toBe(2_000);
  });

  it('full jitter: every delay is within [0, min(cap, ceiling)]', () => {
    fc.assert(
      fc.property(attemptsArb, unit, (attempts, r) => {
        const delay = backoffDelayMs(attempts, () => r);
        expect(delay).toBeGreaterThanOrEqual(0);
        expect(delay).toBeLessThanOrEqual(backoffCeilingMs(attempts));
        expect(delay).toBeLessThanOrEqual(CAP);
        expect(Number.isInteger(delay)).toBe(true);
      }),
    );
  });

  it('grows with attempts for the same random draw', () => {
    fc.assert(
      fc.property(attemptsArb, unit, (attempts, r) => {
        expect(backoffDelayMs(attempts + 1, () => r)).toBeGreaterThanOrEqual(
          backoffDelayMs(attempts, () => r),
        );
      }),
    );
  });

  it('spreads out: the same attempt with different draws gives different delays', () => {
    const delays = new Set([0.1, 0.3, 0.5, 0.7, 0.9].map((r) => backoffDelayMs(8, () => r)));
    expect(delays.size).toBe(5);
  });

  it('honours Retry-After as a floor', () => {
    fc.assert(
      fc.property(attemptsArb, unit, fc.integer({ min: 1, max: 3 * 3_600_000 }), (n, r, after) => {
        const delay = backoffDelayMs(n, () => r, after);
        expect(delay).toBeGreaterThanOrEqual(after);
        expect(delay).toBeLessThanOrEqual(Math.max(after, CAP));
      }),
    );
  });

  it('clamps an absurd Retry-After and ignores a missing or negative one', () => {
    expect(backoffDelayMs(1, () => 0, 365 * 24 * 3_600_000)).toBe(DEFAULT_BACKOFF.maxRetryAfterMs);
    expect(backoffDelayMs(1, () => 0, null)).toBe(0);
    expect(backoffDelayMs(1, () => 0, -5)).toBe(0);
  });

  it('tolerates a random source that misbehaves', () => {
    expect(unitInterval(Number.NaN)).toBe(0);
    expect(unitInterval(-1)).toBe(0);
    expect(unitInterval(1)).toBeLessThan(1);
    expect(backoffDelayMs(20, () => 1)).toBeLessThanOrEqual(CAP);
    expect(backoffDelayMs(20, () => 7)).toBeLessThanOrEqual(CAP);
  });
});
