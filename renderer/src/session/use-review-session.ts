import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState } from 'react';
import type { Post, Thread } from '../../../shared/domain';
import type { Session } from '../../../shared/session';
import { sessionFromRecords, storedScreening } from '../../../shared/session';
import { SessionSetting } from '../../../shared/settings/setting-definitions';
import type { SlowpostDb } from '../db/database';
import { loadOpenSessionState, loadThreads } from '../db/repositories/session';
import { loadSessionData } from '../db/repositories/session-data';
import { readSetting } from '../db/repositories/settings';
import { BroughtBack } from './brought-back';
import type { SessionViewModel } from './session-view-model';
import { sessionViewModel } from './session-view-model';

// Posts are screened when they arrive (see ingest); the cache covers any stored before that.
const screeningCache = storedScreening();

export interface ReviewSession {
  readonly session: Session;
  readonly view: SessionViewModel;
  readonly threads: ReadonlyMap<string, Thread>;
  /** The delivered posts, by id (what each conversation's row quotes). */
  readonly posts: ReadonlyMap<string, Post>;
  /** What earlier sessions left untouched and these deliveries brought back. */
  readonly broughtBack: BroughtBack;
  /** When the session began: the first open delivery was opened (or made). */
  readonly startedAt: number;
  readonly budgetMinutes: number;
}

/**
 * The review session of the open deliveries, live from the store. What a delivery brought (the
 * costly part) is read and ordered once; what triage changes (thread states) is read on its own,
 * so a triage keystroke costs a small read and a filter, not a rebuild.
 */
export function useReviewSession(db: SlowpostDb): ReviewSession | undefined {
  const data = useLiveQuery(() => loadSessionData(db), [db]);
  const settings = useLiveQuery(() => readSetting(db, SessionSetting), [db]);
  // Read alongside the data, not after it: it needs only the open deliveries.
  const state = useLiveQuery(() => loadOpenSessionState(db), [db]);
  // The threads as the delivery left them, read once per delivery; triage is laid over them.
  const [base, setBase] = useState<Map<string, Thread> | null>(null);
  useEffect(() => {
    if (data === undefined) return;
    let cancelled = false;
    void loadThreads(db, data.threadIds, data.threadsActiveSince).then((threads) => {
      if (!cancelled) setBase(new Map(threads.map((t) => [t.id, t])));
    });
    return () => {
      cancelled = true;
    };
  }, [db, data]);

  const built = useMemo(() => {
    if (data === undefined || settings === undefined || data.deliveries.length === 0)
      return undefined;
    // Built without thread states: muted threads are left out below, from the live states.
    const session = sessionFromRecords(data, { hideDigest: settings.hideDigest, screeningCache });
    const startedAt = data.deliveries.reduce(
      (min, d) => Math.min(min, d.openedAt ?? d.deliveredAt),
      Infinity,
    );
    return {
      session,
      posts: new Map(data.posts.map((p) => [p.id, p])),
      broughtBack: new BroughtBack(data),
      startedAt,
      since: data.since,
    };
  }, [data, settings]);

  return useMemo(() => {
    if (built === undefined || state === undefined || state === null || settings === undefined)
      return undefined;
    // A newer delivery's threads load in the background; until then the last ones serve (never
    // an empty screen in between).
    if (base === null) return undefined;
    const threads = new Map(base);
    for (const thread of state.triagedSince) threads.set(thread.id, thread);
    const session = withoutMuted(built.session, threads, built.since);
    return {
      session,
      view: sessionViewModel(session, threads, built.since, state.repliesWritten),
      threads,
      posts: built.posts,
      broughtBack: built.broughtBack,
      startedAt: built.startedAt,
      budgetMinutes: settings.budgetMinutes,
    };
  }, [built, state, settings, base]);
}

/**
 * Threads muted before this session are left out entirely. Threads muted during it stay in the
 * list of conversations (as handled), so the summary counts them and undo can bring them back.
 */
function withoutMuted(
  session: Session,
  threads: ReadonlyMap<string, Thread>,
  since: number,
): Session {
  const mutedBefore = (threadId: string): boolean => {
    const thread = threads.get(threadId);
    return thread?.triage === 'muted' && (thread.triagedAt ?? 0) < since;
  };
  if (!session.conversations.some((c) => mutedBefore(c.threadId))) return session;
  return {
    ...session,
    conversations: session.conversations.filter((c) => !mutedBefore(c.threadId)),
  };
}
