import type { SlowpostApi, Transport } from '@shared/ipc/api';
import { buildApi } from '@shared/ipc/api';

declare global {
  interface Window {
    /** Exposed by the preload inside Electron; absent in a plain browser. */
    readonly slowpost?: SlowpostApi;
  }
}

/**
 * In a plain browser the loopback host answers the same contract: requests over same-origin HTTP,
 * events over one server-sent-events stream.
 */
function httpTransport(): Transport {
  let source: EventSource | null = null;
  return {
    async invoke(channel, input) {
      const response = await fetch(`/__bridge/${encodeURIComponent(channel)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(input ?? {}),
      });
      return (await response.json()) as unknown;
    },
    subscribe(event, listener) {
      source ??= new EventSource('/__events');
      const handler = (message: MessageEvent<string>): void => {
        try {
          listener(JSON.parse(message.data) as unknown);
        } catch {
          console.warn(`bridge: ${event} event was not JSON`);
        }
      };
      source.addEventListener(event, handler);
      return () => source?.removeEventListener(event, handler);
    },
  };
}

export const bridge: SlowpostApi =
  window.slowpost ?? buildApi(httpTransport(), (message) => console.warn(message));
