import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Delivery, Post, Thread } from '@shared/domain';
import type { Session } from '@shared/session';
import { BroughtBack, asDelivered, sessionFromRecords, storedScreening } from '@shared/session';
import type { SlowpostDb } from '../db/database';
import { loadThreads } from '../db/repositories/session-state';
import { loadSessionData } from '../db/repositories/session-data';
import type { SessionData } from '../db/repositories/session-data';
import { SNAPSHOT_FIRST_ID } from '../db/repositories/session-snapshot-records';
import {
  loadSessionView,
  makeSessionSnapshot,
  makeSessionView,
  writeSessionView,
} from '../db/repositories/session-view';
import type { SessionViewRead } from '../db/repositories/session-view';
import { afterNextPaint } from '../state/after-paint';

// Posts are screened when they arrive (see ingest); the cache covers any stored before that.
const screeningCache = storedScreening();

/** What the open deliveries brought, as the session shows it before triage is laid over it. */
export interface DeliveredSession {
  /** Built with the appreciation line; hiding it is the caller's. */
  readonly session: Session;
  /**
   * True while only the session's first screen is read (its first conversations and screener
   * entries); the whole session follows once that is drawn.
   */
  readonly partial: boolean;
  /** The session's threads as the deliveries left them (see asDelivered). */
  readonly threads: ReadonlyMap<string, Thread>;
  /** Each conversation's row quote by thread id, when the first view's record gave them. */
  readonly quotes: ReadonlyMap<string, string> | null;
  /** The delivered posts by id, when read (otherwise the quotes serve). */
  readonly posts: ReadonlyMap<string, Post>;
  readonly broughtBack: BroughtBack;
  /** When the session began: the first open delivery was opened (or made). */
  readonly startedAt: number;
  /** When the session's first delivery was made. */
  readonly since: number;
}

const NO_POSTS: ReadonlyMap<string, Post> = new Map();

/**
 * The session of the open deliveries. A cold open reads one record, the first view's (see
 * session-view), and builds nothing. When there is none that serves (a record it was made from
 * changed, or the user replied since), the session is built from the snapshot or the records, as
 * before, and a new record is made for the next open.
 */
export function useDeliveredSession(db: SlowpostDb): DeliveredSession | undefined {
  // First its first screen: small whatever the delivery's size…
  const first = useLiveQuery(async () => {
    const t0 = performance.now();
    const read = await loadSessionView(db, 'first');
    measureOnce('slowpost:view', t0);
    return read;
  }, [db]);
  // …then, once that is drawn, the whole of it (at once when there is no first screen to draw).
  const [wantWhole, setWantWhole] = useState(false);
  useEffect(() => {
    if (first === undefined || wantWhole || first.view?.complete === true) return;
    if (first.view === null) setWantWhole(true);
    else afterNextPaint(() => setWantWhole(true));
  }, [first, wantWhole]);
  const whole = useLiveQuery(
    async () => (wantWhole ? loadSessionView(db, 'whole') : null),
    [db, wantWhole],
  );
  const quick = pickView(first, whole);
  const needsData = quick !== undefined && quick.view === null && quick.deliveries.length > 0;
  const data = useLiveQuery(async () => (needsData ? loadSessionData(db) : null), [db, needsData]);
  const fromData = useSessionFromData(db, needsData ? data : null);

  const current = useMemo(() => {
    if (quick === undefined) return undefined;
    const { view, deliveries } = quick;
    if (view === null) return fromData;
    const since = sinceOf(deliveries);
    return {
      session: view.session,
      partial: view.id === SNAPSHOT_FIRST_ID && view.complete !== true,
      threads: new Map(view.threads.map((t) => [t.id, asDelivered(t, since)])),
      quotes: new Map(view.quotes),
      posts: NO_POSTS,
      broughtBack: BroughtBack.fromEntries(view.broughtBack),
      startedAt: startedAtOf(deliveries),
      since,
    };
  }, [quick, fromData]);

  // While the session is read again (a record it was made from changed, a new delivery came),
  // the last one serves: never an empty screen in between.
  const last = useRef<DeliveredSession | undefined>(undefined);
  if (current !== undefined) last.current = current;
  else if (quick !== undefined && quick.deliveries.length === 0) last.current = undefined;
  return current ?? last.current;
}

