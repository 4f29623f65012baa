import type { Post, Thread } from '@shared/domain';
import type { BroughtBack, Session, SessionConversation } from '@shared/session';
import type { SessionState } from '../db/repositories/session-state';
import type { OrderedSubset } from './ordered-subset';
import type { KeptViewModel, SessionViewModel } from './session-view-model';
import { nextViewModel } from './session-view-model';
import { SessionThreads } from './session-threads';
import type { DeliveredSession } from './use-delivered-session';

export interface ReviewSession {
  readonly session: Session;
  readonly view: SessionViewModel;
  /** The session's conversations by position (null when a thread has two). */
  readonly order: OrderedSubset<SessionConversation> | null;
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

export interface ReviewSettings {
  readonly hideDigest: boolean;
  readonly budgetMinutes: number;
}

/** A review session with what it was made from, so that the next one can start from it. */
export interface KeptReview {
  readonly delivered: DeliveredSession;
  readonly hideDigest: boolean;
  /** The delivered session as shown (with or without the appreciation line). */
  readonly shown: Session;
  /** Conversations whose thread was muted before the session, as delivered. */
  readonly mutedBefore: ReadonlySet<string>;
  readonly threads: SessionThreads;
  readonly kept: KeptViewModel;
  readonly review: ReviewSession;
}

/**
 * The review session for a new answer from the store, made from the last one: an answer after a
 * triage keystroke differs in a thread or two, so the threads are laid over the delivered ones
 * (not copied), the session stays the same object, and the view model is updated for the threads
 * that changed only (see nextViewModel). Equal to a review made from nothing in every case.
 */
export function nextReview(
  previous: KeptReview | null,
  delivered: DeliveredSession,
  state: SessionState,
  settings: ReviewSettings,
): KeptReview {
  const same = previous !== null && previous.delivered === delivered;
  const since = delivered.since;
  const shown =
    same && previous.hideDigest === settings.hideDigest
      ? previous.shown
      : settings.hideDigest
        ? { ...delivered.session, digest: null }
        : delivered.session;
  const mutedBefore = same ? previous.mutedBefore : mutedBeforeOf(delivered);
  const threads = new SessionThreads(
    delivered.threads,
    new Map(state.triagedSince.map((t) => [t.id, t])),
  );
  const differing = same ? previous.threads.differing(threads) : null;
  // Only a thread muted before the session can join it or leave it (triaged again meanwhile).
  const kept = same && previous.shown === shown ? previous.review.session : null;
  let session =
    kept !== null && differing !== null && !differing.some((threadId) => mutedBefore.has(threadId))
      ? kept
      : withoutMuted(shown, threads, since);
  if (kept !== null && session !== kept && sameConversations(session, kept)) session = kept;
  const model = nextViewModel(
    previous?.kept ?? null,
    { session, threads, sessionStart: since, repliesWritten: state.repliesWritten },
    differing,
  );
  return {
    delivered,
    hideDigest: settings.hideDigest,
    shown,
    mutedBefore,
    threads,
    kept: model,
    review: {
      session,
      view: model.view,
      order: model.order,
      threads,
      posts: delivered.posts,
      quotes: delivered.quotes,
      broughtBack: delivered.broughtBack,
      startedAt: delivered.startedAt,
      budgetMinutes: settings.budgetMinutes,
      partial: delivered.partial,
    },
  };
}

function sameConversations(a: Session, b: Session): boolean {
  return (
    a.conversations.length === b.conversations.length &&
    a.conversations.every((c, i) => c === b.conversations[i])
  );
}

function mutedBefore(thread: Thread | undefined, since: number): boolean {
  return thread?.triage === 'muted' && (thread.triagedAt ?? 0) < since;
}

/** The conversations whose delivered thread was muted before the session began. */
function mutedBeforeOf(delivered: DeliveredSession): ReadonlySet<string> {
  const ids = new Set<string>();
  for (const { threadId } of delivered.session.conversations)
    if (mutedBefore(delivered.threads.get(threadId), delivered.since)) ids.add(threadId);
  return ids;
}

/**
 * Threads muted before this session are left out entirely. Threads muted during it stay in the
 * list of conversations (as handled), so the summary counts them and undo can bring them back.
 */
export function withoutMuted(
  session: Session,
  threads: ReadonlyMap<string, Thread>,
  since: number,
): Session {
  const before = (threadId: string): boolean => mutedBefore(threads.get(threadId), since);
  if (!session.conversations.some((c) => before(c.threadId))) return session;
  return {
    ...session,
    conversations: session.conversations.filter((c) => !before(c.threadId)),
  };
}
