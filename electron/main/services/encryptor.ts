import type { VaultStatus } from '@shared/ipc/contract';

/**
 * Encrypts the credential vault at rest. The desktop app passes one built on Electron's
 * `safeStorage` (shell/safe-storage-encryptor.ts); the loopback test host passes a test-only one.
 */
export interface Encryptor {
  /** How well this computer protects what this encryptor encrypts, and what the user should know. */
  protection(): Promise<VaultStatus>;
  encrypt(text: string): Promise<Uint8Array>;
  /** `shouldReEncrypt`: the key has changed since; write the data again with the new one. */
  decrypt(data: Uint8Array): Promise<{ readonly text: string; readonly shouldReEncrypt: boolean }>;
}

/** Said whenever sign-ins are kept with a fixed key rather than a keyring (Linux `basic_text`). */
export const BASIC_TEXT_MESSAGE =
  'This computer has no keyring Slowpost can use, so your sign-ins are saved with a fixed key: ' +
  'anyone who can read your files could use them. With a keyring such as GNOME Keyring or ' +
  'KWallet running when Slowpost starts, they would be protected.';

export const UNAVAILABLE_MESSAGE =
  'This computer offers Slowpost no way to encrypt a sign-in, so Slowpost cannot keep one.';
