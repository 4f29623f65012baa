import { Coffee } from 'lucide-react';
import { useState } from 'react';
import { useDatabase } from '../../app/database-context';
import { useUiStore } from '../../state/ui-store';
import type { SyncClient } from '../../sync/sync-client';
import { formatClockTime, formatDeliveryTime } from '../../ui/format-time';
import { openEarly } from '../../deliveries/deliver';
import { OpenEarlyDialog } from './OpenEarlyDialog';

/**
 * Between deliveries the inbox is closed: it says when the next delivery comes and nothing else —
 * no counts, no previews, no unread marks.
 */
export function ClosedInbox({ sync }: { sync: SyncClient }) {
  const db = useDatabase();
  const clock = useUiStore((s) => s.clock);
  const [asking, setAsking] = useState(false);
  const now = Date.now();
  const next = clock?.nextDeliveryAt ?? null;
  const nextText = next === null ? null : formatDeliveryTime(next, now);

  return (
    <section className="closed" aria-labelledby="closed-title">
      <Coffee className="state-icon" aria-hidden="true" />
      <h2 id="closed-title">The inbox is closed until the next delivery</h2>
      {clock === null ? (
        <p>Working out when your next delivery comes…</p>
      ) : nextText === null ? (
        <p>No deliveries are scheduled. You can change that in the schedule.</p>
      ) : (
        <p className="closed__next">Your next delivery comes {nextText}.</p>
      )}
      {clock?.focusEndsAt != null ? (
        <p className="closed__focus">
          Focus time until {formatClockTime(clock.focusEndsAt)}. Nothing is delivered or announced
          before then.
        </p>
      ) : null}
      <p className="closed__quiet">Conversations keep arriving quietly and wait for it.</p>
      <button type="button" className="button" onClick={() => setAsking(true)}>
        Open early…
      </button>
      <OpenEarlyDialog
        open={asking}
        nextDeliveryText={nextText}
        onCancel={() => setAsking(false)}
        onOpen={async (reason) => {
          await openEarly(db, sync, reason, () => Date.now());
          setAsking(false);
        }}
      />
    </section>
  );
}
