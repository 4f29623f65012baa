import type { Thread } from '@shared/domain';
import type { Session, SessionConversation, ScreenerEntry } from '@shared/session';
import { isHandled, sessionSummary, summaryText } from '@shared/session';
import type { SessionSummary } from '@shared/session';
import { OrderedSubset } from './ordered-subset';

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
    outcomes.set(threadId, { triage: outcomeOf(threads.get(threadId), sessionStart) });
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

/** What the summary counts a conversation as: its triage if handled in this session, else open. */
function outcomeOf(thread: Thread | undefined, sessionStart: number): Thread['triage'] {
  return isHandled(thread, sessionStart) ? (thread?.triage ?? 'open') : 'open';
}

/** What a view model is made from. */
export interface ViewModelInput {
  readonly session: Session;
  readonly threads: ReadonlyMap<string, Thread>;
  readonly sessionStart: number;
  readonly repliesWritten: number;
}

/** A view model with what it was made from, so that the next one can start from it. */
export interface KeptViewModel {
  readonly input: ViewModelInput;
  readonly view: SessionViewModel;
  /** The session's conversations by position (null when a thread has two: then always rebuilt). */
  readonly order: OrderedSubset<SessionConversation> | null;
}

/**
 * The view model for `input`, made from `previous` when only the threads in `changed` may differ
 * between the two inputs (same session, same start): a triage keystroke changes one thread of
 * thousands, so only that one is looked at again. What did not change stays the same object (the
 * list, the summary, the whole view model). Equal to `sessionViewModel(input…)` in every case.
 */
export function nextViewModel(
  previous: KeptViewModel | null,
  input: ViewModelInput,
  changed: Iterable<string> | null,
): KeptViewModel {
  const { session, threads, sessionStart, repliesWritten } = input;
  if (
    previous === null ||
    changed === null ||
    previous.order === null ||
    previous.input.session !== session ||
    previous.input.sessionStart !== sessionStart
  ) {
    const view = sessionViewModel(session, threads, sessionStart, repliesWritten);
    const byThread = (c: SessionConversation): string => c.threadId;
    const order =
      previous?.input.session === session
        ? previous.order
        : OrderedSubset.canMake(session.conversations, byThread)
          ? new OrderedSubset(session.conversations, byThread)
          : null;
    return { input, view, order };
  }
  const { order, view: last } = previous;
  const counts = {
    handled: last.summary.handled,
    leftForLater: last.summary.leftForLater,
    untouched: last.summary.untouched,
  };
  const moved: string[] = [];
  for (const threadId of new Set(changed)) {
    if (!order.includes(threadId)) continue;
    const before = outcomeOf(previous.input.threads.get(threadId), sessionStart);
    const after = outcomeOf(threads.get(threadId), sessionStart);
    if (before === after) continue;
    counts[bucketOf(before)] -= 1;
    counts[bucketOf(after)] += 1;
    moved.push(threadId);
  }
  const pending = order.patch(
    last.pending,
    moved,
    (threadId) => !isHandled(threads.get(threadId), sessionStart),
  );
  const summary =
    moved.length === 0 && repliesWritten === last.summary.repliesWritten
      ? last.summary
      : { ...counts, repliesWritten, text: summaryText({ ...counts, repliesWritten }) };
  const view =
    pending === last.pending && summary === last.summary
      ? last
      : { ...last, pending, summary, finished: pending.length === 0 && last.screener.length === 0 };
  return { input, view, order };
}

function bucketOf(triage: Thread['triage']): 'handled' | 'leftForLater' | 'untouched' {
  if (triage === 'done' || triage === 'muted') return 'handled';
  return triage === 'later' ? 'leftForLater' : 'untouched';
}
