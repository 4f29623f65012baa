import { describe, expect, it } from 'vitest';
import { createManualClock } from './clock';
import { createRateLimits, readRetryAfter, requestKind } from './rate-limits';

const START = Date.UTC(2026, 11, 1, 9);
const MINUTE = 60_000;

function budgetHeaders(limit: number, remaining: number, resetAt: number | string): Headers {
  return new Headers({
    'x-ratelimit-limit': String(limit),
    'x-ratelimit-remaining': String(remaining),
    'x-ratelimit-reset': typeof resetAt === 'number' ? new Date(resetAt).toISOString() : resetAt,
  });
}

function setup() {
  const clock = createManualClock(START);
  return { clock, limits: createRateLimits({ clock }) };
}

describe('which requests are sending', () => {
  it('is posting a status or creating a record, nothing else', () => {
    expect(requestKind('POST', '/api/v1/statuses')).toBe('send');
    expect(requestKind('post', '/api/v1/statuses')).toBe('send');
    expect(requestKind('POST', '/xrpc/com.atproto.repo.createRecord')).toBe('send');
    expect(requestKind('GET', '/api/v1/statuses')).toBe('sync');
    expect(requestKind('POST', '/api/v1/statuses/1/favourite')).toBe('sync');
    expect(requestKind('POST', '/api/v1/markers')).toBe('sync');
  });
});

