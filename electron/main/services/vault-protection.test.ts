import { describe, expect, it } from 'vitest';
import { vaultProtection } from './vault-protection';

describe('how the vault is protected', () => {
  it('is the keyring on Linux when Electron found one', () => {
    for (const linuxBackend of ['gnome_libsecret', 'kwallet', 'kwallet5', 'kwallet6'] as const) {
      expect(vaultProtection({ available: true, platform: 'linux', linuxBackend })).toEqual({
        protection: 'os-keyring',
        message: null,
      });
    }
  });

  it('tells the user plainly when Linux has no keyring (basic_text)', () => {
    const status = vaultProtection({
      available: true,
      platform: 'linux',
      linuxBackend: 'basic_text',
    });
    expect(status.protection).toBe('basic-text');
    expect(status.message).toMatch(/no keyring/);
    expect(status.message).toMatch(/fixed key/);
  });

  it('does not take an unknown Linux backend for a keyring', () => {
    expect(
      vaultProtection({ available: true, platform: 'linux', linuxBackend: 'unknown' }).protection,
    ).toBe('basic-text');
  });

  it("is the OS's own on macOS and Windows", () => {
    expect(vaultProtection({ available: true, platform: 'darwin', linuxBackend: null })).toEqual({
      protection: 'os',
      message: null,
    });
    expect(
      vaultProtection({ available: true, platform: 'win32', linuxBackend: null }).protection,
    ).toBe('os');
  });

  it('says when nothing can encrypt', () => {
    const status = vaultProtection({
      available: false,
      platform: 'linux',
      linuxBackend: 'basic_text',
    });
    expect(status.protection).toBe('unavailable');
    expect(status.message).toMatch(/cannot keep one/);
  });
});
