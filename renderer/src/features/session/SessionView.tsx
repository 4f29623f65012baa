import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Delivery, Person, Post, Thread, TriageState } from '@shared/domain';
import type { ScreenerEntry, SessionConversation } from '@shared/session';
import { nameOf } from '@shared/threads/thread-labels';
import { useAccountMarks } from '../../accounts/use-account-marks';
import { useDatabase } from '../../app/database-context';
import { closeOpenDeliveries } from '../../db/repositories/deliveries';
import { setScreening, setThreadTriage, undoChange } from '../../db/repositories/triage-actions';
import type { ReviewSession } from '../../session/use-review-session';
import { changedThreadIds } from '../../session/session-threads';
import { useSendsPastUndo } from '../../session/sends-past-undo';
import { useOptimisticList } from '../../session/use-optimistic-list';
import { useOutbox } from '../../outbox/outbox-context';
import { takeBack } from '../../outbox/reply-actions';
import { useUiStore } from '../../state/ui-store';
import { useNow } from '../../ui/use-now';
import { usePainted } from '../../ui/use-painted';
import type { UndoEntry } from '../../state/ui-store';
import { ThreadView } from '../thread/ThreadView';
import { broughtLabel, deliveryTitle, waitingSinceLabel } from '../deliveries/delivery-labels';
import { KeepInTouchNudge } from '../keep-in-touch/KeepInTouchNudge';
import { useKeepInTouchNudge } from '../../session/use-keep-in-touch-nudge';
import { PaceMeter } from './PaceMeter';
import { DraftPreview } from './DraftPreview';
import { ScreenerDetail } from './ScreenerDetail';
import type { ListRow } from './SessionList';
import { SessionList } from './SessionList';
import { nextConversationRows, type KeptRows } from './conversation-row';
import { SessionSummary } from './SessionSummary';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TriageBar } from './TriageBar';
import { selectionGivingWay } from './selection-gives-way';
import { useSessionKeys } from './use-session-keys';

const screenerKey = (entry: ScreenerEntry): string => `${entry.personId}::${entry.threadId}`;

interface Props {
  readonly deliveries: readonly Delivery[];
  readonly review: ReviewSession;
  /** The inbox closed ("Done for now"): the networks can be told what the session showed. */
  readonly onClosed?: () => void;
}

/**
 * The review session of the open deliveries: conversations that matter first, the screener for
 * first-time senders and likely spam, one calm line for appreciation, every action one key away,
 * and a clear end.
 */
