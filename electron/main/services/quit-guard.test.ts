import { describe, expect, it, vi } from 'vitest';
import { createManualClock } from './clock';
import { createQuitGuard, QUIT_WAIT_MS, type QuitRelease } from './quit-guard';

const START = Date.UTC(2026, 10, 25, 8);

function setup(pagePresent = true) {
  const clock = createManualClock(START);
  const asked: string[] = [];
  const quits: QuitRelease[] = [];
  const log = vi.fn<(message: string) => void>();
  const guard = createQuitGuard({
    clock,
    askPage: (requestId) => {
      if (pagePresent) asked.push(requestId);
      return pagePresent;
    },
    quit: (release) => quits.push(release),
    log,
  });
  return { clock, asked, quits, log, guard };
}

describe('quitting waits for the page to store its drafts', () => {
  it('holds the quit, asks the page, and quits once the page confirms', () => {
    const { guard, asked, quits, log } = setup();
    expect(guard.beforeQuit()).toBe('wait');
    expect(asked).toEqual(['quit-1']);
    expect(quits).toEqual([]);

    expect(guard.flushed({ requestId: 'quit-1', unstored: 0 })).toEqual({ quitting: true });
    expect(quits).toEqual([{ reason: 'confirmed', unstored: 0 }]);
    expect(log).not.toHaveBeenCalled();
    // The second before-quit (from quitting again for real) goes through.
    expect(guard.beforeQuit()).toBe('go');
    expect(asked).toHaveLength(1);
  });

  it('quits anyway after the wait when the page never answers, and says so in the log', () => {
    const { guard, clock, quits, log } = setup();
    expect(guard.beforeQuit()).toBe('wait');
    clock.set(START + QUIT_WAIT_MS - 1);
    expect(quits).toEqual([]);
    clock.set(START + QUIT_WAIT_MS);
    expect(quits).toEqual([{ reason: 'timeout' }]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/did not confirm .* quitting anyway/));
    // A late answer changes nothing.
    expect(guard.flushed({ requestId: 'quit-1', unstored: 0 })).toEqual({ quitting: true });
    expect(quits).toHaveLength(1);
  });

  it('a second quit while waiting neither asks again nor quits twice', () => {
    const { guard, clock, asked, quits } = setup();
    expect(guard.beforeQuit()).toBe('wait');
    expect(guard.beforeQuit()).toBe('wait');
    expect(asked).toEqual(['quit-1']);
    guard.flushed({ requestId: 'quit-1', unstored: 0 });
    clock.set(START + QUIT_WAIT_MS * 2);
    expect(quits).toEqual([{ reason: 'confirmed', unstored: 0 }]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('ignores an answer to another request', () => {
    const { guard, quits } = setup();
    guard.beforeQuit();
    expect(guard.flushed({ requestId: 'quit-7', unstored: 0 })).toEqual({ quitting: false });
    expect(quits).toEqual([]);
  });

  it('quits at once when there is no page to ask', () => {
    const { guard, quits, clock } = setup(false);
    expect(guard.beforeQuit()).toBe('go');
    expect(quits).toEqual([]);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('logs writing the page could not store, and still quits', () => {
    const { guard, quits, log } = setup();
    guard.beforeQuit();
    guard.flushed({ requestId: 'quit-1', unstored: 2 });
    expect(quits).toEqual([{ reason: 'confirmed', unstored: 2 }]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/2 draft\(s\) could not be stored/));
  });
});
