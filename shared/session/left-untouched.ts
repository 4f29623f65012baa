/**
 * What a session leaves untouched waits for the next one. The rule is the session's own: a
 * conversation is handled when its thread was triaged (done, later, muted, or answered) during the
 * session; a screener entry when its person was let in or kept out (the session is then built
 * again and the entry is gone). Everything else is carried to the next delivery, unless the
 * thread is triaged before that delivery comes.
 */
import type { LeftConversation, Thread } from '../domain';
import type { Session } from './session-types';

/**
 * A conversation counts as handled in this session when the user triaged its thread after the
 * session's first delivery; anything triaged earlier and active again shows again.
 */
export function isHandled(thread: Thread | undefined, sessionStart: number): boolean {
  return (
    thread !== undefined &&
    thread.triage !== 'open' &&
    thread.triagedAt !== null &&
    thread.triagedAt >= sessionStart
  );
}

/**
 * A thread as the session's deliveries left it: triage from during the session is left out (the
 * page lays what was triaged since the session began over it, read live), so a triage taken back
 * to open during the session reads as open, not as what it was before the undo.
 */
export function asDelivered(thread: Thread, sessionStart: number): Thread {
  return thread.triagedAt !== null && thread.triagedAt >= sessionStart
    ? { ...thread, triage: 'open', triagedAt: null }
    : thread;
}

/**
 * The conversations a session leaves untouched when it closes at `leftAt`, one per thread (a
 * thread's conversation and its screener entries together), in the session's order. Muted threads
 * are never carried: muted before the session, they were not shown; muted during it, handled.
 */
export function leftUntouched(
  session: Session,
  threads: ReadonlyMap<string, Thread>,
  sessionStart: number,
  leftAt: number,
): LeftConversation[] {
  const byThread = new Map<string, Set<string>>();
  const add = (threadId: string, activityIds: readonly string[]): void => {
    const thread = threads.get(threadId);
    if (thread?.triage === 'muted') return;
    let ids = byThread.get(threadId);
    if (ids === undefined) byThread.set(threadId, (ids = new Set()));
    for (const id of activityIds) ids.add(id);
  };
  for (const conversation of session.conversations) {
    if (!isHandled(threads.get(conversation.threadId), sessionStart)) {
      add(conversation.threadId, conversation.activityIds);
    }
  }
  for (const entry of session.screener) add(entry.threadId, entry.activityIds);
  return [...byThread].map(([threadId, ids]) => ({ threadId, activityIds: [...ids], leftAt }));
}

/**
 * Whether a conversation left untouched still waits: not when its thread has been triaged since
 * (answered from the replies page, saved for later, muted) — the user has seen to it.
 */
export function stillWaiting(left: LeftConversation, thread: Thread | undefined): boolean {
  return !(
    thread !== undefined &&
    thread.triage !== 'open' &&
    thread.triagedAt !== null &&
    thread.triagedAt >= left.leftAt
  );
}

/**
 * Both lists, one entry per thread, every activity once; a thread in both keeps its earlier place
 * and the later moment (so triage between the two never drops what the later session left).
 */
export function mergeLeft(
  earlier: readonly LeftConversation[],
  later: readonly LeftConversation[],
): LeftConversation[] {
  const merged = new Map<string, LeftConversation>();
  for (const left of [...earlier, ...later]) {
    const before = merged.get(left.threadId);
    merged.set(
      left.threadId,
      before === undefined
        ? left
        : {
            ...before,
            leftAt: Math.max(before.leftAt, left.leftAt),
            activityIds: [...new Set([...before.activityIds, ...left.activityIds])],
          },
    );
  }
  return [...merged.values()];
}
