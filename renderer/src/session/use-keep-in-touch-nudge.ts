import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { Delivery } from '@shared/domain';
import type { SlowpostDb } from '../db/database';
import { keepInTouchNudge, type KeptInTouch } from '../db/repositories/keep-in-touch';
import { afterNextPaint } from '../state/after-paint';

export interface KeepInTouchNudge {
  readonly entries: readonly KeptInTouch[];
  /** The instant the nudge was made for: when the delivery was opened. */
  readonly at: number;
}

/**
 * The keep-in-touch nudge of the open deliveries. It is made once for them, when they are opened
 * — after the session's first paint, and once its whole list is read, so it never holds up
 * reading and triage — and not live: nobody joins it until the next delivery. Those it shows
 * leave it as the user acts (written to, "not this week", a cadence that makes them not due):
 * they are looked at again, at the same instant, as the store changes.
 */
export function useKeepInTouchNudge(
  db: SlowpostDb,
  deliveries: readonly Delivery[],
  ready: boolean,
): KeepInTouchNudge | undefined {
  const key = deliveries.map((d) => d.id).join(' ');
  const [opened, setOpened] = useState<{ readonly key: string; readonly at: number } | null>(null);
  useEffect(() => {
    if (!ready || opened?.key === key) return;
    let mounted = true;
    afterNextPaint(() => {
      if (mounted) setOpened({ key, at: Date.now() });
    });
    return () => {
      mounted = false;
    };
  }, [ready, key, opened?.key]);
  // Who the nudge showed when it was made, for the deliveries it was made for.
  const shown = useRef<{ readonly for: object; readonly keys: ReadonlySet<string> } | null>(null);
  return useLiveQuery(async () => {
    if (opened === null) return undefined;
    const only = shown.current?.for === opened ? shown.current.keys : undefined;
    const entries = await keepInTouchNudge(db, opened.at, only);
    if (only === undefined) {
      shown.current = { for: opened, keys: new Set(entries.map((e) => e.kept.key)) };
    }
    return { entries, at: opened.at };
  }, [db, opened]);
}
