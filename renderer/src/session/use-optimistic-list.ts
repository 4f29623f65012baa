import { useCallback, useMemo, useRef } from 'react';
import type { SessionConversation } from '@shared/session';
import { afterNextPaint } from '../state/after-paint';
import { OptimisticTriage } from './optimistic-triage';
import type { OverrideState, StorePending } from './optimistic-triage';
import { nextShownList, storePendingTest } from './shown-conversations';
import type { KeptList } from './shown-conversations';
import { pageTriageWriteAhead, type TriageValues } from './triage-write-ahead';
import type { ReviewSession } from './use-review-session';

export interface OptimisticList {
  /** The conversations still to go through, as the user left them (the store's list, overridden). */
  readonly displayed: readonly SessionConversation[];
  /** Whether the store's latest answer still lists a conversation. */
  readonly storePending: StorePending;
  /** Shows an action at once; returns the token its write reports back with. */
  readonly act: (threadId: string, state: OverrideState) => number;
  /**
   * Stores an action once the frame that shows it is drawn, after any earlier write for the same
   * thread (an undo never overtakes the action it reverses). `values`: what it stores, kept if the
   * page goes before it is written (see triage-write-ahead).
   */
  readonly write: (
    threadId: string,
    token: number,
    run: () => Promise<unknown>,
    values?: TriageValues,
  ) => void;
  /** An action with nothing (more) to write: it holds until the store agrees. */
  readonly written: (threadId: string, token: number) => void;
}

/**
 * Keys can come faster than the store answers: the session's list shows what the user did at once
 * (see optimistic-triage), and the writes that store it run behind, in order.
 */
export function useOptimisticList(review: ReviewSession): OptimisticList {
  const { view, session, order } = review;
  const optimistic = useRef(new OptimisticTriage());
  const storePending = useMemo(() => storePendingTest(order, view.pending), [order, view.pending]);
  // Each new answer from the store gets a version number.
  const version = useRef({ of: review, n: 0 });
  if (version.current.of !== review) version.current = { of: review, n: version.current.n + 1 };
  optimistic.current.settle(storePending, version.current.n);
  const revision = optimistic.current.revision;
  // Made from the last list: a keystroke or an answer looks again at what it changed only.
  const shownList = useRef<KeptList | null>(null);
  const displayed = useMemo(() => {
    shownList.current = nextShownList(
      shownList.current,
      session.conversations,
      order,
      view.pending,
      optimistic.current,
    );
    return shownList.current.list;
    // `revision` stands for the overrides, which live in a ref.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.conversations, order, view.pending, revision]);

  const act = useCallback(
    (threadId: string, state: OverrideState) => optimistic.current.set(threadId, state),
    [],
  );
  const written = useCallback(
    (threadId: string, token: number) =>
      optimistic.current.written(threadId, token, version.current.n),
    [],
  );
  const writes = useRef(new Map<string, Promise<unknown>>());
  const write = useCallback(
    (threadId: string, token: number, run: () => Promise<unknown>, values?: TriageValues) => {
      if (values !== undefined) pageTriageWriteAhead.pending(threadId, values);
      const previous = writes.current.get(threadId) ?? Promise.resolve();
      const next = previous
        .then(() => new Promise<void>((painted) => afterNextPaint(painted)))
        .then(run)
        .then(() => {
          if (values !== undefined) pageTriageWriteAhead.stored(threadId, values);
          written(threadId, token);
        });
      writes.current.set(threadId, next);
    },
    [written],
  );
  return { displayed, storePending, act, write, written };
}
