/**
 * Small, pure URL checks. Every decision parses the URL; none compares substrings, so
 * `https://slowpost.evil/` or `app://slowpost.evil` never pass for the app.
 */

/** The scheme and host the packaged app's page is served from (see window/app-protocol). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'slowpost';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export function parseUrl(value: unknown): URL | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 8192) return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/**
 * Same scheme, host and port. `URL.origin` is "null" for custom schemes such as `app:`, so compare
 * the parts instead.
 */
export function isSameOrigin(a: URL, b: URL): boolean {
  return (
    a.protocol === b.protocol &&
    a.hostname === b.hostname &&
    a.port === b.port &&
    a.username === '' &&
    a.password === ''
  );
}

/** True when `value` is a page of one of the app's own origins. */
export function isTrustedAppUrl(value: unknown, appOrigins: readonly string[]): boolean {
  const url = parseUrl(value);
  if (url === null) return false;
  return appOrigins.some((origin) => {
    const allowed = parseUrl(origin);
    return allowed !== null && isSameOrigin(url, allowed);
  });
}

export type ExternalUrlDecision =
  { readonly ok: true; readonly url: string } | { readonly ok: false; readonly reason: string };

/** Only http(s) links with a host leave the app; everything else is refused with a reason. */
export function checkExternalUrl(value: unknown): ExternalUrlDecision {
  const url = parseUrl(value);
  if (url === null) return { ok: false, reason: 'That is not a web address.' };
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: `Links starting with "${url.protocol}" are not opened.` };
  }
  if (url.hostname === '') return { ok: false, reason: 'That web address has no host.' };
  if (url.username !== '' || url.password !== '') {
    return { ok: false, reason: 'Web addresses with a user name or password are not opened.' };
  }
  return { ok: true, url: url.href };
}

/**
 * True for a file the app's own page made (a `blob:` URL of one of its origins): the only
 * downloads Slowpost allows, its export. A blob of another origin, or any http(s) file, is not.
 */
export function isAppBlobUrl(value: unknown, appOrigins: readonly string[]): boolean {
  const url = parseUrl(value);
  if (url === null || url.protocol !== 'blob:') return false;
  return isTrustedAppUrl(url.pathname, appOrigins);
}
