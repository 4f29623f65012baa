/**
 * Every way an XRPC call through `@atproto/api` can fail, as a typed `ConnectorFailure` with a
 * sentence a user can read. The library throws an `XRPCError` for everything: an answer with an
 * error status (its `status` is the HTTP status for the ones XRPC names, its `error` the server's
 * name for it, its `headers` the answer's), an answer that fails the lexicon
 * (`XRPCInvalidResponseError`), and a `fetch` that failed (status `Unknown`, the fetch error as
 * `cause`).
 * - nothing left this computer (offline, the name unknown, connection refused), or the app's
 *   gateway says the server could not be reached: `offline`;
 * - aborted (the call's deadline), the connection lost after the request went out, or the gateway
 *   timed out or lost the connection: `timeout` (the server may have acted on it);
 * - 401, `ExpiredToken`/`InvalidToken` (the gateway refreshes the session; one it could not
 *   refresh reaches here), or the gateway has no sign-in for the account: `auth`;
 * - 429: `rate-limited`, with `Retry-After` or Bluesky's `RateLimit-Reset` (epoch seconds);
 * - 5xx: `server`; other refusals (400 `InvalidRequest`, `RecordNotFound`…): `rejected` with the
 *   server's words; an answer that does not fit the lexicon: `malformed`.
 */
import { XRPCError } from '@atproto/api';
import { ConnectorError, type ConnectorFailure } from '@shared/connectors/connector';
import { GATEWAY_ANSWER_HEADER } from '@shared/connectors/gateway';
import { isLostConnection } from '../mastodon/failures';
import { failureOfStatus } from '@shared/connectors/status-failure';

export interface FailureContext {
  /** Whether this computer believes it is online (`navigator.onLine`). */
  readonly isOnline: () => boolean;
  readonly now: () => number;
}

/** The server's names for a session it will not accept. */
const SESSION_REFUSED = new Set([
  'ExpiredToken',
  'InvalidToken',
  'AuthRequired',
  'AccountTakedown',
]);

export function toConnectorError(error: unknown, context: FailureContext): ConnectorError {
  return error instanceof ConnectorError
    ? error
    : new ConnectorError(toConnectorFailure(error, context));
}

export function toConnectorFailure(error: unknown, context: FailureContext): ConnectorFailure {
  if (isAbort(error) || (error instanceof XRPCError && isAbort(error.cause))) {
    return { kind: 'timeout', message: 'The request was given up before the server answered.' };
  }
  if (error instanceof XRPCError && statusOf(error) === INVALID_RESPONSE) {
    const cause = error.cause;
    return {
      kind: 'malformed',
      message: `The server answered in a form Slowpost cannot read: ${cause instanceof Error ? cause.message : 'it does not fit the lexicon'}`,
    };
  }
  if (error instanceof XRPCError) {
    if (statusOf(error) === NO_ANSWER) return connectionFailure(error.cause ?? error, context);
    return fromAnswer(error, context);
  }
  if (error instanceof TypeError && FETCH_FAILED.test(error.message)) {
    return connectionFailure(error, context);
  }
  return {
    kind: 'malformed',
    message: `Something unexpected happened talking to the server: ${error instanceof Error ? error.message : String(error)}`,
  };
}

/** XRPC's status for no answer at all (`ResponseType.Unknown`): the fetch failed. */
const NO_ANSWER = 1;
/** XRPC's status for an answer that does not fit the lexicon (`ResponseType.InvalidResponse`). */
const INVALID_RESPONSE = 2;

/** The error's status as a number: the HTTP status, or one of the two above. */
function statusOf(error: XRPCError): number {
  return Number(error.status);
}

/**
 * The body of an answer the library refused because it does not fit the lexicon
 * (`XRPCInvalidResponseError`, which `@atproto/api` does not export), when it is a JSON object;
 * else undefined.
 */
export function invalidResponseBody(error: unknown): unknown {
  if (!(error instanceof XRPCError) || statusOf(error) !== INVALID_RESPONSE) return undefined;
  const body = 'responseBody' in error ? error.responseBody : undefined;
  // Only an object can hold items to read one by one; text that is not JSON holds nothing.
  return typeof body === 'object' && body !== null ? body : undefined;
}

function fromAnswer(error: XRPCError, context: FailureContext): ConnectorFailure {
  const status = statusOf(error);
  const headers: Readonly<Record<string, string | undefined>> = error.headers ?? {};
  const reason = serverReason(error);
  const gateway = headers[GATEWAY_ANSWER_HEADER.toLowerCase()] ?? null;
  if (gateway === 'unreachable') return { kind: 'offline', message: reason };
  if (gateway === 'timeout' || gateway === 'failed') return { kind: 'timeout', message: reason };
  if (gateway === 'no-account') return { kind: 'auth', message: reason };
  if (status === 401 || SESSION_REFUSED.has(error.error ?? '')) {
    return { kind: 'auth', message: reason || 'The server refused the sign-in.' };
  }
  return failureOfStatus(status, reason, () => retryAfterMs(headers, context.now()));
}

/** The server's own words: its error name and message, when it gave them. */
function serverReason(error: XRPCError): string {
  const parts = [error.error, error.message].filter(
    (part, index, all): part is string =>
      typeof part === 'string' && part.trim() !== '' && all.indexOf(part) === index,
  );
  return parts.join(': ');
}

/** `Retry-After` in seconds or as a date; else `RateLimit-Reset` (epoch seconds); else null. */
export function retryAfterMs(
  headers: Readonly<Record<string, string | undefined>>,
  now: number,
): number | null {
  const retryAfter = headers['retry-after']?.trim();
  if (retryAfter !== undefined && retryAfter !== '') {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  const reset = headers['ratelimit-reset']?.trim();
  if (reset !== undefined && /^\d+$/.test(reset)) return Math.max(0, Number(reset) * 1000 - now);
  return null;
}

function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

/** What `fetch` says when nothing could be sent or received (Node, Chromium, Firefox, Safari). */
const FETCH_FAILED =
  /^(fetch failed|Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|network error)$/i;

/**
 * A request that got no answer: `offline` only when it certainly never left (this computer is
 * offline, or the connection was never made); anything else may have reached the server.
 */
function connectionFailure(cause: unknown, context: FailureContext): ConnectorFailure {
  const fetchFailed = cause instanceof TypeError && FETCH_FAILED.test(cause.message);
  if (!context.isOnline() || (fetchFailed && !isLostConnection(cause))) {
    return { kind: 'offline', message: 'The server could not be reached.' };
  }
  return { kind: 'timeout', message: 'The connection to the server was lost.' };
}
