import { describe, expect, it } from 'vitest';
import { saveRetryDelayMs } from './save-retry';

describe('retrying a failed save', () => {
  it('tries again after 1 s, 2 s, 5 s, 10 s, then every 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 100].map(saveRetryDelayMs)).toEqual([
      1_000, 2_000, 5_000, 10_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('treats nonsense counts as the first or the last step', () => {
    expect(saveRetryDelayMs(0)).toBe(1_000);
    expect(saveRetryDelayMs(-3)).toBe(1_000);
    expect(saveRetryDelayMs(Number.NaN)).toBe(30_000);
    expect(saveRetryDelayMs(Number.POSITIVE_INFINITY)).toBe(30_000);
  });
});
