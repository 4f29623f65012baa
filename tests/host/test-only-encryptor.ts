import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Encryptor } from '../../electron/main/services/encryptor';
import { BASIC_TEXT_MESSAGE, UNAVAILABLE_MESSAGE } from '../../electron/main/services/encryptor';
import type { VaultProtection } from '@shared/ipc/contract';

/**
 * FOR TESTS AND THE LOOPBACK TEST HOST ONLY — never shipped. The desktop app encrypts the vault
 * with Electron's safeStorage (electron/main/shell/safe-storage-encryptor.ts). This one uses
 * AES-256-GCM with a key that lives only in this process (random unless a test passes one), so a
 * vault it wrote cannot be read after the process ends. `protection` is what it reports, so tests
 * can show each state (`unavailable` also refuses to encrypt, as safeStorage would).
 */
export function createTestOnlyEncryptor(
  options: { readonly key?: Buffer; readonly protection?: VaultProtection } = {},
): Encryptor & { readonly key: Buffer } {
  const key = options.key ?? randomBytes(32);
  const protection = options.protection ?? 'os-keyring';
  return {
    key,
    async protection() {
      if (protection === 'basic-text') return { protection, message: BASIC_TEXT_MESSAGE };
      if (protection === 'unavailable') return { protection, message: UNAVAILABLE_MESSAGE };
      return { protection, message: null };
    },
    async encrypt(text) {
      if (protection === 'unavailable') throw new Error('encryption is not available');
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    async decrypt(data) {
      const bytes = Buffer.from(data);
      const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12));
      decipher.setAuthTag(bytes.subarray(12, 28));
      const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
      return { text: text.toString('utf8'), shouldReEncrypt: false };
    },
  };
}
