/**
 * The page's Content-Security-Policy: no inline script, no remote script, nothing loaded from
 * anywhere but the app itself — except images in posts, which may come from any https server.
 * The same string is sent by the app protocol handler, the loopback host, and the page's meta tag.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' https: data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
