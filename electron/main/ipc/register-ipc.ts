import { ipcMain } from 'electron';
import { CHANNELS } from '@shared/ipc/contract';
import type { Dispatch } from './bridge-dispatcher';

/** Electron glue: every contract channel is answered by the one dispatcher. */
export function registerIpc(dispatch: Dispatch): void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event, input: unknown) =>
      dispatch(event.senderFrame?.url, channel, input),
    );
  }
}
