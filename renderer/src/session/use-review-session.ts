import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useRef } from 'react';
import { SessionSetting } from '@shared/settings/setting-definitions';
import type { SlowpostDb } from '../db/database';
import { loadOpenSessionState } from '../db/repositories/session-state';
import { readSetting } from '../db/repositories/settings';
import { useDeliveredSession } from './use-delivered-session';
import type { KeptReview, ReviewSession } from './next-review';
import { nextReview } from './next-review';

export type { ReviewSession } from './next-review';

/** How much of a first screen must be left to go for it to be shown before the whole session. */
const FIRST_SCREEN_PENDING = 20;

/**
 * The review session of the open deliveries, live from the store. What a delivery brought (the
 * costly part) is read and ordered once (see useDeliveredSession); what triage changes (thread
 * states) is read on its own, and each answer is laid over the last review (see nextReview), so
 * a triage keystroke costs a small read and the one conversation it changed, not a rebuild.
 */
export function useReviewSession(db: SlowpostDb): ReviewSession | undefined {
  const delivered = useDeliveredSession(db);
  const settings = useLiveQuery(() => readSetting(db, SessionSetting), [db]);
  // Read alongside the session, not after it: it needs only the open deliveries.
  const state = useLiveQuery(() => loadOpenSessionState(db), [db]);
  // What the last answer made. A render React sets aside still leaves a review true to its own
  // answer, so the next one can start from it all the same.
  const last = useRef<KeptReview | null>(null);

  const shown = useRef<ReviewSession | undefined>(undefined);
  const review = useMemo(() => {
    if (delivered === undefined || state === undefined || state === null || settings === undefined)
      return undefined;
    last.current = nextReview(last.current, delivered, state, settings);
    return last.current.review;
  }, [delivered, state, settings]);
  // Only the first screen, and triage has gone through most of it (a session left half done):
  // what is left of it is not a screen's worth, so the whole session is waited for (while the
  // last one shown, if any, stays up).
  if (review?.partial === true && review.view.pending.length < FIRST_SCREEN_PENDING)
    return shown.current;
  shown.current = review;
  return review;
}
