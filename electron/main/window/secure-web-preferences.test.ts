import { describe, expect, it } from 'vitest';
import { secureWebPreferences } from './secure-web-preferences';
import { CONTENT_SECURITY_POLICY } from '../security/content-security-policy';

describe('the window is created securely', () => {
  const prefs = secureWebPreferences('/app/out/preload/index.cjs');
  it('isolates and sandboxes the page, with no Node.js anywhere', () => {
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/out/preload/index.cjs',
    });
  });
  it('the content security policy allows no inline or remote script', () => {
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values] as const;
      }),
    );
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    // No remote images either: a tracking pixel in a post must never load.
    expect(directives.get('img-src')).toEqual(["'self'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });
});
