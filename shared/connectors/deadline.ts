/**
 * Every network call has a deadline: past it, the call is aborted (its `signal`) and fails with a
 * `timeout`, so one server that never answers cannot hold anything else up.
 */
import { ConnectorError, type CallOptions } from './connector';

/** A timer for deadlines: `elapsed` resolves after `ms` unless cancelled first. */
export type RequestTimer = (ms: number) => {
  readonly elapsed: Promise<void>;
  cancel(): void;
};

export const realTimer: RequestTimer = (ms) => {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => {
    handle = setTimeout(resolve, ms);
  });
  return { elapsed, cancel: () => clearTimeout(handle) };
};

/** How long a request to a user's server may take before it is given up (30 s). */
export const DEFAULT_REQUEST_TIMEOUT_MS = 30_000;

/** Runs `call` with a deadline: after `timeoutMs` it is aborted and rejects with a `timeout`. */
export async function withDeadline<T>(
  call: (options: CallOptions) => Promise<T>,
  timeoutMs: number = DEFAULT_REQUEST_TIMEOUT_MS,
  timer: RequestTimer = realTimer,
): Promise<T> {
  const controller = new AbortController();
  const deadline = timer(timeoutMs);
  const timeout = new ConnectorError({
    kind: 'timeout',
    message: `No answer from the server within ${Math.round(timeoutMs / 1000)} seconds.`,
  });
  let timedOut = false;
  const expired = deadline.elapsed.then((): never => {
    timedOut = true;
    controller.abort();
    throw timeout;
  });
  try {
    return await Promise.race([call({ signal: controller.signal }), expired]);
  } catch (error) {
    // An aborted call rejects in its own words; past the deadline, it is a timeout.
    throw timedOut ? timeout : error;
  } finally {
    deadline.cancel();
    expired.catch(() => undefined);
  }
}
