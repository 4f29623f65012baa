import { describe, expect, it } from 'vitest';
import { SESSION_STEP_MS, sessionStepMs } from './session-step';

describe('sessionStepMs', () => {
  it('adds the time between two steps', () => {
    expect(sessionStepMs(1_000, 1_000 + SESSION_STEP_MS)).toBe(SESSION_STEP_MS);
    expect(sessionStepMs(1_000, 4_000)).toBe(3_000);
  });

  it('adds no more than two steps across a gap (the computer slept)', () => {
    expect(sessionStepMs(0, 8 * 60 * 60_000)).toBe(2 * SESSION_STEP_MS);
  });

  it('adds nothing when the clock went back or did not move', () => {
    expect(sessionStepMs(5_000, 5_000)).toBe(0);
    expect(sessionStepMs(5_000, 1_000)).toBe(0);
    expect(sessionStepMs(Number.NaN, 1_000)).toBe(0);
  });
});
