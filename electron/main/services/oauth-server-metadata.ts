import { z } from 'zod';
import { againIfReset } from './connection-reset';
import type { FetchLike } from './network-gateway';

/**
 * What a server says about its OAuth at `/.well-known/oauth-authorization-server` (RFC 8414;
 * Mastodon 4.3 and later). Servers without it (older Mastodon, snac) get the usual Mastodon paths
 * and no PKCE. Only endpoints on the server's own origin are used.
 */
export interface OAuthServerMetadata {
  readonly authorizeUrl: string;
  readonly pkceS256: boolean;
  /** The scopes the server names, or null when it names none. */
  readonly scopes: readonly string[] | null;
}

const MetadataSchema = z.object({
  authorization_endpoint: z.string().optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
  scopes_supported: z.array(z.string()).optional(),
});

/** The server could not be reached at all (as opposed to: it has no metadata). */
export class ServerUnreachableError extends Error {
  constructor(readonly timedOut: boolean) {
    super(timedOut ? 'no answer in time' : 'unreachable');
    this.name = 'ServerUnreachableError';
  }
}

export async function discoverOAuthServer(
  origin: string,
  fetch: FetchLike,
  timeoutMs: number,
): Promise<OAuthServerMetadata> {
  const fallback: OAuthServerMetadata = {
    authorizeUrl: `${origin}/oauth/authorize`,
    pkceS256: false,
    scopes: null,
  };
  let response: Response;
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    response = await againIfReset(() =>
      fetch(`${origin}/.well-known/oauth-authorization-server`, {
        headers: { accept: 'application/json' },
        redirect: 'manual',
        credentials: 'omit',
        signal,
      }),
    );
  } catch {
    throw new ServerUnreachableError(signal.aborted);
  }
  if (!response.ok) {
    await response.body?.cancel();
    return fallback;
  }
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    if (signal.aborted) throw new ServerUnreachableError(true);
    return fallback;
  }
  const parsed = MetadataSchema.safeParse(body);
  if (!parsed.success) return fallback;
  const endpoint = parsed.data.authorization_endpoint;
  let authorizeUrl = fallback.authorizeUrl;
  if (endpoint !== undefined) {
    try {
      const url = new URL(endpoint);
      if (url.origin === origin && url.search === '' && url.hash === '') authorizeUrl = url.href;
    } catch {
      // not a URL: keep the usual path
    }
  }
  return {
    authorizeUrl,
    pkceS256: parsed.data.code_challenge_methods_supported?.includes('S256') ?? false,
    scopes: parsed.data.scopes_supported ?? null,
  };
}
