import type { SlowpostApi, Transport } from '../../../shared/ipc/api';
import { buildApi } from '../../../shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the preload inside Electron; absent in a plain browser. */
    readonly slowpost?: SlowpostApi;
  }
}

/** In a plain browser the loopback host answers the same contract over HTTP, same origin only. */
const httpTransport: Transport = async (channel, input) => {
  const response = await fetch(`/__bridge/${encodeURIComponent(channel)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(input ?? {}),
  });
  return (await response.json()) as unknown;
};

export const bridge: SlowpostApi = window.slowpost ?? buildApi(httpTransport);