export function SessionView({ deliveries, review, onClosed }: Props) {
  const db = useDatabase();
  const { view, session } = review;
  const pane = useUiStore((s) => s.pane);
  const setPane = useUiStore((s) => s.setPane);
  const selectedId = useUiStore((s) => s.selectedThreadId);
  const selectThread = useUiStore((s) => s.selectThread);
  const selectedScreener = useUiStore((s) => s.selectedScreenerKey);
  const selectScreener = useUiStore((s) => s.selectScreener);
  const undoStack = useUiStore((s) => s.undoStack);
  const pushUndo = useUiStore((s) => s.pushUndo);
  const popUndo = useUiStore((s) => s.popUndo);
  const undoScope = useUiStore((s) => s.undoScope);
  const scopeUndo = useUiStore((s) => s.scopeUndo);
  const setQueued = useUiStore((s) => s.setQueued);
  const outbox = useOutbox();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openComposer = useUiStore((s) => s.openComposer);
  // Times show to the minute (and say "today" or the weekday): a minute's clock serves every
  // render, so what does not change is not drawn again on every keystroke.
  const now = useNow(60_000);

  const people = useLiveQuery(async () => {
    const ids = new Set<string>();
    for (const c of session.conversations) c.people.forEach((p) => ids.add(p));
    for (const e of session.screener) ids.add(e.personId);
    const found = await db.people.bulkGet([...ids]);
    return new Map(found.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
  }, [db, session]);

  // The list shows what the user did at once; actions read the selection as it is now.
  const { order } = review;
  const { displayed, storePending, act, write, written } = useOptimisticList(review);
  const pendingRef = useRef(displayed);
  pendingRef.current = displayed;
  const orderRef = useRef(order);
  orderRef.current = order;
  const indexIn = useCallback(
    (list: readonly SessionConversation[], threadId: string | null): number =>
      threadId === null
        ? -1
        : (orderRef.current?.indexOf(list, threadId) ??
          list.findIndex((c) => c.threadId === threadId)),
    [],
  );
  // A selection handled elsewhere gives way to the next conversation at once (see
  // selection-gives-way), in what a render shows and in what a key acts on alike.
  const conversationsRef = useRef(session.conversations);
  conversationsRef.current = session.conversations;
  const storePendingRef = useRef(storePending);
  storePendingRef.current = storePending;
  const selectionIn = useCallback(
    (list: readonly SessionConversation[], selected: string | null): string | null =>
      selectionGivingWay(
        selected,
        list,
        conversationsRef.current,
        (threadId) => storePendingRef.current(threadId) || indexIn(list, threadId) !== -1,
      ),
    [indexIn],
  );
  const nextAfter = useCallback(
    (threadId: string): string | null => {
      const pending = pendingRef.current;
      const index = indexIn(pending, threadId);
      const next = pending[index + 1] ?? pending[index - 1];
      return next?.threadId ?? null;
    },
    [indexIn],
  );

  const accounts = useAccountMarks();
  // Made once the session's list is read and drawn (see useKeepInTouchNudge).
  const nudge = useKeepInTouchNudge(db, deliveries, !review.partial);
  const lookup = useMemo(
    () => ({
      posts: review.posts,
      quotes: review.quotes,
      threads: review.threads,
      accounts,
      people,
    }),
    [review.posts, review.quotes, review.threads, accounts, people],
  );
  // What an earlier session left untouched says since when it has been waiting. The words name a
  // day, so they follow the minute's clock (as the rows' times do), and each delivery's are worked
  // out once a minute, not once for every row.
  const { broughtBack } = review;
  const waitingSince = useMemo(() => {
    const labels = new Map<Delivery, string>();
    return (activityIds: readonly string[]): string | undefined => {
      const since = broughtBack.since(activityIds);
      if (since === null) return undefined;
      let label = labels.get(since);
      if (label === undefined) labels.set(since, (label = waitingSinceLabel(since, now)));
      return label;
    };
  }, [broughtBack, now]);
  // Rows that show the same as before stay the same objects (the list skips drawing them), and
  // are made from the last ones: a keystroke looks again at the rows it changed only.
  const noteOf = useCallback(
    (c: SessionConversation) => waitingSince(c.activityIds),
    [waitingSince],
  );
  const keptRows = useRef<KeptRows | null>(null);
  const rows: readonly ListRow[] = useMemo(() => {
    const last = keptRows.current;
    keptRows.current = nextConversationRows(
      last,
      displayed,
      lookup,
      noteOf,
      order,
      last === null ? null : changedThreadIds(last.lookup.threads, lookup.threads),
    );
    return keptRows.current.rows;
  }, [displayed, lookup, noteOf, order]);
  const screenerRows: ListRow[] = useMemo(
    () =>
      view.screener.map((entry) => {
        const person = people?.get(entry.personId);
        return {
          id: screenerKey(entry),
          title: person === undefined ? entry.personId : `${nameOf(person)} (${person.handle})`,
          detail: entry.explanations[0] ?? '',
          at: entry.latestAt,
          badge: entry.reason === 'first-time' ? 'First message' : 'Looks like spam',
          note: waitingSince(entry.activityIds),
          account: person === undefined ? undefined : accounts?.get(person.accountId),
          face:
            person === undefined
              ? undefined
              : { name: nameOf(person), avatarUrl: person.avatarUrl },
        };
      }),
    [view.screener, people, waitingSince, accounts],
  );

  // Posts waiting in the screener (or from people kept out) stay out of the thread view.
  const screenedPostIds = useMemo(
    () => new Set(session.screener.flatMap((e) => e.postIds)),
    [session.screener],
  );
  const current = displayed[indexIn(displayed, selectionIn(displayed, selectedId))] ?? null;
  const currentScreener =
    view.screener.find((e) => screenerKey(e) === selectedScreener) ?? view.screener[0] ?? null;
  const finished = displayed.length === 0 && view.screener.length === 0;
  const showSummary = pane === 'summary' || finished;

  // Select the first conversation when nothing (of this session) is selected. A thread of the
  // session that is selected but not listed yet (undo, waiting for the store) stays selected.
  useEffect(() => {
    if (pane !== 'conversations' || view.pending.length === 0) return;
    if (selectedId === null || !review.threads.has(selectedId)) {
      selectThread(view.pending[0]?.threadId ?? null);
    }
  }, [pane, selectedId, review.threads, view.pending, selectThread]);

  // The store keeps the selection the list shows: a conversation handled elsewhere (a reply sent
  // from the composer, or another window) gives way to the next one still waiting.
  useEffect(() => {
    if (pane !== 'conversations') return;
    const shownId = selectionIn(displayed, selectedId);
    if (shownId !== selectedId) selectThread(shownId);
  }, [pane, selectedId, displayed, storePending, session.conversations, selectThread, selectionIn]);

  // The threads as the store last answered, for actions (which stay the same functions from one
  // answer to the next: the buttons that call them are not drawn again).
  const threadsRef = useRef(review.threads);
  threadsRef.current = review.threads;
  const triage = useCallback(
    (state: TriageState) => {
      const threadId = selectionIn(pendingRef.current, useUiStore.getState().selectedThreadId);
      const index = indexIn(pendingRef.current, threadId);
      if (threadId === null || index === -1) return;
      const thread = threadsRef.current.get(threadId);
      if (thread === undefined) return;
      const next = nextAfter(threadId);
      const token = act(threadId, 'handled');
      pendingRef.current = pendingRef.current.toSpliced(index, 1);
      selectThread(next);
      // Undo is ready at once, before the store has answered.
      pushUndo({
        type: 'thread',
        threadId,
        before: { triage: thread.triage, triagedAt: thread.triagedAt },
      });
      const at = Date.now();
      const values = { triage: state, triagedAt: state === 'open' ? null : at };
      write(threadId, token, () => setThreadTriage(db, threadId, state, at), values);
    },
    [act, db, indexIn, nextAfter, pushUndo, selectThread, selectionIn, write],
  );
  const screen = useCallback(
    (screening: 'let-in' | 'kept-out') => {
      if (currentScreener === null) return;
      const index = view.screener.indexOf(currentScreener);
      const next = view.screener[index + 1] ?? view.screener[index - 1];
      selectScreener(next === undefined ? null : screenerKey(next));
      const before = people?.get(currentScreener.personId)?.screening ?? 'unknown';
      pushUndo({ type: 'person', personId: currentScreener.personId, before });
      void setScreening(db, currentScreener.personId, screening);
    },
    [currentScreener, db, people, pushUndo, selectScreener, view.screener],
  );

  // Undo reverses what was done in this session only: the next one starts with nothing to undo.
  const scope = String(review.startedAt);
  useEffect(() => scopeUndo(scope), [scope, scopeUndo]);
  const sendsPastUndo = useSendsPastUndo(db, undoStack);
  const canUndoEntry = useCallback(
    (entry: UndoEntry): boolean => entry.type !== 'send' || !sendsPastUndo.has(entry.entryId),
    [sendsPastUndo],
  );
  const canUndo = undoScope === scope && undoStack.some(canUndoEntry);

  const undo = useCallback(() => {
    if (useUiStore.getState().undoScope !== scope) return;
    const change = popUndo(canUndoEntry);
    if (change === undefined) return;
    if (change.type === 'send') {
      // As the notice's "Undo send": the text is the draft again, open in the composer, and the
      // conversation waits where it was.
      const before = change.threadBefore;
      const run = async (): Promise<void> => {
        const result = await takeBack(db, outbox, change.entryId, before);
        if (!result.ok) {
          // Sent meanwhile: the conversation stays handled.
          if (before?.triage === 'open') {
            written(before.threadId, act(before.threadId, 'handled'));
          }
          return;
        }
        setQueued(null);
        openComposer(result.draftId);
      };
      if (before?.triage === 'open') {
        const token = act(before.threadId, 'open');
        setPane('conversations');
        selectThread(before.threadId);
        write(before.threadId, token, run);
      } else void run();
    } else if (change.type === 'thread') {
      const token = act(change.threadId, 'open');
      setPane('conversations');
      selectThread(change.threadId);
      write(change.threadId, token, () => undoChange(db, change), change.before);
    } else {
      setPane('screener');
      void undoChange(db, change);
    }
  }, [
    act,
    canUndoEntry,
    db,
    openComposer,
    outbox,
    popUndo,
    scope,
    selectThread,
    setPane,
    setQueued,
    write,
    written,
  ]);

  // The post a reply answers, for the conversation selected right now: a key pressed just after a
  // click must not answer the conversation shown before it (whose post the thread still holds
  // until the store answers for the new one).
  const reply = useCallback(() => {
    const selected = selectionIn(pendingRef.current, useUiStore.getState().selectedThreadId);
    const conversation = pendingRef.current[indexIn(pendingRef.current, selected)];
    if (conversation === undefined) return;
    const postId = answeringPostIdOf(conversation, threadsRef.current.get(conversation.threadId));
    if (postId !== undefined) openComposer(postId);
  }, [indexIn, openComposer, selectionIn]);

  const inScreener = pane === 'screener';
  const move = (delta: number): void => {
    if (inScreener) {
      const index = view.screener.findIndex((e) => e === currentScreener);
      const target = view.screener[Math.max(0, Math.min(view.screener.length - 1, index + delta))];
      if (target !== undefined) selectScreener(screenerKey(target));
    } else {
      // Read the list and the selection as they are now, not as the last render saw them.
      const list = pendingRef.current;
      const selectedNow = selectionIn(list, useUiStore.getState().selectedThreadId);
      const index = indexIn(list, selectedNow);
      const target = list[Math.max(0, Math.min(list.length - 1, index + delta))];
      if (target !== undefined) selectThread(target.threadId);
    }
  };
  useSessionKeys(
    showSummary
      ? null
      : {
          j: () => move(1),
          k: () => move(-1),
          Enter: () => headingRef.current?.focus(),
          r: reply,
          l: () => triage('later'),
          e: () => triage('done'),
          m: () => triage('muted'),
          u: undo,
          s: () => setPane(inScreener ? 'conversations' : 'screener'),
          i: () => inScreener && screen('let-in'),
          o: () => inScreener && screen('kept-out'),
          '?': () => setPane('shortcuts'),
          // Shift+D: "Done for now" (to the session's summary).
          D: () => setPane('summary'),
        },
  );

  const latest = deliveries[deliveries.length - 1];
  const title = useMemo(
    () => (latest === undefined ? 'Your delivery' : deliveryTitle(latest)),
    [latest],
  );
  const brought = useMemo(() => broughtLabel(deliveries), [deliveries]);
  const closeShortcuts = useCallback(() => setPane('conversations'), [setPane]);
  const closeInbox = (): void => {
    setPane('conversations');
    void closeOpenDeliveries(db, Date.now()).then(() => onClosed?.());
  };

  // Read by id: a new answer from the store (the threads after a triage) is not a reason to read
  // the post again.
  // What the conversation pane reads starts once the keystroke's frame is drawn: the list shows
  // the move at once, the conversation follows.
  const answeringId = usePainted(
    current === null ? undefined : answeringPostIdOf(current, review.threads.get(current.threadId)),
  );
  // The conversation the pane shows (its note with it), once the keystroke's frame is drawn.
  const shown = usePainted(current);
  const shownThreadId = shown?.threadId ?? null;
  const answering = useLiveQuery(
    async (): Promise<Post | null> =>
      answeringId === undefined ? null : ((await db.posts.get(answeringId)) ?? null),
    [db, answeringId],
  );
  const answeringName = (() => {
    if (answering == null) return 'them';
    const author = people?.get(answering.authorId);
    return author === undefined ? 'them' : nameOf(author);
  })();
  const hasCurrent = current !== null;
  const draftPreview = useMemo(
    () =>
      hasCurrent && answering != null && people !== undefined ? (
        <DraftPreview answering={answering} answeringName={answeringName} onOpen={reply} />
      ) : null,
    [hasCurrent, answering, people, answeringName, reply],
  );
  const focusHeading = useCallback(() => headingRef.current?.focus(), []);
  const onLater = useCallback(() => triage('later'), [triage]);
  const onDone = useCallback(() => triage('done'), [triage]);
  const onMute = useCallback(() => triage('muted'), [triage]);
  const shownNote = shown === null ? null : waitingSince(shown.activityIds);

  return (
    <>
      <section className="delivery-bar" aria-label="This delivery">
        <p className="delivery-bar__title">
          <strong>{title}</strong>
          {deliveries.length > 1 ? ' (with the earlier one still open)' : ''} · {brought}
        </p>
        <PaceMeter startedAt={review.startedAt} budgetMinutes={review.budgetMinutes} />
        {showSummary ? null : (
          <button
            type="button"
            className="button"
            aria-keyshortcuts="Shift+D"
            onClick={() => setPane('summary')}
          >
            Done for now
          </button>
        )}
      </section>
      {showSummary ? (
        <main className="app__main app__main--center">
          <SessionSummary
            summary={view.summary}
            onClose={closeInbox}
            onBack={() => setPane('conversations')}
            canGoBack={!finished}
          />
        </main>
      ) : (
        <div className="app__body">
          <nav className="app__list" aria-label="Session">
            {view.digestText !== null ? (
              <p className="digest" aria-label="Appreciation">
                {view.digestText}
              </p>
            ) : null}
            {nudge === undefined ? null : (
              <KeepInTouchNudge entries={nudge.entries} at={nudge.at} />
            )}
            <div className="panes" role="group" aria-label="Show">
              <button
                type="button"
                className="button button--quiet"
                aria-pressed={pane !== 'screener'}
                onClick={() => setPane('conversations')}
              >
                Conversations
              </button>
              <button
                type="button"
                className="button button--quiet"
                aria-pressed={pane === 'screener'}
                onClick={() => setPane('screener')}
              >
                Screener{view.screener.length > 0 ? ` · ${view.screener.length} waiting` : ''}
              </button>
            </div>
            {pane === 'screener' ? (
              <SessionList
                label="Screener"
                rows={screenerRows}
                selectedId={currentScreener === null ? null : screenerKey(currentScreener)}
                onSelect={selectScreener}
                onOpen={focusScreenerHeading}
                emptyText="Nobody waits in the screener."
                now={now}
              />
            ) : (
              <SessionList
                label="Conversations"
                rows={rows}
                selectedId={current?.threadId ?? null}
                onSelect={selectThread}
                onOpen={focusHeading}
                emptyText="Every conversation is handled."
                now={now}
                busy={review.partial}
              />
            )}
          </nav>
          <main className="app__main">
            {pane === 'screener' ? (
              currentScreener === null ? (
                <p className="thread thread--empty">Nobody waits in the screener.</p>
              ) : (
                <ScreenerDetail
                  entry={currentScreener}
                  note={waitingSince(currentScreener.activityIds)}
                  person={people?.get(currentScreener.personId)}
                  onLetIn={() => screen('let-in')}
                  onKeepOut={() => screen('kept-out')}
                />
              )
            ) : (
              <>
                {current !== null ? (
                  <TriageBar
                    onReply={reply}
                    onLater={onLater}
                    onDone={onDone}
                    onMute={onMute}
                    onUndo={undo}
                    canUndo={canUndo}
                  />
                ) : null}
                <ThreadView
                  ref={headingRef}
                  threadId={shownThreadId}
                  now={now}
                  hiddenPostIds={screenedPostIds}
                  note={shownNote}
                  after={draftPreview}
                />
              </>
            )}
          </main>
        </div>
      )}
      <ShortcutsDialog open={pane === 'shortcuts'} onClose={closeShortcuts} />
    </>
  );
}

function focusScreenerHeading(): void {
  document.getElementById('screener-heading')?.focus();
}

/** The post a reply to this conversation answers: its newest post in the session, else the thread's. */
function answeringPostIdOf(
  conversation: SessionConversation,
  thread: Thread | undefined,
): string | undefined {
  return conversation.postIds[conversation.postIds.length - 1] ?? thread?.lastPostId;
}
