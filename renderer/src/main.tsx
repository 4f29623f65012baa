import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DatabaseContext } from './app/database-context';
import { bridge } from './bridge/bridge';
import { openDatabase } from './db/database';
import { DraftKeeperContext } from './drafts/draft-keeper-context';
import { createPageDraftKeeper, startKeepingDrafts } from './drafts/page-draft-keeper';
import { OutboxContext } from './outbox/outbox-context';
import { startOutboxRunner } from './outbox/outbox-runner';
import { holdOutboxLock } from './outbox/profile-lock';
import { connectorFor } from './sync/connector-for';
import { createSyncClient } from './sync/sync-client';
import { SyncContext } from './sync/sync-context';
import '@fontsource-variable/inter/wght.css';
// Noto Color Emoji as COLRv1 (what Chromium draws; @fontsource's build is OpenType-SVG, which
// Chromium shows as blank): emoji draw in colour on a machine without an emoji font.
import '@infolektuell/noto-color-emoji/index.css';
import './styles/tokens.css';
import './styles/app.css';
import './styles/settings.css';
import './styles/avatars.css';
import './styles/welcome.css';

// For `npm run bench`'s profile of a cold open: the page's code is loaded and run.
performance.mark('slowpost:script');
const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const db = openDatabase();
const sync = createSyncClient();
const outbox = startOutboxRunner({
  db,
  now: () => Date.now(),
  isOnline: () => navigator.onLine,
  connectorFor: (account) => connectorFor(account, () => Date.now()),
  sendingRight: holdOutboxLock,
  // Opening the app reads the session first; replies left from last time go a moment later.
  firstPassDelayMs: 1500,
});
window.addEventListener('online', () => outbox.kick());
const keeper = createPageDraftKeeper(db);
startKeepingDrafts(keeper, bridge.app);

createRoot(root).render(
  <StrictMode>
    <DatabaseContext.Provider value={db}>
      <OutboxContext.Provider value={outbox}>
        <DraftKeeperContext.Provider value={keeper}>
          <SyncContext.Provider value={sync}>
            <App sync={sync} />
          </SyncContext.Provider>
        </DraftKeeperContext.Provider>
      </OutboxContext.Provider>
    </DatabaseContext.Provider>
  </StrictMode>,
);
