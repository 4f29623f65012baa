import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { ScheduleSetting } from '@shared/settings/setting-definitions';
import { bridge } from '../bridge/bridge';
import type { SlowpostDb } from '../db/database';
import { lastDeliveredSlot } from '../db/repositories/deliveries';
import { readSetting } from '../db/repositories/settings';
import { useUiStore } from '../state/ui-store';
import type { SyncClient } from '../sync/sync-client';
import { deliverSlot } from './deliver';

/** Background sync keeps the store ready offline; it never shows anything by itself. */
const BACKGROUND_SYNC_MS = 10 * 60_000;

export function currentTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * Connects the page to main's delivery clock: hands it the schedule (again whenever it changes),
 * makes each delivery main says is due, and keeps syncing quietly in the background.
 */
export function useDeliveryClock(db: SlowpostDb, sync: SyncClient, ready: boolean): void {
  const setClock = useUiStore((s) => s.setClock);
  const schedule = useLiveQuery(() => readSetting(db, ScheduleSetting), [db]);
  const timeZone = useTimeZone();

  useEffect(() => {
    const offDue = bridge.deliveries.onDue(({ slot, missedSlots }) => {
      void deliverSlot(db, sync, slot, missedSlots, () => Date.now()).catch((error: unknown) =>
        console.warn(`delivery failed: ${String(error)}`),
      );
    });
    const offStatus = bridge.deliveries.onStatus(setClock);
    return () => {
      offDue();
      offStatus();
    };
  }, [db, sync, setClock]);

  useEffect(() => {
    if (!ready || schedule === undefined) return;
    let cancelled = false;
    const configure = async (): Promise<void> => {
      const result = await bridge.deliveries.configure({
        schedule: schedule.schedule,
        timeZone,
        lastDeliveredSlot: await lastDeliveredSlot(db),
        notifyWhenEmpty: schedule.notifyWhenEmpty,
      });
      if (cancelled) return;
      if (result.ok) setClock(result.value);
      else console.warn(`delivery clock: ${result.error.message}`);
    };
    void configure();
    return () => {
      cancelled = true;
    };
  }, [db, ready, schedule, setClock, timeZone]);

  useEffect(() => {
    if (!ready) return;
    const timer = window.setInterval(() => void sync.sync(Date.now()), BACKGROUND_SYNC_MS);
    return () => window.clearInterval(timer);
  }, [ready, sync]);
}

/**
 * The zone the computer is in, looked at again every minute and whenever the window gets focus:
 * after travel, "09:00" means 09:00 where the user is now.
 */
function useTimeZone(): string {
  const [zone, setZone] = useState(currentTimeZone);
  useEffect(() => {
    const look = (): void => setZone(currentTimeZone());
    const timer = window.setInterval(look, 60_000);
    window.addEventListener('focus', look);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('focus', look);
    };
  }, []);
  return zone;
}
