/**
 * The network gateway (main process, and the loopback host in browser tests): the page and the
 * sync worker make a network's own requests to their own origin, naming the account in one
 * header; main adds the credentials and forwards them to that account's server only.
 */

/** Names the account a request is made for. Without it, a request is for the app itself. */
export const ACCOUNT_HEADER = 'X-Slowpost-Account';

/**
 * The paths the gateway forwards. An entry ending in `/` is a prefix; any other entry is one
 * exact path. Anything else that carries the account header is answered 404 by the gateway.
 */
export const GATEWAY_PATH_PREFIXES = [
  '/api/',
  '/oauth/revoke',
  '/.well-known/',
  '/nodeinfo/',
  '/xrpc/',
] as const;

export function isGatewayPath(pathname: string): boolean {
  return GATEWAY_PATH_PREFIXES.some((entry) =>
    entry.endsWith('/') ? pathname.startsWith(entry) : pathname === entry,
  );
}

/**
 * Set on every answer the gateway makes itself (never on one it forwards), saying why:
 * - `no-account`: Slowpost has no sign-in for the account named (or cannot read its vault);
 * - `not-allowed`: the path, method or address is not one the gateway forwards;
 * - `rate-limited`: held back to stay within the server's limits (with `Retry-After`);
 * - `unreachable`: the server could not be reached; the request certainly did not arrive;
 * - `timeout`: no complete answer within the deadline; the request may have arrived;
 * - `failed`: the connection broke after it was made; the request may have arrived;
 * - `redirect`: the server answered with a redirect to somewhere else, which is not followed;
 * - `signed-out`: the server no longer accepts the saved sign-in and it could not be renewed (a
 *   Bluesky session whose refresh was refused): the user signs in again.
 */
export const GATEWAY_ANSWER_HEADER = 'X-Slowpost-Gateway';

export type GatewayAnswer =
  | 'no-account'
  | 'not-allowed'
  | 'rate-limited'
  | 'unreachable'
  | 'timeout'
  | 'failed'
  | 'redirect'
  | 'signed-out';
