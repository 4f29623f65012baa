import type { ConnectorFailure } from './connector';

/**
 * What an HTTP error status says, once a connector has ruled out a refused sign-in: 429 → slow
 * down (with the server's wait, when it gave one), 5xx → the server's trouble (try later),
 * anything else → the server refused this request. `reason` is the server's own words, or ''.
 */
export function failureOfStatus(
  status: number,
  reason: string,
  retryAfterMs: () => number | null,
): ConnectorFailure {
  if (status === 429) {
    return {
      kind: 'rate-limited',
      message: 'The server asked Slowpost to slow down (HTTP 429).',
      retryAfterMs: retryAfterMs(),
    };
  }
  if (status >= 500) {
    return {
      kind: 'server',
      message: `The server had a problem (HTTP ${status})${reason ? `: ${reason}` : '.'}`,
      status,
    };
  }
  return {
    kind: 'rejected',
    message: reason || `The server refused the request (HTTP ${status}).`,
    status,
  };
}
