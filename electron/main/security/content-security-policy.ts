/**
 * The page's Content-Security-Policy: no inline script, no remote script, nothing loaded from
 * anywhere but the app itself — images included, so a tracking pixel that got past the sanitizer
 * still never loads (avatars and media are for the app to fetch and serve, not the page).
 * The same string is sent by the app protocol handler and the loopback host.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
