import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import type { Post, Thread } from '../../../shared/domain';
import type { BroughtBack, Session } from '../../../shared/session';
import { SessionSetting } from '../../../shared/settings/setting-definitions';
import type { SlowpostDb } from '../db/database';
import { loadOpenSessionState } from '../db/repositories/session';
import { readSetting } from '../db/repositories/settings';
import { useDeliveredSession } from './use-delivered-session';
import type { SessionViewModel } from './session-view-model';
import { sessionViewModel } from './session-view-model';

export interface ReviewSession {
  readonly session: Session;
  readonly view: SessionViewModel;
  readonly threads: ReadonlyMap<string, Thread>;
  /** The delivered posts, by id, when read (what each conversation's row quotes)… */
  readonly posts: ReadonlyMap<string, Post>;
  /** …or each conversation's quote by thread id, from the first view's record. */
  readonly quotes: ReadonlyMap<string, string> | null;
  /** What earlier sessions left untouched and these deliveries brought back. */
  readonly broughtBack: BroughtBack;
  /** When the session began: the first open delivery was opened (or made). */
  readonly startedAt: number;
  readonly budgetMinutes: number;
  /** Only the session's first screen, until the whole of it is read (see useDeliveredSession). */
  readonly partial: boolean;
}

/** How much of a first screen must be left to go for it to be shown before the whole session. */
const FIRST_SCREEN_PENDING = 20;

/**
 * The review session of the open deliveries, live from the store. What a delivery brought (the
 * costly part) is read and ordered once (see useDeliveredSession); what triage changes (thread
 * states) is read on its own, so a triage keystroke costs a small read and a filter, not a
 * rebuild.
 */
export function useReviewSession(db: SlowpostDb): ReviewSession | undefined {
  const delivered = useDeliveredSession(db);
  const settings = useLiveQuery(() => readSetting(db, SessionSetting), [db]);
  // Read alongside the session, not after it: it needs only the open deliveries.
  const state = useLiveQuery(() => loadOpenSessionState(db), [db]);

  const shown = useRef<ReviewSession | undefined>(undefined);
  const review = useMemo(() => {
    if (delivered === undefined || state === undefined || state === null || settings === undefined)
      return undefined;
    const threads = new Map(delivered.threads);
    for (const thread of state.triagedSince) threads.set(thread.id, thread);
    const shown = settings.hideDigest ? { ...delivered.session, digest: null } : delivered.session;
    const session = withoutMuted(shown, threads, delivered.since);
    return {
      session,
      view: sessionViewModel(session, threads, delivered.since, state.repliesWritten),
      threads,
      posts: delivered.posts,
      quotes: delivered.quotes,
      broughtBack: delivered.broughtBack,
      startedAt: delivered.startedAt,
      budgetMinutes: settings.budgetMinutes,
      partial: delivered.partial,
    };
  }, [delivered, state, settings]);
  // Only the first screen, and triage has gone through most of it (a session left half done):
  // what is left of it is not a screen's worth, so the whole session is waited for (while the
  // last one shown, if any, stays up).
  if (review?.partial === true && review.view.pending.length < FIRST_SCREEN_PENDING)
    return shown.current;
  shown.current = review;
  return review;
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
