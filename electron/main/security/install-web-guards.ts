import type { Session, WebContents } from 'electron';
import type { ExternalLinks } from '../services/external-links';
import { isTrustedAppUrl } from './trusted-url';

/**
 * Locks a window's web contents down: no new windows (http(s) links go to the browser instead,
 * after parsing), no navigation away from the app, no <webview>.
 */
export function guardWebContents(
  contents: WebContents,
  appOrigins: readonly string[],
  links: ExternalLinks,
): void {
  contents.setWindowOpenHandler(({ url }) => {
    void links.open(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedAppUrl(url, appOrigins)) {
      event.preventDefault();
      void links.open(url);
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedAppUrl(url, appOrigins)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/** Every permission (camera, notifications from the page, geolocation, …) is denied by default. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/** In development the page comes from electron-vite's server: it gets the CSP as a header too. */
export function addCspHeader(session: Session, policy: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [policy] },
    });
  });
}
