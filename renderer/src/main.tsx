import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { DatabaseContext } from './app/database-context';
import { openDatabase } from './db/database';
import { createSyncClient } from './sync/sync-client';
import './styles/app.css';

const root = document.getElementById('root');
if (root === null) throw new Error('index.html has no #root element');

const db = openDatabase();
const sync = createSyncClient();

createRoot(root).render(
  <StrictMode>
    <DatabaseContext.Provider value={db}>
      <App sync={sync} />
    </DatabaseContext.Provider>
  </StrictMode>,
);
