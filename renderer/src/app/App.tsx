import { useLiveQuery } from 'dexie-react-hooks';
import { CalendarDays, History, Inbox, Mailbox, Reply, Search, Settings } from 'lucide-react';
import { useCallback, useEffect, useState } from 'react';
import { EmptyInbox } from '../features/conversations/EmptyInbox';
import { ClosedInbox } from '../features/deliveries/ClosedInbox';
import { DemoNotice } from '../features/demo/DemoNotice';
import { UnsavedWritingNotice } from '../features/compose/UnsavedWritingNotice';
import { SendNotice } from '../features/replies/SendNotice';
import { SettingProblemsNotice } from '../features/settings/SettingProblemsNotice';
import { SessionView } from '../features/session/SessionView';
import { markOpened, openDeliveries } from '../db/repositories/deliveries';
import { buildSearchIndexInBackground } from '../db/repositories/search-index-build';
import { useReviewSession } from '../session/use-review-session';
import { useSessionTime } from '../session/use-session-time';
import { useDeliveryClock } from '../deliveries/use-delivery-clock';
import { onHashChange } from '../state/location-hash';
import { useUiStore } from '../state/ui-store';
import type { SyncClient } from '../sync/sync-client';
import { useDatabase } from './database-context';
import { useLazyScreen } from './lazy-screen';
import {
  composerScreen,
  deliveryHistory,
  prefetchLaterScreens,
  repliesPage,
  searchDialog,
  settingsDialog,
  weekPage,
  welcome,
} from './lazy-screens';
import { useAppShortcuts } from './use-app-shortcuts';
import { useStartup } from './use-startup';

function whenIdle(run: () => void): () => void {
  const handle = requestIdleCallback(run, { timeout: 2000 });
  return () => cancelIdleCallback(handle);
}

export const FIRST_VIEW_MARK = 'slowpost:first-view';

