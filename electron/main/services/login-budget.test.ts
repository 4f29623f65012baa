import { describe, expect, it } from 'vitest';
import { createManualClock } from './clock';
import { createLoginBudget } from './login-budget';

const PDS = 'https://pds.example';

describe('the Bluesky login budget', () => {
  it('allows 30 logins in 5 minutes to one server, then says how long to wait', () => {
    const clock = createManualClock(Date.UTC(2026, 0, 5, 9));
    const budget = createLoginBudget({ clock });
    for (let i = 0; i < 30; i++) expect(budget.take(PDS)).toEqual({ ok: true });
    expect(budget.take(PDS)).toEqual({ ok: false, retryAfterMs: 5 * 60_000 });
    // Another server has a budget of its own.
    expect(budget.take('https://other.example')).toEqual({ ok: true });
    clock.set(clock.now() + 5 * 60_000);
    expect(budget.take(PDS)).toEqual({ ok: true });
  });

  it('allows 300 logins a day, however they are spread', () => {
    const start = Date.UTC(2026, 0, 5, 0);
    const clock = createManualClock(start);
    const budget = createLoginBudget({ clock });
    for (let i = 0; i < 300; i++) {
      clock.set(start + i * 60_000);
      expect(budget.take(PDS).ok).toBe(true);
    }
    clock.set(start + 300 * 60_000);
    expect(budget.take(PDS)).toEqual({ ok: false, retryAfterMs: 24 * 60 * 60_000 - 300 * 60_000 });
    expect(budget.count(PDS)).toBe(300);
    clock.set(start + 24 * 60 * 60_000);
    expect(budget.take(PDS).ok).toBe(true);
  });
});
