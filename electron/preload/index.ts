import { contextBridge, ipcRenderer } from 'electron';
import { buildApi } from '../../shared/ipc/api';

// The page gets named functions built from the contract, nothing else: no ipcRenderer, no generic
// invoke. Each answer is parsed against the contract before the page sees it.
contextBridge.exposeInMainWorld(
  'slowpost',
  buildApi((channel, input) => ipcRenderer.invoke(channel, input)),
);
