import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { Delivery, Person, Post, TriageState } from '../../../../shared/domain';
import type { ScreenerEntry } from '../../../../shared/session';
import { nameOf } from '../../../../shared/threads/thread-labels';
import { useDatabase } from '../../app/database-context';
import { closeOpenDeliveries } from '../../db/repositories/deliveries';
import type { TriageChange } from '../../db/repositories/session';
import { setScreening, setThreadTriage, undoChange } from '../../db/repositories/session';
import type { ReviewSession } from '../../session/use-review-session';
import { useUiStore } from '../../state/ui-store';
import { formatPostTime } from '../../ui/format-time';
import { ThreadView } from '../thread/ThreadView';
import { conversationsLabel, deliveryTitle } from '../deliveries/delivery-labels';
import { PaceMeter } from './PaceMeter';
import { ReplyField } from './ReplyField';
import { ScreenerDetail } from './ScreenerDetail';
import type { ListRow } from './SessionList';
import { SessionList } from './SessionList';
import { SessionSummary } from './SessionSummary';
import { ShortcutsDialog } from './ShortcutsDialog';
import { TriageBar } from './TriageBar';

const screenerKey = (entry: ScreenerEntry): string => `${entry.personId}::${entry.threadId}`;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

interface Props {
  readonly deliveries: readonly Delivery[];
  readonly review: ReviewSession;
}

/**
 * The review session of the open deliveries: conversations that matter first, the screener for
 * first-time senders and likely spam, one calm line for appreciation, every action one key away,
 * and a clear end.
 */
