import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ConversationList } from '../features/conversations/ConversationList';
import { EmptyInbox } from '../features/conversations/EmptyInbox';
import { ClosedInbox } from '../features/deliveries/ClosedInbox';
import { DeliveryBar } from '../features/deliveries/DeliveryBar';
import { DeliveryHistory } from '../features/deliveries/DeliveryHistory';
import { DemoNotice } from '../features/demo/DemoNotice';
import { ScheduleEditor } from '../features/settings/ScheduleEditor';
import { ThreadView } from '../features/thread/ThreadView';
import { markOpened, openConversations, openDeliveries } from '../db/repositories/deliveries';
import { useDeliveryClock } from '../deliveries/use-delivery-clock';
import { onConversationHashChange } from '../state/location-hash';
import { useUiStore } from '../state/ui-store';
import type { SyncClient } from '../sync/sync-client';
import { useDatabase } from './database-context';
import { useStartup } from './use-startup';

export function App({ sync }: { sync: SyncClient }) {
  const db = useDatabase();
  useStartup(db, sync);
  const startup = useUiStore((s) => s.startup);
  const settled = startup.phase === 'ready' || startup.phase === 'failed';
  useDeliveryClock(db, sync, settled);

  const selectedThreadId = useUiStore((s) => s.selectedThreadId);
  const selectThread = useUiStore((s) => s.selectThread);
  useEffect(() => onConversationHashChange(selectThread), [selectThread]);

  const accountCount = useLiveQuery(() => db.accounts.count(), [db]);
  const hasDemo = useLiveQuery(
    async () => (await db.accounts.where('network').equals('demo').count()) > 0,
    [db],
  );
  const open = useLiveQuery(() => openDeliveries(db), [db]);
  const threads = useLiveQuery(() => openConversations(db), [db]);
  const openIds = open?.map((d) => d.id).join(' ') ?? '';
  useEffect(() => {
    if (openIds !== '') void markOpened(db, Date.now());
  }, [db, openIds]);

  const [dialog, setDialog] = useState<'schedule' | 'history' | null>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openThread = useCallback(() => headingRef.current?.focus(), []);
  const now = Date.now();
  const selected = threads?.some((t) => t.id === selectedThreadId) ? selectedThreadId : null;

  let body;
  if (open === undefined || threads === undefined || accountCount === undefined) {
    body = null;
  } else if (accountCount === 0 && settled) {
    body = (
      <main className="app__main app__main--center">
        <EmptyInbox sync={sync} />
      </main>
    );
  } else if (open.length > 0) {
    body = (
      <>
        <DeliveryBar deliveries={open} conversations={threads.length} />
        <div className="app__body">
          <nav className="app__list" aria-label="Conversation list">
            <h2 className="visually-hidden">Conversations</h2>
            <ConversationList
              threads={threads}
              selectedId={selected}
              onSelect={selectThread}
              onOpen={openThread}
              now={now}
            />
          </nav>
          <main className="app__main">
            <ThreadView ref={headingRef} threadId={selected} now={now} />
          </main>
        </div>
      </>
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

  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">Slowpost</h1>
        {hasDemo ? <DemoNotice /> : null}
        <nav className="app__tools" aria-label="Slowpost">
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setDialog('history')}
          >
            Delivery history
          </button>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setDialog('schedule')}
          >
            Schedule
          </button>
        </nav>
      </header>
      <div className="app__status" role="status" aria-live="polite">
        {startup.phase === 'preparing-demo' ? 'Preparing your demo inbox…' : null}
        {startup.phase === 'failed'
          ? `Could not catch up: ${startup.message ?? 'unknown error'}`
          : null}
      </div>
      {body}
      <ScheduleEditor open={dialog === 'schedule'} onClose={() => setDialog(null)} />
      <DeliveryHistory open={dialog === 'history'} onClose={() => setDialog(null)} />
    </div>
  );
}
