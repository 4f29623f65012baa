/**
 * What the user typed to name their server, made into the one origin Slowpost will talk to.
 * Accepted: `mastodon.social`, `@me@example.social`, `me@example.social`,
 * `https://example.social/@me` (any path is dropped), and plain `http://` only for the loopback
 * test servers (`localhost`, `127.0.0.1`, `[::1]`). Anything else is refused with a sentence
 * saying what is wrong.
 */

export type ServerAddress =
  | { readonly ok: true; readonly origin: string; readonly host: string }
  | { readonly ok: false; readonly reason: string };

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** `https:` anywhere; `http:` only on this computer's loopback (test servers). */
export function isAllowedServerOrigin(url: URL): boolean {
  if (url.username !== '' || url.password !== '' || url.hostname === '') return false;
  if (url.protocol === 'https:') return true;
  return url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
}

/** Typed without a scheme: https, except for a loopback test server. */
function schemeFor(hostAndMore: string): 'http' | 'https' {
  const host = hostAndMore.split('/')[0]?.replace(/:\d+$/, '').toLowerCase() ?? '';
  return LOOPBACK_HOSTS.has(host) ? 'http' : 'https';
}

export function parseServerAddress(input: string): ServerAddress {
  const typed = input.trim();
  const example =
    'Type a server such as mastodon.social, or your address such as @you@mastodon.social.';
  if (typed === '') return { ok: false, reason: `Type your server's address. ${example}` };
  if (/\s/.test(typed)) {
    return { ok: false, reason: `That is not a server address: it has spaces in it. ${example}` };
  }
  const shown = typed.length > 60 ? `${typed.slice(0, 60)}…` : typed;

  let candidate: string;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(typed)) {
    candidate = typed;
  } else if (/^[a-z][a-z0-9+.-]*:(?!\d)/i.test(typed)) {
    // `javascript:…`, `mailto:…`: a scheme, but not a web address (`host:8443` is a port).
    return { ok: false, reason: `That is not a server address: "${shown}". ${example}` };
  } else if ((typed.split('/')[0] ?? '').includes('@')) {
    // `@me@example.social` or `me@example.social`: the server is after the last @.
    const host = typed.slice(typed.lastIndexOf('@') + 1);
    if (host === '' || host.includes('/')) {
      return {
        ok: false,
        reason: `That is not a server address: "${shown}" names no server after the @. ${example}`,
      };
    }
    candidate = `${schemeFor(host)}://${host}`;
  } else {
    // `example.social`, `example.social/@me`, `localhost:8411`.
    candidate = `${schemeFor(typed)}://${typed}`;
  }

  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return { ok: false, reason: `That is not a server address: "${shown}". ${example}` };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `That is not a server address: "${shown}". ${example}` };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      reason:
        'That is not a server address: it holds a name or password. Type just the server, such as mastodon.social.',
    };
  }
  const loopback = LOOPBACK_HOSTS.has(url.hostname);
  if (!loopback && !url.hostname.includes('.')) {
    return {
      ok: false,
      reason: `That is not a server address: "${url.hostname}" is not a whole domain. ${example}`,
    };
  }
  if (url.protocol === 'http:' && !loopback) {
    return {
      ok: false,
      reason: `Slowpost connects to ${url.host} only over https, so that your sign-in stays private. Type https://${url.host} or just ${url.host}.`,
    };
  }
  return { ok: true, origin: url.origin, host: url.host };
}
