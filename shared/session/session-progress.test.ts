import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TriageState } from '../domain';
import { budgetProgress, sessionSummary, type ConversationOutcome } from './session-progress';

const START = Date.UTC(2025, 4, 14, 9, 0);
const MIN = 60_000;

describe('budgetProgress', () => {
  it('starts with the whole budget', () => {
    expect(budgetProgress(START, START, 20)).toEqual({
      fraction: 0,
      minutesLeft: 20,
      over: false,
      label: 'About 20 minutes left',
    });
  });

  it('counts down in whole minutes, rounding up', () => {
    expect(budgetProgress(START, START + 8 * MIN, 20)).toMatchObject({
      fraction: 0.4,
      minutesLeft: 12,
      label: 'About 12 minutes left',
    });
    expect(budgetProgress(START, START + 8 * MIN + 1_000, 20).minutesLeft).toBe(12);
    expect(budgetProgress(START, START + 19 * MIN + 30_000, 20).label).toBe('About a minute left');
  });

  it('is gentle past the budget', () => {
    for (const spent of [20, 21, 95]) {
      expect(budgetProgress(START, START + spent * MIN, 20)).toEqual({
        fraction: 1,
        minutesLeft: 0,
        over: true,
        label: "Past your 20 minutes — no rush, finish when you're ready",
      });
    }
    expect(budgetProgress(START, START + 2 * MIN, 1).label).toBe(
      "Past your 1 minute — no rush, finish when you're ready",
    );
  });

  it('treats a clock that went backwards as no time spent, and no budget as no limit', () => {
    expect(budgetProgress(START, START - 5 * MIN, 20).minutesLeft).toBe(20);
    expect(budgetProgress(START, START + 5 * MIN, 0)).toMatchObject({ over: false, fraction: 0 });
    expect(budgetProgress(START, START + 5 * MIN, Number.NaN).over).toBe(false);
  });

  it('never leaves 0..1 and never counts up', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e7, max: 1e8 }),
        fc.integer({ min: 0, max: 1e7 }),
        fc.integer({ min: 1, max: 240 }),
        (offset, step, budget) => {
          const a = budgetProgress(START, START + offset, budget);
          const b = budgetProgress(START, START + offset + step, budget);
          expect(a.fraction).toBeGreaterThanOrEqual(0);
          expect(a.fraction).toBeLessThanOrEqual(1);
          expect(b.fraction).toBeGreaterThanOrEqual(a.fraction);
          expect(b.minutesLeft).toBeLessThanOrEqual(a.minutesLeft);
          expect(a.over).toBe(a.minutesLeft === 0);
          expect(a.label).not.toMatch(/!|hurry|late/i);
        },
      ),
    );
  });
});

describe('sessionSummary', () => {
  it('sums up a session kindly', () => {
    const states: TriageState[] = ['done', 'done', 'muted', 'later', 'later', 'open'];
    expect(sessionSummary(states)).toEqual({
      handled: 3,
      repliesWritten: 0,
      leftForLater: 2,
      untouched: 1,
      text: 'You went through 3 conversations. 2 conversations are saved for a considered reply later. 1 conversation waits for your next delivery — nothing is lost.',
    });
  });

  it('counts replies written, from a map by thread id', () => {
    const s = sessionSummary(
      new Map<string, TriageState | ConversationOutcome>([
        ['t1', { triage: 'done', repliesWritten: 2 }],
        ['t2', { triage: 'done', repliesWritten: 1 }],
        ['t3', 'done'],
      ]),
    );
    expect(s).toMatchObject({ handled: 3, repliesWritten: 3, leftForLater: 0, untouched: 0 });
    expect(s.text).toBe('You went through 3 conversations and wrote 3 replies.');
  });

  it('uses the singular for one', () => {
    expect(sessionSummary([{ triage: 'done', repliesWritten: 1 }]).text).toBe(
      'You went through 1 conversation and wrote 1 reply.',
    );
    expect(sessionSummary(['later']).text).toBe(
      '1 conversation is saved for a considered reply later.',
    );
  });

  it('has a quiet line for an empty session', () => {
    expect(sessionSummary([])).toMatchObject({
      handled: 0,
      text: 'Nothing needed you this time. Enjoy the quiet.',
    });
  });
});
