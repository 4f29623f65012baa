import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { protocol } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';
import { APP_HOST, APP_SCHEME } from '../security/trusted-url';
import { AVATAR_PATH_PREFIX, type AvatarStore } from '../services/avatar-store';
import { isGatewayRequest, type NetworkGateway } from '../services/network-gateway';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.map': 'application/json',
};

/** Must run before `app.whenReady()`: `app://` behaves like https (secure context, IndexedDB). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererDir` at `app://slowpost/`, with the strict CSP. A request
 * that names an account (`X-Slowpost-Account`) goes to the network gateway instead, and
 * `/avatars/<key>` is a stored picture (never fetched on the page's request).
 */
export function serveAppScheme(
  rendererDir: string,
  gateway: NetworkGateway,
  avatars: Pick<AvatarStore, 'serve'>,
): void {
  const root = normalize(rendererDir + sep);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.hostname !== APP_HOST) return new Response('Not found', { status: 404 });
    if (isGatewayRequest(request)) return gateway.handle(request);
    if (url.pathname.startsWith(AVATAR_PATH_PREFIX)) return avatars.serve(url.pathname);
    const relative = decodeURIComponent(url.pathname === '/' ? '/index.html' : url.pathname);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file);
      return new Response(body, {
        headers: {
          'content-type': MIME[extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
