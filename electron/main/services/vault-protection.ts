import type { VaultStatus } from '@shared/ipc/contract';
import { BASIC_TEXT_MESSAGE, UNAVAILABLE_MESSAGE } from './encryptor';

/** Linux's password stores as Electron names them (`safeStorage.getSelectedStorageBackend()`). */
export type LinuxStorageBackend =
  'basic_text' | 'gnome_libsecret' | 'kwallet' | 'kwallet5' | 'kwallet6' | 'unknown';

/**
 * How well safeStorage protects the vault here. On Linux, `basic_text` means a fixed key (no
 * keyring was found), which the user is told; `unknown` (asked before the app was ready) is not
 * taken as a keyring either. macOS (Keychain) and Windows (DPAPI) are the OS's own protection.
 */
export function vaultProtection(options: {
  readonly available: boolean;
  readonly platform: string;
  readonly linuxBackend: LinuxStorageBackend | null;
}): VaultStatus {
  if (!options.available) return { protection: 'unavailable', message: UNAVAILABLE_MESSAGE };
  if (options.platform !== 'linux') return { protection: 'os', message: null };
  switch (options.linuxBackend) {
    case 'gnome_libsecret':
    case 'kwallet':
    case 'kwallet5':
    case 'kwallet6':
      return { protection: 'os-keyring', message: null };
    default:
      return { protection: 'basic-text', message: BASIC_TEXT_MESSAGE };
  }
}