describe('the rate-limit record of an account', () => {
  it('lets everything through while it knows nothing about the server', () => {
    const { limits } = setup();
    for (let i = 0; i < 1000; i++) expect(limits.admit('a', 'sync').ok).toBe(true);
  });

  it('holds sync back at the reserve until the reset, while sending may use the rest', () => {
    const { clock, limits } = setup();
    const resetAt = START + 5 * MINUTE;
    limits.record('a', 'sync', 200, budgetHeaders(300, 62, resetAt));
    expect(limits.admit('a', 'sync').ok).toBe(true);
    expect(limits.admit('a', 'sync').ok).toBe(true);
    // 60 left: a fifth of 300, kept for sending.
    expect(limits.admit('a', 'sync')).toEqual({
      ok: false,
      retryAfterSeconds: 300,
      reason: 'reserve',
    });
    for (let i = 0; i < 60; i++) expect(limits.admit('a', 'send').ok).toBe(true);
    expect(limits.admit('a', 'send')).toMatchObject({ ok: false, reason: 'exhausted' });
    clock.set(resetAt);
    expect(limits.admit('a', 'sync').ok).toBe(true);
  });

  it('counts requests in flight, so a burst cannot overdraw the budget', () => {
    const { limits } = setup();
    limits.record('a', 'sync', 200, budgetHeaders(100, 30, START + MINUTE));
    let admitted = 0;
    for (let i = 0; i < 50; i++) if (limits.admit('a', 'sync').ok) admitted++;
    expect(admitted).toBe(10);
    // The server's next answer is the truth again.
    limits.record('a', 'sync', 200, budgetHeaders(100, 90, START + MINUTE));
    expect(limits.admit('a', 'sync').ok).toBe(true);
  });

  it('keeps sending on its own budget (Mastodon answers a post with the posting limit)', () => {
    const { limits } = setup();
    limits.record('a', 'sync', 200, budgetHeaders(300, 250, START + 5 * MINUTE));
    limits.record('a', 'send', 200, budgetHeaders(300, 0, START + 3 * 60 * MINUTE));
    expect(limits.admit('a', 'send')).toEqual({
      ok: false,
      retryAfterSeconds: 3 * 3600,
      reason: 'exhausted',
    });
    expect(limits.admit('a', 'sync').ok).toBe(true);
  });

  it('after a 429 holds every request of that account until Retry-After, and no other account', () => {
    const { clock, limits } = setup();
    limits.record('a', 'sync', 429, new Headers({ 'retry-after': '120' }));
    expect(limits.admit('a', 'sync')).toEqual({
      ok: false,
      retryAfterSeconds: 120,
      reason: 'retry-after',
    });
    expect(limits.admit('a', 'send')).toMatchObject({ ok: false, reason: 'retry-after' });
    expect(limits.admit('b', 'sync').ok).toBe(true);
    clock.set(START + 60_000);
    expect(limits.admit('a', 'send')).toMatchObject({ ok: false, retryAfterSeconds: 60 });
    clock.set(START + 120_000);
    expect(limits.admit('a', 'send').ok).toBe(true);
    expect(limits.status('a').heldUntil).toBeNull();
  });

  it('reads Retry-After as an HTTP date too', () => {
    const { limits } = setup();
    const at = new Date(START + 90_000).toUTCString();
    limits.record('a', 'send', 429, new Headers({ 'retry-after': at }));
    expect(limits.admit('a', 'sync')).toMatchObject({ ok: false, retryAfterSeconds: 90 });
  });

  it('clamps absurd waits to six hours and waits in the past to a second', () => {
    const { limits } = setup();
    limits.record('a', 'sync', 429, new Headers({ 'retry-after': '99999999' }));
    expect(limits.admit('a', 'sync')).toMatchObject({ ok: false, retryAfterSeconds: 6 * 3600 });
    limits.record(
      'b',
      'sync',
      429,
      new Headers({ 'retry-after': 'Thu, 01 Jan 1970 00:00:00 GMT' }),
    );
    expect(limits.admit('b', 'sync')).toMatchObject({ ok: false, retryAfterSeconds: 1 });
  });

  it('without a Retry-After waits for the budget reset, or else a minute', () => {
    const { limits } = setup();
    limits.record('a', 'sync', 429, budgetHeaders(300, 0, START + 4 * MINUTE));
    expect(limits.admit('a', 'sync')).toMatchObject({ ok: false, retryAfterSeconds: 240 });
    limits.record('b', 'sync', 429, new Headers({ 'retry-after': 'soon' }));
    expect(limits.admit('b', 'sync')).toMatchObject({ ok: false, retryAfterSeconds: 60 });
  });

  it('never shortens a wait it already has', () => {
    const { limits } = setup();
    limits.record('a', 'sync', 429, new Headers({ 'retry-after': '600' }));
    limits.record('a', 'sync', 429, new Headers({ 'retry-after': '5' }));
    expect(limits.admit('a', 'sync')).toMatchObject({ retryAfterSeconds: 600 });
  });

  it('reads the reset as epoch seconds or seconds left, as some servers send it', () => {
    const { limits } = setup();
    limits.record('a', 'sync', 200, budgetHeaders(10, 2, String((START + 30_000) / 1000)));
    expect(limits.admit('a', 'sync')).toMatchObject({ ok: false, retryAfterSeconds: 30 });
    limits.record('b', 'sync', 200, budgetHeaders(10, 2, '45'));
    expect(limits.admit('b', 'sync')).toMatchObject({ ok: false, retryAfterSeconds: 45 });
  });

  it('ignores headers that make no sense', () => {
    const { limits } = setup();
    for (const headers of [
      budgetHeaders(0, 0, START + MINUTE),
      budgetHeaders(-5, 0, START + MINUTE),
      budgetHeaders(300, 0, 'tomorrow'),
      budgetHeaders(300, 0, START - MINUTE),
      new Headers({ 'x-ratelimit-limit': '300', 'x-ratelimit-remaining': '1.5' }),
      new Headers({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-remaining': '0' }),
    ]) {
      limits.record('a', 'sync', 200, headers);
      expect(limits.admit('a', 'sync').ok).toBe(true);
    }
    expect(limits.status('a')).toEqual({ shared: null, sending: null, heldUntil: null });
  });

  it('forgets an account entirely', () => {
    const { limits } = setup();
    limits.record('a', 'sync', 429, new Headers({ 'retry-after': '60' }));
    limits.forget('a');
    expect(limits.admit('a', 'sync').ok).toBe(true);
  });
});

describe('reading Retry-After', () => {
  it('reads seconds and dates, and nothing else', () => {
    expect(readRetryAfter('30', START)).toBe(START + 30_000);
    expect(readRetryAfter(new Date(START + 5000).toUTCString(), START)).toBe(START + 5000);
    expect(readRetryAfter(null, START)).toBeNull();
    expect(readRetryAfter('-3', START)).toBeNull();
    expect(readRetryAfter('', START)).toBeNull();
  });
});
