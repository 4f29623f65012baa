import {
  ACCOUNT_HEADER,
  GATEWAY_ANSWER_HEADER,
  isGatewayPath,
  type GatewayAnswer,
} from '@shared/connectors/gateway';
import { isExpiredTokenAnswer, type BlueskySessions } from './bluesky-session';
import { againIfReset } from './connection-reset';
import type { CredentialVault, StoredCredential } from './credential-vault';
import { VaultUnreadableError } from './credential-vault';
import { requestKind, type RateLimits } from './rate-limits';
import { isAllowedServerOrigin } from './server-address';

/**
 * The network gateway (seam 1 of issue 11). The page and the sync worker make a network's own
 * requests to their own origin with one header naming the account; this adds the account's token
 * and forwards the request to that account's server — and nowhere else:
 *
 * - only the paths of `GATEWAY_PATH_PREFIXES`, only to the origin stored with the account
 *   (`https:`, or `http:` for loopback test servers), never following a redirect elsewhere;
 * - request headers are copied from a short list (never the page's Authorization or Cookie);
 * - answers keep their status, body and headers (Link, Content-Type, rate limits, Retry-After…)
 *   but never Set-Cookie, nor any header that would act on the app's own origin, and are never
 *   cached (two accounts ask for the same URLs);
 * - each account's rate limits are kept here, so sync and sending share them;
 * - a Bluesky app-password session is renewed here when its access JWT expires (see
 *   `bluesky-session.ts`), and a Bluesky OAuth session's requests go through its own fetch, which
 *   adds the DPoP proof;
 * - every upstream request has a deadline and is aborted past it.
 *
 * Whatever the gateway answers itself carries `X-Slowpost-Gateway` saying why.
 */

export type FetchLike = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

export interface GatewayOptions {
  readonly vault: Pick<CredentialVault, 'credential'>;
  /** Node's fetch in tests and the loopback host; a private Electron session's fetch in the app. */
  readonly fetch: FetchLike;
  readonly rateLimits: RateLimits;
  /** How long an upstream request may take, answer body included (default 30 s). */
  readonly deadlineMs?: number;
  /**
   * When given, a request whose `Origin` header it refuses is refused (the loopback host, which
   * any local web page can reach).
   */
  readonly isTrustedOrigin?: (origin: string) => boolean;
  readonly log?: (message: string) => void;
  /** Renews Bluesky app-password sessions (without it, their access JWT is sent as it is). */
  readonly blueskySessions?: BlueskySessions;
  /** Bluesky OAuth sessions: a fetch that adds the DPoP proof and renews the tokens by itself. */
  readonly oauthSessions?: OAuthSessionFetches;
}

export interface OAuthSessionFetches {
  /** The session's fetch for this credential; null when the session is gone (sign in again). */
  fetchFor(credential: StoredCredential): Promise<FetchLike | null>;
}

/** How one upstream request is authorized: a bearer token, or a session's own fetch (DPoP). */
type Authorization =
  | { readonly kind: 'bearer'; readonly token: string }
  | { readonly kind: 'session'; readonly fetch: FetchLike };

export interface NetworkGateway {
  handle(request: Request): Promise<Response>;
}

/** A request is for the gateway when it names an account; everything else is the app's own. */
export function isGatewayRequest(request: Request): boolean {
  return request.headers.has(ACCOUNT_HEADER);
}

const DEFAULT_DEADLINE_MS = 30_000;
const MAX_REQUEST_BYTES = 16 * 1024 * 1024;
const MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
const MAX_SAME_ORIGIN_REDIRECTS = 3;
const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/** The request headers a network request may carry from the page. */
const FORWARDED_REQUEST_HEADERS = [
  'accept',
  'accept-language',
  'content-type',
  'idempotency-key',
  'if-match',
  'if-none-match',
  'if-modified-since',
  'atproto-accept-labelers',
  'atproto-proxy',
];

/** Answer headers passed on to the page, besides any `x-…`, `ratelimit-…`, `atproto-…`. */
const PASSED_RESPONSE_HEADERS = new Set([
  'content-type',
  'content-language',
  'link',
  'etag',
  'last-modified',
  'date',
  'retry-after',
  'mastodon-async-refresh',
]);
const PASSED_RESPONSE_PREFIXES = ['x-', 'ratelimit-', 'atproto-'];

