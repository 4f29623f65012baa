import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useEffect, useRef } from 'react';
import { onConversationHashChange } from '../state/location-hash';
import { DemoNotice } from '../features/demo/DemoNotice';
import { ConversationList } from '../features/conversations/ConversationList';
import { EmptyInbox } from '../features/conversations/EmptyInbox';
import { ThreadView } from '../features/thread/ThreadView';
import { listConversations } from '../db/repositories/conversations';
import { useUiStore } from '../state/ui-store';
import type { SyncClient } from '../sync/sync-client';
import { useDatabase } from './database-context';
import { useStartup } from './use-startup';

export function App({ sync }: { sync: SyncClient }) {
  const db = useDatabase();
  useStartup(db, sync);
  const startup = useUiStore((s) => s.startup);
  const selectedThreadId = useUiStore((s) => s.selectedThreadId);
  const selectThread = useUiStore((s) => s.selectThread);
  const threads = useLiveQuery(() => listConversations(db), [db]);
  const hasDemo = useLiveQuery(
    async () => (await db.accounts.where('network').equals('demo').count()) > 0,
    [db],
  );
  useEffect(() => onConversationHashChange(selectThread), [selectThread]);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const openThread = useCallback(() => headingRef.current?.focus(), []);
  const now = Date.now();

  const selected = threads?.some((t) => t.id === selectedThreadId) ? selectedThreadId : null;

  return (
    <div className="app">
      <header className="app__header">
        <h1 className="app__title">Slowpost</h1>
        {hasDemo ? <DemoNotice /> : null}
      </header>
      <div className="app__status" role="status" aria-live="polite">
        {startup.phase === 'preparing-demo' ? 'Preparing your demo inbox…' : null}
        {startup.phase === 'failed'
          ? `Could not catch up: ${startup.message ?? 'unknown error'}`
          : null}
      </div>
      {threads === undefined ? null : threads.length === 0 &&
        startup.phase !== 'preparing-demo' &&
        startup.phase !== 'opening' ? (
        <main className="app__main app__main--empty">
          <EmptyInbox sync={sync} />
        </main>
      ) : (
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
      )}
    </div>
  );
}