/**
 * Which read serves: the whole first view once it is read, its first screen until then. With no
 * first screen (none made yet, or made before first screens were kept), the whole one decides.
 */
function pickView(
  first: SessionViewRead | undefined,
  whole: SessionViewRead | null | undefined,
): SessionViewRead | undefined {
  if (first === undefined) return undefined;
  if (first.view?.complete === true || first.deliveries.length === 0) return first;
  if (whole != null && (whole.view !== null || first.view === null)) return whole;
  return first.view === null ? undefined : first;
}

/** The session built from what the deliveries brought (the snapshot's or the records'). */
function useSessionFromData(
  db: SlowpostDb,
  data: SessionData | null | undefined,
): DeliveredSession | undefined {
  // Threads the snapshot did not keep are read once per delivery: triage changes them often.
  const [read, setRead] = useState<readonly Thread[] | null>(null);
  useEffect(() => {
    if (data == null || data.threads !== null || data.deliveries.length === 0) return;
    // No snapshot for these deliveries (made before there were snapshots, or a record it was
    // made from changed): make one for the next open, in the background.
    void makeSessionSnapshot(db).catch((error: unknown) => {
      console.warn('The session snapshot was not made:', error);
    });
    let cancelled = false;
    void loadThreads(db, data.threadIds, data.threadsActiveSince).then((threads) => {
      if (!cancelled) setRead(threads);
    });
    return () => {
      cancelled = true;
    };
  }, [db, data]);

  // Read again (a delivery opened), the same delivered records with the same people the user
  // talks with make the same session: it is not built again.
  const lastBuild = useRef<{ delivered: unknown; key: string; session: Session } | null>(null);
  const session = useMemo(() => {
    if (data == null || data.deliveries.length === 0) return undefined;
    const last = lastBuild.current;
    if (last !== null && last.delivered === data.delivered && last.key === data.buildKey)
      return last.session;
    const t0 = performance.now();
    const built = sessionFromRecords(data, { hideDigest: false, screeningCache });
    measureOnce('slowpost:build', t0);
    lastBuild.current = { delivered: data.delivered, key: data.buildKey, session: built };
    return built;
  }, [data]);

  // Built from the snapshot: its first view's record, for the next open.
  useEffect(() => {
    if (data == null || session === undefined) return;
    const view = makeSessionView(data, session);
    if (view === null) return;
    void writeSessionView(db, view).catch((error: unknown) => {
      console.warn('The first view was not kept:', error);
    });
  }, [db, data, session]);

  const threads = data?.threads ?? read;
  return useMemo(() => {
    if (data == null || session === undefined || threads === null) return undefined;
    const since = data.since;
    return {
      session,
      partial: false,
      threads: new Map(threads.map((t) => [t.id, asDelivered(t, since)])),
      quotes: null,
      posts: new Map(data.posts.map((p) => [p.id, p])),
      broughtBack: new BroughtBack(data),
      startedAt: startedAtOf(data.deliveries),
      since,
    };
  }, [data, session, threads]);
}

/**
 * For the bench's cold-open profile: the first read and build only. Measures are kept for the
 * page's life, so one per read again would pile up over a day of syncs and triage.
 */
function measureOnce(name: string, start: number): void {
  if (performance.getEntriesByName(name).length === 0)
    performance.measure(name, { start, end: performance.now() });
}

function sinceOf(deliveries: readonly Delivery[]): number {
  return deliveries.reduce((min, d) => Math.min(min, d.deliveredAt), Infinity);
}

function startedAtOf(deliveries: readonly Delivery[]): number {
  return deliveries.reduce((min, d) => Math.min(min, d.openedAt ?? d.deliveredAt), Infinity);
}