/** Statuses whose responses have no body. */
const NO_BODY = new Set([101, 204, 205, 304]);

export function createNetworkGateway(options: GatewayOptions): NetworkGateway {
  const log = options.log ?? (() => undefined);
  const deadlineMs = options.deadlineMs ?? DEFAULT_DEADLINE_MS;

  return {
    async handle(request) {
      const accountId = request.headers.get(ACCOUNT_HEADER) ?? '';
      const url = new URL(request.url);
      const method = request.method.toUpperCase();
      if (!isGatewayPath(url.pathname) || hasEncodedSeparator(url.pathname)) {
        return answer(404, 'not-allowed', 'Slowpost does not forward this path to a server.');
      }
      if (!METHODS.has(method)) {
        return answer(405, 'not-allowed', `Slowpost does not forward ${method} requests.`);
      }
      const origin = request.headers.get('origin');
      if (origin !== null && options.isTrustedOrigin?.(origin) === false) {
        return answer(403, 'not-allowed', 'This request did not come from Slowpost.');
      }

      let credential;
      try {
        credential =
          accountId.length > 0 && accountId.length <= 200
            ? await options.vault.credential(accountId)
            : null;
      } catch (error) {
        if (error instanceof VaultUnreadableError) return answer(401, 'no-account', error.message);
        throw error;
      }
      if (credential === null) {
        return answer(401, 'no-account', 'Slowpost has no sign-in for this account');
      }
      const server = new URL(credential.origin);
      if (!isAllowedServerOrigin(server)) {
        return answer(
          403,
          'not-allowed',
          `Slowpost talks to ${server.host} only over https, so this request was not sent.`,
        );
      }

      const kind = requestKind(method, url.pathname);
      const admission = options.rateLimits.admit(accountId, kind);
      if (!admission.ok) {
        return answer(
          429,
          'rate-limited',
          `Slowpost is waiting before asking ${server.host} again, to stay within its limits.`,
          { 'retry-after': String(admission.retryAfterSeconds) },
        );
      }

      const baseHeaders = new Headers();
      for (const name of FORWARDED_REQUEST_HEADERS) {
        const value = request.headers.get(name);
        if (value !== null) baseHeaders.set(name, value);
      }

      let body: ArrayBuffer | null = null;
      if (method !== 'GET' && method !== 'HEAD') {
        const declared = Number(request.headers.get('content-length') ?? '0');
        if (declared > MAX_REQUEST_BYTES) {
          return answer(413, 'not-allowed', 'This request is too large to send.');
        }
        body = await request.arrayBuffer();
        if (body.byteLength > MAX_REQUEST_BYTES) {
          return answer(413, 'not-allowed', 'This request is too large to send.');
        }
      }

      /** Sends the request upstream (following same-origin redirects) with one authorization. */
      async function send(authorization: Authorization): Promise<Response> {
        const headers = new Headers(baseHeaders);
        if (authorization.kind === 'bearer') {
          headers.set('authorization', `Bearer ${authorization.token}`);
        }
        const upstreamFetch =
          authorization.kind === 'session' ? authorization.fetch : options.fetch;
        const deadline = new AbortController();
        const timer = setTimeout(() => deadline.abort(), deadlineMs);
        const signal = AbortSignal.any([deadline.signal, request.signal]);
        const what = `${method} ${server.host}${url.pathname}`;
        try {
          let target = new URL(`${url.pathname}${url.search}`, server);
          let upstreamMethod = method;
          let upstreamBody = body;
          for (let hop = 0; ; hop++) {
            const init: RequestInit = {
              method: upstreamMethod,
              headers,
              body: upstreamBody,
              redirect: 'manual',
              credentials: 'omit',
              signal,
            };
            const once = (): Promise<Response> => upstreamFetch(target, init);
            // A reading request may go once more when its kept-alive connection was already closed.
            const response = await (upstreamMethod === 'GET' || upstreamMethod === 'HEAD'
              ? againIfReset(once)
              : once());
            if (response.type === 'opaqueredirect' || leftOrigin(response, server)) {
              return refusedRedirect(server, what);
            }
            const location = response.headers.get('location');
            if (isRedirect(response.status) && location !== null) {
              const next = new URL(location, target);
              if (next.origin !== server.origin || hop >= MAX_SAME_ORIGIN_REDIRECTS) {
                await response.body?.cancel();
                return refusedRedirect(server, what);
              }
              await response.body?.cancel();
              if (
                response.status === 303 ||
                ((response.status === 301 || response.status === 302) && upstreamMethod === 'POST')
              ) {
                upstreamMethod = upstreamMethod === 'HEAD' ? 'HEAD' : 'GET';
                upstreamBody = null;
                headers.delete('content-type');
              }
              target = next;
              continue;
            }
            options.rateLimits.record(accountId, kind, response.status, response.headers);
            const bytes =
              NO_BODY.has(response.status) || method === 'HEAD'
                ? null
                : await readLimited(response, MAX_RESPONSE_BYTES);
            if (bytes === 'too-large') {
              return answer(
                502,
                'failed',
                `${server.host} answered with more than Slowpost reads.`,
              );
            }
            if (response.status >= 400 && bytes !== null && !isJson(response.headers)) {
              return readableError(response, server);
            }
            return new Response(bytes, {
              status: response.status,
              statusText: response.statusText,
              headers: passedHeaders(response.headers),
            });
          }
        } catch (error) {
          if (deadline.signal.aborted) {
            log(`gateway: ${what}: no answer within ${deadlineMs} ms`);
            return answer(
              504,
              'timeout',
              `${server.host} did not answer within ${Math.round(deadlineMs / 1000)} seconds.`,
            );
          }
          // Electron's fetch does not hand a redirect back in `manual` mode: it stops the request.
          if (error instanceof Error && error.message === 'Redirect was cancelled') {
            return refusedRedirect(server, what);
          }
          const failure = classifyFailure(error);
          log(`gateway: ${what} failed (${failure.code})`);
          return failure.sent
            ? answer(502, 'failed', `The connection to ${server.host} broke off.`)
            : answer(502, 'unreachable', `${server.host} could not be reached.`);
        } finally {
          clearTimeout(timer);
        }
      }

      let authorization: Authorization;
      const sessions = options.blueskySessions;
      const refreshes = sessions?.handles(credential) === true ? sessions : null;
      if (credential.network === 'bluesky' && credential.clientId !== null) {
        let session: FetchLike | null | undefined;
        try {
          session = await options.oauthSessions?.fetchFor(credential);
        } catch {
          log(`gateway: could not reach ${server.host} to resume a Bluesky session`);
          return answer(502, 'unreachable', `${server.host} could not be reached.`);
        }
        if (session === undefined || session === null) return signedOut(server);
        authorization = { kind: 'session', fetch: session };
      } else {
        authorization = { kind: 'bearer', token: credential.accessToken };
        if (refreshes?.isExpired(credential) === true) {
          const renewal = await refreshes.renew(accountId, credential.accessToken);
          if (renewal.kind === 'refused') return signedOut(server);
          if (renewal.kind === 'renewed') {
            authorization = { kind: 'bearer', token: renewal.credential.accessToken };
          }
        }
      }

      const first = await send(authorization);
      if (
        refreshes === null ||
        authorization.kind !== 'bearer' ||
        !(await isExpiredTokenAnswer(first))
      ) {
        return first;
      }
      // The access JWT expired on the way: renew the session once, and send once more.
      const renewal = await refreshes.renew(accountId, authorization.token);
      if (renewal.kind === 'refused') return signedOut(server);
      if (renewal.kind === 'failed') return first;
      return send({ kind: 'bearer', token: renewal.credential.accessToken });
    },
  };

  function signedOut(server: URL): Response {
    return answer(
      401,
      'signed-out',
      `${server.host} no longer accepts the saved sign-in for this account. Sign in again to go on.`,
    );
  }

  function refusedRedirect(server: URL, what: string): Response {
    log(`gateway: ${what}: refused a redirect away from ${server.host}`);
    return answer(
      502,
      'redirect',
      `${server.host} tried to send this request elsewhere, so Slowpost did not follow.`,
    );
  }
}

