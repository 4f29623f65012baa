/**
 * Every way a call through `masto` can fail, as a typed `ConnectorFailure` with a sentence a user
 * can read:
 * - nothing left this computer (no network, the server's name unknown, connection refused):
 *   `offline`;
 * - the call was aborted (its deadline) or the connection was lost after the request went out:
 *   `timeout` (the server may have acted on it);
 * - the app's network gateway answering for the server: `unreachable` is `offline`, `timeout` and
 *   `failed` (the connection broke after it was made) are `timeout`;
 * - 401, or a 403 about the token: `auth`; 404, 410, 422 and other refusals: `rejected`, with the
 *   server's reason; 429: `rate-limited` with `Retry-After`; 5xx: `server`;
 * - an answer that is not JSON (an HTML error page: masto then throws a plain `TypeError`, or a
 *   `MastoUnexpectedError` for other content types), unreadable JSON (`MastoDeserializeError`), or
 *   JSON of the wrong shape: `malformed`.
 */
import {
  MastoDeserializeError,
  MastoHttpError,
  MastoTimeoutError,
  MastoUnexpectedError,
} from 'masto';
import { ConnectorError, type ConnectorFailure } from '@shared/connectors/connector';
import { GATEWAY_ANSWER_HEADER } from '@shared/connectors/gateway';
import { failureOfStatus } from '@shared/connectors/status-failure';

/** What `fetch` says when nothing could be sent or received (Node, Chromium, Firefox, Safari). */
const FETCH_FAILED =
  /^(fetch failed|Failed to fetch|NetworkError when attempting to fetch resource\.?|Load failed|network error)$/i;
/** Connection errors that mean the request never reached the server. */
const NEVER_SENT = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
]);
/** A 403 that is about the sign-in rather than the request. */
const TOKEN_TROUBLE =
  /token|scope|authori[sz]|log ?in|sign ?in|credential|revoked|suspended|disabled/i;

export interface FailureContext {
  /** Whether this computer believes it is online (`navigator.onLine`). */
  readonly isOnline: () => boolean;
}

export function toConnectorError(error: unknown, context: FailureContext): ConnectorError {
  return error instanceof ConnectorError
    ? error
    : new ConnectorError(toConnectorFailure(error, context));
}

export function toConnectorFailure(error: unknown, context: FailureContext): ConnectorFailure {
  if (error instanceof MastoHttpError) return fromHttp(error);
  if (error instanceof MastoTimeoutError || isAbort(error)) {
    return { kind: 'timeout', message: 'The request was given up before the server answered.' };
  }
  if (error instanceof MastoDeserializeError) {
    return {
      kind: 'malformed',
      message: `The server's answer was not readable JSON (${error.contentType}).`,
    };
  }
  if (error instanceof MastoUnexpectedError) {
    return {
      kind: 'malformed',
      message: `The server answered in a form Slowpost cannot read: ${error.message}`,
    };
  }
  if (error instanceof TypeError) {
    if (FETCH_FAILED.test(error.message)) return connectionFailure(error, context);
    // masto reads an HTML body as nothing, then fails to read the error out of it.
    return {
      kind: 'malformed',
      message:
        'The server answered with a web page instead of data (an error page: it may be down, or behind a proxy that failed).',
    };
  }
  return {
    kind: 'malformed',
    message: `Something unexpected happened talking to the server: ${error instanceof Error ? error.message : String(error)}`,
  };
}

function fromHttp(error: MastoHttpError): ConnectorFailure {
  const status = error.statusCode;
  const reason = serverReason(error);
  // The gateway's own answers say whether the request reached the server at all.
  const gateway = responseOf(error)?.headers.get(GATEWAY_ANSWER_HEADER) ?? null;
  if (gateway === 'unreachable') return { kind: 'offline', message: reason };
  if (gateway === 'timeout' || gateway === 'failed') return { kind: 'timeout', message: reason };
  if (status === 401 || (status === 403 && TOKEN_TROUBLE.test(reason))) {
    return { kind: 'auth', message: reason || `The server refused the sign-in (HTTP ${status}).` };
  }
  return failureOfStatus(status, reason, () => retryAfterMs(error));
}

/** The server's own words: `error`, and `error_description` when it adds one. */
function serverReason(error: MastoHttpError): string {
  const parts = [error.message, error.description].filter(
    (part): part is string => typeof part === 'string' && part.trim() !== '',
  );
  return parts.join(': ');
}

function responseOf(error: MastoHttpError): Response | null {
  return error.cause instanceof Response ? error.cause : null;
}

/** `Retry-After` in seconds or as a date; else `X-RateLimit-Reset` (a date); else null. */
function retryAfterMs(error: MastoHttpError): number | null {
  const headers = responseOf(error)?.headers;
  if (headers === undefined) return null;
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter !== undefined && retryAfter !== '') {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - Date.now());
  }
  const reset = headers.get('x-ratelimit-reset');
  const at = reset === null ? Number.NaN : Date.parse(reset);
  return Number.isNaN(at) ? null : Math.max(0, at - Date.now());
}

function isAbort(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'name' in error &&
    (error.name === 'AbortError' || error.name === 'TimeoutError')
  );
}

/** A `fetch` that failed without an answer, though this computer is online and the server was reached. */
export function isLostConnection(error: unknown): boolean {
  if (!(error instanceof TypeError) || !FETCH_FAILED.test(error.message)) return false;
  const code = causeCode(error);
  return code === null || !NEVER_SENT.has(code);
}

/** A `fetch` that failed without an answer: never sent (offline) or lost on the way (timeout). */
function connectionFailure(error: TypeError, context: FailureContext): ConnectorFailure {
  const code = causeCode(error);
  if (!context.isOnline() || (code !== null && NEVER_SENT.has(code))) {
    return {
      kind: 'offline',
      message: `The server could not be reached${code === null ? '' : ` (${code})`}.`,
    };
  }
  return {
    kind: 'timeout',
    message: `The connection to the server was lost${code === null ? '' : ` (${code})`}.`,
  };
}

function causeCode(error: TypeError): string | null {
  let cause: unknown = error.cause;
  for (let depth = 0; depth < 4 && typeof cause === 'object' && cause !== null; depth += 1) {
    const code = (cause as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    cause = (cause as { cause?: unknown }).cause;
  }
  return null;
}
