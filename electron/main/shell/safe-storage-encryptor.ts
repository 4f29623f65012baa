import { safeStorage } from 'electron';
import type { Encryptor } from '../services/encryptor';
import { vaultProtection } from '../services/vault-protection';

/** The vault's encryption in the desktop app: Electron's safeStorage, through its async API. */
export function createSafeStorageEncryptor(): Encryptor {
  return {
    async protection() {
      const available = await safeStorage.isAsyncEncryptionAvailable();
      return vaultProtection({
        available,
        platform: process.platform,
        linuxBackend: process.platform === 'linux' ? safeStorage.getSelectedStorageBackend() : null,
      });
    },
    encrypt: (text) => safeStorage.encryptStringAsync(text),
    async decrypt(data) {
      const { result, shouldReEncrypt } = await safeStorage.decryptStringAsync(Buffer.from(data));
      return { text: result, shouldReEncrypt };
    },
  };
}