function answer(
  status: number,
  why: GatewayAnswer,
  message: string,
  extra: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ error: message }), {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'cache-control': 'no-store',
      [GATEWAY_ANSWER_HEADER]: why,
      ...extra,
    },
  });
}

function isJson(headers: Headers): boolean {
  return /^application\/([\w.+-]*\+)?json\b/i.test(headers.get('content-type') ?? '');
}

/**
 * The server's error answered with a page that is not JSON (an HTML page from the server or a proxy
 * in front of it): the status is what matters (401: sign in again; 404: gone; 5xx: try later), so
 * it is kept, with the server's headers, and the page becomes a JSON error the network clients can
 * read. The server said it, not the gateway: no gateway mark.
 */
function readableError(response: Response, server: URL): Response {
  const headers = passedHeaders(response.headers);
  headers.set('content-type', 'application/json; charset=utf-8');
  const said = response.statusText === '' ? '' : ` (${response.statusText})`;
  return new Response(
    JSON.stringify({
      error: `${server.host} answered HTTP ${response.status}${said} with a page, not data.`,
    }),
    { status: response.status, statusText: response.statusText, headers },
  );
}

function isRedirect(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** A fetch that followed a redirect by itself and ended somewhere else. */
function leftOrigin(response: Response, server: URL): boolean {
  if (!response.redirected || response.url === '') return false;
  try {
    return new URL(response.url).origin !== server.origin;
  } catch {
    return true;
  }
}

/** `%2F`, `%5C` or `%2E` in a path could become `/`, `\` or `..` on a server that decodes it. */
function hasEncodedSeparator(pathname: string): boolean {
  return /%2f|%5c|%2e/i.test(pathname) || pathname.includes('\\');
}

function passedHeaders(upstream: Headers): Headers {
  const headers = new Headers();
  upstream.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower.startsWith('x-slowpost-')) return;
    if (
      PASSED_RESPONSE_HEADERS.has(lower) ||
      PASSED_RESPONSE_PREFIXES.some((prefix) => lower.startsWith(prefix))
    ) {
      headers.append(name, value);
    }
  });
  headers.set('cache-control', 'no-store');
  headers.set('x-content-type-options', 'nosniff');
  return headers;
}

