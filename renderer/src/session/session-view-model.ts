import type { Thread } from '../../../shared/domain';
import type { Session, SessionConversation, ScreenerEntry } from '../../../shared/session';
import { isHandled, sessionSummary, summaryText } from '../../../shared/session';
import type { SessionSummary } from '../../../shared/session';

export interface SessionViewModel {
  /** Conversations still to go through, in the session's order. */
  readonly pending: readonly SessionConversation[];
  /** Screener entries for people not yet let in or kept out. */
  readonly screener: readonly ScreenerEntry[];
  readonly digestText: string | null;
  readonly summary: SessionSummary;
  /** True when everything in the session has been handled. */
  readonly finished: boolean;
}

export function sessionViewModel(
  session: Session,
  threads: ReadonlyMap<string, Thread>,
  sessionStart: number,
  repliesWritten: number,
): SessionViewModel {
  const pending = session.conversations.filter(
    (c) => !isHandled(threads.get(c.threadId), sessionStart),
  );
  const outcomes = new Map<string, { triage: Thread['triage'] }>();
  // Threads muted during this session stay among the conversations (see useReviewSession), so
  // the conversations are the whole session.
  for (const { threadId } of session.conversations) {
    const thread = threads.get(threadId);
    outcomes.set(threadId, {
      triage: isHandled(thread, sessionStart) ? (thread?.triage ?? 'open') : 'open',
    });
  }
  const summary = sessionSummary(outcomes);
  return {
    pending,
    screener: session.screener,
    digestText: session.digest?.text ?? null,
    summary: { ...summary, repliesWritten, text: summaryText({ ...summary, repliesWritten }) },
    finished: pending.length === 0 && session.screener.length === 0,
  };
}
