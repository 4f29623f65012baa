import { describe, expect, it } from 'vitest';
import { ConnectorError } from './connector';
import { withDeadline, type RequestTimer } from './deadline';

function manualTimer(): { timer: RequestTimer; expire: () => void; cancelled: () => boolean } {
  let expire!: () => void;
  let cancelled = false;
  const elapsed = new Promise<void>((resolve) => (expire = resolve));
  return {
    timer: () => ({ elapsed, cancel: () => (cancelled = true) }),
    expire: () => expire(),
    cancelled: () => cancelled,
  };
}

describe('withDeadline', () => {
  it('gives the answer that comes in time, and stops its timer', async () => {
    const t = manualTimer();
    expect(await withDeadline(() => Promise.resolve(42), 1_000, t.timer)).toBe(42);
    expect(t.cancelled()).toBe(true);
  });

  it('passes a failure that comes in time through as it is', async () => {
    const t = manualTimer();
    await expect(
      withDeadline(() => Promise.reject(new Error('refused')), 1_000, t.timer),
    ).rejects.toThrow('refused');
  });

  it('past the deadline: aborts the call and fails with a timeout, whatever the call says', async () => {
    const t = manualTimer();
    let signal: AbortSignal | undefined;
    const result = withDeadline(
      (options) => {
        signal = options.signal;
        return new Promise((_resolve, reject) =>
          options.signal?.addEventListener('abort', () => reject(new Error('AbortError'))),
        );
      },
      30_000,
      t.timer,
    );
    t.expire();
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectorError);
    expect((error as ConnectorError).failure).toEqual({
      kind: 'timeout',
      message: 'No answer from the server within 30 seconds.',
    });
    expect(signal?.aborted).toBe(true);
  });
});
