import { useEffect, useState } from 'react';
import { bridge } from '../../bridge/bridge';

/**
 * Says so when this computer cannot protect sign-ins with a keyring (Linux without GNOME Keyring
 * or KWallet: Electron's `basic_text` backend), or cannot store them at all. Silent otherwise.
 */
export function VaultNotice() {
  const [message, setMessage] = useState<string | null>(null);
  useEffect(() => {
    let cancelled = false;
    void bridge.accounts.vaultStatus({}).then((status) => {
      if (cancelled || !status.ok) return;
      const { protection } = status.value;
      if (protection === 'basic-text' || protection === 'unavailable') {
        setMessage(status.value.message);
      }
    });
    return () => {
      cancelled = true;
    };
  }, []);
  if (message === null) return null;
  return (
    <p className="vault-notice" role="note" aria-label="How your sign-ins are stored">
      {message}
    </p>
  );
}
