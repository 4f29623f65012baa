import type { Delivery } from '@shared/domain';
import type { Session } from '@shared/session';
import {
  BroughtBack,
  conversationQuote,
  sessionFromRecords,
  storedScreening,
} from '@shared/session';
import type { SlowpostDb } from '../database';
import { openDeliveries } from './open-deliveries';
import type { SessionData } from './session-data';
import { loadSessionData } from './session-data';
import { isCurrentHead, writeSessionSnapshot } from './session-snapshot';
import { SNAPSHOT_FIRST_ID, SNAPSHOT_HEAD_ID, SNAPSHOT_VIEW_ID } from './session-snapshot-records';
import type { SessionViewSnapshot } from './session-snapshot-records';

/**
 * The first view's record: the session of the open deliveries as built from their snapshot, with
 * each row's quote and the threads it shows. A cold open reads this one record (about a third of
 * the snapshot) and builds nothing; it serves only while its snapshot stands (a reply since
 * changes who the user talks with, which removes both; the next open makes them again).
 */

/** The first view's record for a session built from snapshot data (`data.snapshotVersion`). */
export function makeSessionView(
  data: SessionData,
  /** Built with the appreciation line. */
  session: Session,
): SessionViewSnapshot | null {
  if (data.snapshotVersion === null || data.threads === null) return null;
  const posts = new Map(data.posts.map((p) => [p.id, p]));
  const threads = new Map(data.threads.map((t) => [t.id, t]));
  const shown = new Set([
    ...session.conversations.map((c) => c.threadId),
    ...session.screener.map((e) => e.threadId),
  ]);
  return {
    id: SNAPSHOT_VIEW_ID,
    version: data.snapshotVersion,
    deliveryIds: data.deliveries.map((d) => d.id).sort(),
    session,
    quotes: session.conversations.map(
      (c) => [c.threadId, conversationQuote(c, posts, threads.get(c.threadId))] as const,
    ),
    threads: data.threads.filter((t) => shown.has(t.id)),
    broughtBack: new BroughtBack(data).entries(),
  };
}

/**
 * How many conversations (and screener entries) the first screen's record holds: more than a
 * tall window shows, so the first keys of triage find the next one there too.
 */
export const FIRST_SCREEN_ROWS = 50;

/**
 * The first screen of a first view's record: its first conversations and screener entries, with
 * their quotes and threads. Small whatever the delivery's size, so a cold open reads and draws
 * what the user sees first, and the rest follows once it is drawn.
 */
export function firstScreenOf(view: SessionViewSnapshot): SessionViewSnapshot {
  const { session } = view;
  const conversations = session.conversations.slice(0, FIRST_SCREEN_ROWS);
  const screener = session.screener.slice(0, FIRST_SCREEN_ROWS);
  const shown = new Set([
    ...conversations.map((c) => c.threadId),
    ...screener.map((e) => e.threadId),
  ]);
  return {
    ...view,
    id: SNAPSHOT_FIRST_ID,
    session: { ...session, conversations, screener },
    quotes: view.quotes.filter(([threadId]) => shown.has(threadId)),
    threads: view.threads.filter((t) => shown.has(t.id)),
    complete:
      conversations.length === session.conversations.length &&
      screener.length === session.screener.length,
  };
}

/** Stores the first view's records, if their snapshot is still the current one. */
export async function writeSessionView(db: SlowpostDb, view: SessionViewSnapshot): Promise<void> {
  await db.transaction('rw', db.sessionSnapshots, async () => {
    const head = await db.sessionSnapshots.get(SNAPSHOT_HEAD_ID);
    if (isCurrentHead(head) && head.version === view.version)
      await db.sessionSnapshots.bulkPut([view, firstScreenOf(view)]);
  });
}

/**
 * Makes the session snapshot of the open deliveries and its first view's record, when there is
 * none (after a delivery, or when a record it was made from changed).
 */
export async function makeSessionSnapshot(db: SlowpostDb): Promise<void> {
  if (await writeSessionSnapshot(db)) await refreshSessionView(db);
}

/** Builds the session from the snapshot and stores its first view's record. */
export async function refreshSessionView(db: SlowpostDb): Promise<void> {
  const data = await loadSessionData(db);
  const session = sessionFromRecords(data, {
    hideDigest: false,
    screeningCache: storedScreening(),
  });
  const view = makeSessionView(data, session);
  if (view !== null) await writeSessionView(db, view);
}

export interface SessionViewRead {
  readonly deliveries: readonly Delivery[];
  /** The first view's record, when it serves these deliveries (its snapshot stands). */
  readonly view: SessionViewSnapshot | null;
}

/**
 * What a cold open reads first: the open deliveries and, if it serves, the first view's record:
 * its first screen (`first`) or the whole of it.
 */
export async function loadSessionView(
  db: SlowpostDb,
  which: 'first' | 'whole' = 'whole',
): Promise<SessionViewRead> {
  const id = which === 'first' ? SNAPSHOT_FIRST_ID : SNAPSHOT_VIEW_ID;
  return db.transaction('r', [db.deliveries, db.sessionSnapshots], async () => {
    const deliveries = await openDeliveries(db);
    if (deliveries.length === 0) return { deliveries, view: null };
    const [head, row] = await Promise.all([
      db.sessionSnapshots.get(SNAPSHOT_HEAD_ID),
      db.sessionSnapshots.get(id),
    ]);
    const ids = deliveries.map((d) => d.id).sort();
    const serves =
      isCurrentHead(head) &&
      row !== undefined &&
      row.id === id &&
      row.version === head.version &&
      row.deliveryIds.length === ids.length &&
      row.deliveryIds.every((id, i) => id === ids[i]);
    return { deliveries, view: serves ? row : null };
  });
}