export function App({ sync }: { sync: SyncClient }) {
  const db = useDatabase();
  useStartup(db, sync);
  const startup = useUiStore((s) => s.startup);
  const welcoming = startup.phase === 'welcome';
  const settled = startup.phase === 'ready' || startup.phase === 'failed';
  useDeliveryClock(db, sync, settled);

  const followHash = useUiStore((s) => s.followHash);
  useEffect(() => onHashChange(followHash), [followHash]);

  const accountCount = useLiveQuery(() => db.accounts.count(), [db]);
  const hasDemo = useLiveQuery(
    async () => (await db.accounts.where('network').equals('demo').count()) > 0,
    [db],
  );
  const open = useLiveQuery(() => openDeliveries(db), [db]);
  const review = useReviewSession(db);
  const openIds = open?.map((d) => d.id).join(' ') ?? '';
  // Once the session shows: a write before it would hold up the reads it needs.
  const sessionShown = review !== undefined;
  useEffect(() => {
    if (openIds !== '' && sessionShown) void markOpened(db, Date.now());
  }, [db, openIds, sessionShown]);

  const [dialog, setDialog] = useState<'schedule' | 'history' | 'search' | null>(null);
  useAppShortcuts({
    openSettings: useCallback(() => setDialog('schedule'), []),
    openSearch: useCallback(() => setDialog('search'), []),
  });
  const page = useUiStore((s) => s.page);
  const showPage = useUiStore((s) => s.showPage);
  const composing = useUiStore((s) => s.composing);
  // Loaded when first wanted, or while the page is idle after the first view (then kept mounted,
  // closed, as if they had always been here).
  const SettingsDialog = useLazyScreen(settingsDialog, dialog === 'schedule');
  const DeliveryHistory = useLazyScreen(deliveryHistory, dialog === 'history');
  const ComposerScreen = useLazyScreen(composerScreen, composing !== null);
  const RepliesPage = useLazyScreen(repliesPage, page === 'replies');
  const WeekPage = useLazyScreen(weekPage, page === 'week');
  // Time in the session counts while it is in front (or its composer is).
  const sessionInFront =
    open !== undefined &&
    open.length > 0 &&
    sessionShown &&
    (page === 'inbox' || composing !== null);
  useSessionTime(db, sessionInFront ? (open[0]?.id ?? null) : null);
  const Welcome = useLazyScreen(welcome, welcoming);
  const SearchDialog = useLazyScreen(searchDialog, dialog === 'search');

  let body;
  if (open === undefined || accountCount === undefined) {
    body = null;
  } else if (accountCount === 0 && settled) {
    body = (
      <main className="app__main app__main--center">
        <EmptyInbox sync={sync} />
      </main>
    );
  } else if (open.length > 0) {
    body =
      review === undefined ? null : (
        <SessionView
          deliveries={open}
          review={review}
          onClosed={() => void sync.tellSeen(Date.now())}
        />
      );
  } else if (!settled) {
    body = null; // the status line says what is happening
  } else {
    body = (
      <main className="app__main app__main--center">
        <ClosedInbox sync={sync} />
      </main>
    );
  }

  const hasView = body !== null;
  useEffect(() => {
    // For `npm run bench`: when the first real view (session, closed inbox, empty inbox) is up.
    if (hasView && performance.getEntriesByName(FIRST_VIEW_MARK).length === 0) {
      performance.mark(FIRST_VIEW_MARK);
    }
  }, [hasView]);
  // Once the first view (or the welcome) is up, the later screens load while the page is idle.
  const firstViewUp = hasView || welcoming;
  useEffect(() => (firstViewUp ? prefetchLaterScreens() : undefined), [firstViewUp]);
  // A store made before search indexes its older posts while the page is idle.
  useEffect(
    () => (firstViewUp ? buildSearchIndexInBackground(db, whenIdle) : undefined),
    [db, firstViewUp],
  );

  return (
    <>
      <div className="app" inert={composing !== null}>
        <header className="app__header">
          <h1 className="app__title">
            <Mailbox className="icon app__logo" aria-hidden="true" />
            Slowpost
          </h1>
          <nav className="app__pages" aria-label="Pages">
            <button
              type="button"
              className="button button--quiet"
              aria-current={page === 'inbox' ? 'page' : undefined}
              onClick={() => showPage('inbox')}
            >
              <Inbox className="icon" aria-hidden="true" />
              Inbox
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-current={page === 'replies' ? 'page' : undefined}
              onClick={() => showPage('replies')}
            >
              <Reply className="icon" aria-hidden="true" />
              Replies
            </button>
            <button
              type="button"
              className="button button--quiet"
              aria-current={page === 'week' ? 'page' : undefined}
              onClick={() => showPage('week')}
            >
              <CalendarDays className="icon" aria-hidden="true" />
              Your week
            </button>
          </nav>
          {/* After the pages in the tab order: the demo is a note, not the first thing to reach. */}
          {hasDemo ? <DemoNotice /> : null}
          <nav className="app__tools" aria-label="Slowpost">
            <button
              type="button"
              className="button button--quiet"
              aria-keyshortcuts="/ Control+K Meta+K"
              title="Search (/ or Ctrl+K)"
              onClick={() => setDialog('search')}
            >
              <Search className="icon" aria-hidden="true" />
              <span className="button__label--collapsible">Search</span>
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setDialog('history')}
            >
              <History className="icon" aria-hidden="true" />
              <span className="button__label--collapsible">Delivery history</span>
            </button>
            <button
              type="button"
              className="button button--quiet"
              onClick={() => setDialog('schedule')}
            >
              <Settings className="icon" aria-hidden="true" />
              <span className="button__label--collapsible">Settings</span>
            </button>
          </nav>
        </header>
        <div className="app__status" role="status" aria-live="polite">
          {startup.phase === 'preparing-demo' ? 'Preparing your demo inbox…' : null}
          {startup.phase === 'failed'
            ? `Could not catch up: ${startup.message ?? 'unknown error'}`
            : null}
          <UnsavedWritingNotice />
        </div>
        <SettingProblemsNotice onOpenSettings={() => setDialog('schedule')} />
        {/* The inbox stays mounted behind the replies page, so coming back is instant. */}
        <div className="app__page" hidden={page !== 'inbox'}>
          {body}
        </div>
        {page === 'replies' && RepliesPage !== null ? <RepliesPage /> : null}
        {page === 'week' && WeekPage !== null ? <WeekPage /> : null}
        {SettingsDialog !== null ? (
          <SettingsDialog open={dialog === 'schedule'} onClose={() => setDialog(null)} />
        ) : null}
        {DeliveryHistory !== null ? (
          <DeliveryHistory open={dialog === 'history'} onClose={() => setDialog(null)} />
        ) : null}
        {SearchDialog !== null ? (
          <SearchDialog open={dialog === 'search'} onClose={() => setDialog(null)} />
        ) : null}
        {Welcome !== null ? <Welcome onConnect={() => setDialog('schedule')} /> : null}
      </div>
      {composing !== null && ComposerScreen !== null ? (
        <ComposerScreen key={composing} draftId={composing} />
      ) : null}
      {/* While writing, the composer shows the notice in its own last row. */}
      {composing === null ? <SendNotice /> : null}
    </>
  );
}
