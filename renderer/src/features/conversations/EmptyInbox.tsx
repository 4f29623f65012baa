import { Inbox } from 'lucide-react';
import { useState } from 'react';
import { useDatabase } from '../../app/database-context';
import { AddAccount } from '../settings/AddAccount';
import { restoreDemo, welcomeDelivery } from '../../app/prepare-store';
import type { SyncClient } from '../../sync/sync-client';

/** What an inbox with no accounts says, and the way back to the demo. */
export function EmptyInbox({ sync }: { sync: SyncClient }) {
  const db = useDatabase();
  const [busy, setBusy] = useState(false);
  const bringBack = async (): Promise<void> => {
    setBusy(true);
    try {
      await restoreDemo(db, Date.now());
      await sync.sync(Date.now());
      await welcomeDelivery(db, Date.now());
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="empty-inbox" aria-labelledby="empty-inbox-title">
      <Inbox className="state-icon" aria-hidden="true" />
      <h2 id="empty-inbox-title">Your inbox is empty</h2>
      <p>
        No accounts are connected. Connect your Mastodon account, and conversations from it will
        arrive here a few times a day.
      </p>
      <AddAccount />
      <p className="hint">Or look around first with sample people and conversations:</p>
      <button type="button" className="button" disabled={busy} onClick={() => void bringBack()}>
        Load the demo network
      </button>
    </section>
  );
}