export function SessionView({ deliveries, review }: Props) {
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
  const headingRef = useRef<HTMLHeadingElement>(null);
  const replyRef = useRef<HTMLTextAreaElement>(null);
  const now = Date.now();

  const people = useLiveQuery(async () => {
    const ids = new Set<string>();
    for (const c of session.conversations) c.people.forEach((p) => ids.add(p));
    for (const e of session.screener) ids.add(e.personId);
    const found = await db.people.bulkGet([...ids]);
    return new Map(found.filter((p): p is Person => p !== undefined).map((p) => [p.id, p]));
  }, [db, session]);

  const rows: ListRow[] = useMemo(
    () =>
      view.pending.map((c, index) => {
        const thread = review.threads.get(c.threadId);
        return {
          id: c.threadId,
          title: c.reason,
          detail: thread?.lastSnippet ?? '',
          when: formatPostTime(c.latestAt, now),
          whenIso: new Date(c.latestAt).toISOString(),
          ...(c.kind === 'direct' ? { badge: 'Private' } : {}),
          continuesGroup: index > 0 && view.pending[index - 1]?.personId === c.personId,
        };
      }),
    [view.pending, review.threads, now],
  );
  const screenerRows: ListRow[] = useMemo(
    () =>
      view.screener.map((entry) => {
        const person = people?.get(entry.personId);
        return {
          id: screenerKey(entry),
          title: person === undefined ? entry.personId : `${nameOf(person)} (${person.handle})`,
          detail: entry.explanations[0] ?? '',
          when: formatPostTime(entry.latestAt, now),
          whenIso: new Date(entry.latestAt).toISOString(),
          badge: entry.reason === 'first-time' ? 'First message' : 'Looks like spam',
        };
      }),
    [view.screener, people, now],
  );

  // Posts waiting in the screener (or from people kept out) stay out of the thread view.
  const screenedPostIds = useMemo(
    () => new Set(session.screener.flatMap((e) => e.postIds)),
    [session.screener],
  );
  const current = view.pending.find((c) => c.threadId === selectedId) ?? null;
  const currentScreener =
    view.screener.find((e) => screenerKey(e) === selectedScreener) ?? view.screener[0] ?? null;
  const showSummary = pane === 'summary' || view.finished;

  // Keep a conversation selected while there are any.
  useEffect(() => {
    if (pane === 'conversations' && current === null && view.pending.length > 0) {
      selectThread(view.pending[0]?.threadId ?? null);
    }
  }, [pane, current, view.pending, selectThread]);

  const nextAfter = useCallback(
    (threadId: string): string | null => {
      const index = view.pending.findIndex((c) => c.threadId === threadId);
      const next = view.pending[index + 1] ?? view.pending[index - 1];
      return next?.threadId ?? null;
    },
    [view.pending],
  );

  const record = useCallback(
    (change: TriageChange | null) => {
      if (change !== null) pushUndo(change);
    },
    [pushUndo],
  );

  const triage = useCallback(
    (state: TriageState) => {
      if (current === null) return;
      const threadId = current.threadId;
      selectThread(nextAfter(threadId));
      void setThreadTriage(db, threadId, state, Date.now()).then(record);
    },
    [current, db, nextAfter, record, selectThread],
  );

  const screen = useCallback(
    (screening: 'let-in' | 'kept-out') => {
      if (currentScreener === null) return;
      const index = view.screener.indexOf(currentScreener);
      const next = view.screener[index + 1] ?? view.screener[index - 1];
      selectScreener(next === undefined ? null : screenerKey(next));
      void setScreening(db, currentScreener.personId, screening).then(record);
    },
    [currentScreener, db, record, selectScreener, view.screener],
  );

  const undo = useCallback(() => {
    const change = popUndo();
    if (change === undefined) return;
    if (change.type === 'thread') {
      setPane('conversations');
      selectThread(change.threadId);
    } else {
      setPane('screener');
    }
    void undoChange(db, change);
  }, [db, popUndo, selectThread, setPane]);

  const reply = useCallback(() => {
    setPane('conversations');
    window.requestAnimationFrame(() => replyRef.current?.focus());
  }, [setPane]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]') !== null) return;
      const inScreener = pane === 'screener';
      const move = (delta: number): void => {
        if (inScreener) {
          const index = view.screener.findIndex((e) => e === currentScreener);
          const target =
            view.screener[Math.max(0, Math.min(view.screener.length - 1, index + delta))];
          if (target !== undefined) selectScreener(screenerKey(target));
        } else {
          const index = view.pending.findIndex((c) => c.threadId === selectedId);
          const target =
            view.pending[Math.max(0, Math.min(view.pending.length - 1, index + delta))];
          if (target !== undefined) selectThread(target.threadId);
        }
      };
      const actions: Record<string, () => void> = {
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
      };
      const action = actions[event.key];
      if (action === undefined || showSummary) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [
    current,
    currentScreener,
    pane,
    reply,
    screen,
    selectScreener,
    selectThread,
    selectedId,
    setPane,
    showSummary,
    triage,
    undo,
    view.pending,
    view.screener,
  ]);

  const latest = deliveries[deliveries.length - 1];
  const closeInbox = (): void => {
    setPane('conversations');
    void closeOpenDeliveries(db, Date.now());
  };

  const answering = useLiveQuery(async (): Promise<Post | null> => {
    if (current === null) return null;
    const thread = review.threads.get(current.threadId);
    const postId = current.postIds[current.postIds.length - 1] ?? thread?.lastPostId;
    return postId === undefined ? null : ((await db.posts.get(postId)) ?? null);
  }, [db, current, review.threads]);
  const answeringName = (() => {
    if (answering == null) return 'them';
    const author = people?.get(answering.authorId);
    return author === undefined ? 'them' : nameOf(author);
  })();

  return (
    <>
      <section className="delivery-bar" aria-label="This delivery">
        <p className="delivery-bar__title">
          <strong>{latest === undefined ? 'Your delivery' : deliveryTitle(latest)}</strong>
          {deliveries.length > 1 ? ' (with the earlier one still open)' : ''} ·{' '}
          {conversationsLabel(session.counts.conversations)}
        </p>
        <PaceMeter startedAt={review.startedAt} budgetMinutes={review.budgetMinutes} />
        {showSummary ? null : (
          <button type="button" className="button" onClick={() => setPane('summary')}>
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
            canGoBack={!view.finished}
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
                onOpen={() => document.getElementById('screener-heading')?.focus()}
                emptyText="Nobody waits in the screener."
              />
            ) : (
              <SessionList
                label="Conversations"
                rows={rows}
                selectedId={current?.threadId ?? null}
                onSelect={selectThread}
                onOpen={() => headingRef.current?.focus()}
                emptyText="Every conversation is handled."
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
                    onLater={() => triage('later')}
                    onDone={() => triage('done')}
                    onMute={() => triage('muted')}
                    onUndo={undo}
                    canUndo={undoStack.length > 0}
                  />
                ) : null}
                <ThreadView
                  ref={headingRef}
                  threadId={current?.threadId ?? null}
                  now={now}
                  hiddenPostIds={screenedPostIds}
                />
                {current !== null && answering != null ? (
                  <ReplyField
                    ref={replyRef}
                    answering={answering}
                    answeringName={answeringName}
                    onQueued={() => triage('done')}
                  />
                ) : null}
              </>
            )}
          </main>
        </div>
      )}
      <ShortcutsDialog open={pane === 'shortcuts'} onClose={() => setPane('conversations')} />
    </>
  );
}