async function readLimited(
  response: Response,
  limit: number,
): Promise<Uint8Array<ArrayBuffer> | 'too-large'> {
  if (response.body === null) return new Uint8Array();
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return 'too-large';
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/**
 * Did the request leave this computer? A failure to resolve the name, to connect or to agree on
 * TLS means it certainly did not reach the server (`unreachable`); a connection that broke later
 * may have delivered it. Node's fetch puts a code on `cause`; Electron's names it in the message.
 */
const NOT_SENT_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ENETDOWN',
  'UND_ERR_CONNECT_TIMEOUT',
  'CERT_HAS_EXPIRED',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);
const NOT_SENT_NET_ERRORS =
  /net::ERR_(NAME_NOT_RESOLVED|INTERNET_DISCONNECTED|CONNECTION_REFUSED|ADDRESS_UNREACHABLE|NAME_RESOLUTION_FAILED|CONNECTION_TIMED_OUT|CERT_[A-Z_]+|SSL_[A-Z_]+|PROXY_CONNECTION_FAILED)\b/;

function classifyFailure(error: unknown): { readonly code: string; readonly sent: boolean } {
  const cause = (error as { cause?: { code?: unknown } } | null)?.cause;
  const code = typeof cause?.code === 'string' ? cause.code : null;
  if (code !== null) return { code, sent: !NOT_SENT_CODES.has(code) };
  const message = error instanceof Error ? error.message : '';
  const net = /net::ERR_[A-Z_]+/.exec(message)?.[0];
  if (net !== undefined) return { code: net, sent: !NOT_SENT_NET_ERRORS.test(net) };
  return { code: error instanceof Error ? error.name : 'unknown', sent: true };
}
