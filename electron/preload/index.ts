import { contextBridge, ipcRenderer } from 'electron';
import type { IpcRendererEvent } from 'electron';
import { buildApi } from '@shared/ipc/api';

// The page gets named functions built from the contract, nothing else: no ipcRenderer, no generic
// invoke. Each answer and each event is parsed against the contract before the page sees it.
contextBridge.exposeInMainWorld(
  'slowpost',
  buildApi({
    invoke: (channel, input) => ipcRenderer.invoke(channel, input),
    subscribe: (event, listener) => {
      const handler = (_event: IpcRendererEvent, payload: unknown): void => listener(payload);
      ipcRenderer.on(event, handler);
      return () => {
        ipcRenderer.removeListener(event, handler);
      };
    },
  }),
);
