import { useLiveQuery } from 'dexie-react-hooks';
import { Coffee } from 'lucide-react';
import { useState } from 'react';
import { movedDelivery } from '@shared/schedule';
import { ScheduleSetting } from '@shared/settings/setting-definitions';
import { useDatabase } from '../../app/database-context';
import { useUiStore } from '../../state/ui-store';
import type { SyncClient } from '../../sync/sync-client';
import { formatClockTime, formatDeliveryTime } from '../../ui/format-time';
import { openEarly } from '../../deliveries/deliver';
import { readSetting } from '../../db/repositories/settings';
import { movedLabel } from './delivery-labels';
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
  const schedule = useLiveQuery(() => readSetting(db, ScheduleSetting), [db]);
  // When a focus window moved it, say so: "… at 12:00 — moved from 09:00, after your deep work window".
  const moved =
    next === null || clock === null || schedule === undefined
      ? null
      : movedDelivery(next, clock.timeZone, schedule.schedule);

  return (
    <section className="closed" aria-labelledby="closed-title">
      <Coffee className="state-icon" aria-hidden="true" />
      <h2 id="closed-title">The inbox is closed until the next delivery</h2>
      {clock === null ? (
        <p>Working out when your next delivery comes…</p>
      ) : nextText === null ? (
        <p>No deliveries are scheduled. You can change that in the schedule.</p>
      ) : (
        <p className="closed__next">
          Your next delivery comes {nextText}
          {moved === null || next === null ? '' : ` — ${movedLabel(next, moved)}`}.
        </p>
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
