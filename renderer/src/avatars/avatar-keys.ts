import type { BridgeResult } from '@shared/ipc/result';
import { AVATAR_BATCH, type ResponseOf } from '@shared/ipc/contract';

/**
 * What the page knows about people's pictures: for each avatar URL, whether main has stored it
 * (and under which key it is served at `/avatars/<key>` on the page's own origin) or not. The page
 * never loads the URL itself; it asks main, in batches, in the background, when a face is shown.
 */

export type AvatarState =
  | { readonly status: 'stored'; readonly src: string }
  /** Not stored: the placeholder shows (offline, refused, still being fetched). */
  | { readonly status: 'missing' };

type StoreAnswer = BridgeResult<ResponseOf<'avatars:store'>>;

export interface AvatarKeysOptions {
  readonly store: (urls: string[]) => Promise<StoreAnswer>;
  readonly now: () => number;
  /** How long a picture that could not be stored waits before the page asks again. */
  readonly retryAfterMs?: number;
  /** How many `avatars:store` calls may be waiting at once. */
  readonly maxInFlight?: number;
}

export interface AvatarKeys {
  /** What is known about a URL now (no side effects: safe during a render). */
  readonly state: (url: string) => AvatarState;
  /** Asks main for the URL's picture (batched) when unknown or due for another try. */
  readonly request: (url: string) => void;
  /** Calls back on every change; returns the function that stops it. */
  readonly subscribe: (listener: () => void) => () => void;
}

const MISSING: AvatarState = { status: 'missing' };

export function createAvatarKeys(options: AvatarKeysOptions): AvatarKeys {
  const retryAfterMs = options.retryAfterMs ?? 10 * 60_000;
  const maxInFlight = options.maxInFlight ?? 2;
  const known = new Map<string, AvatarState>();
  const missingSince = new Map<string, number>();
  const asked = new Set<string>();
  const queue: string[] = [];
  const listeners = new Set<() => void>();
  let inFlight = 0;
  let scheduled = false;

  const changed = (): void => {
    for (const listener of listeners) listener();
  };

  function pump(): void {
    scheduled = false;
    while (inFlight < maxInFlight && queue.length > 0) {
      const batch = queue.splice(0, AVATAR_BATCH);
      inFlight += 1;
      void options
        .store(batch)
        .catch(() => null)
        .then((answer) => {
          const at = options.now();
          const keys = new Map<string, string | null>();
          if (answer?.ok === true) for (const a of answer.value.avatars) keys.set(a.url, a.key);
          for (const url of batch) {
            asked.delete(url);
            const key = keys.get(url) ?? null;
            if (key === null) {
              missingSince.set(url, at);
              known.set(url, MISSING);
            } else {
              missingSince.delete(url);
              known.set(url, { status: 'stored', src: `/avatars/${key}` });
            }
          }
          inFlight -= 1;
          changed();
          pump();
        });
    }
  }

  function ask(url: string): void {
    if (asked.has(url)) return;
    asked.add(url);
    queue.push(url);
    if (!scheduled) {
      scheduled = true;
      // Every face one render shows goes in the same call.
      queueMicrotask(pump);
    }
  }

  return {
    state: (url) => {
      return known.get(url) ?? MISSING;
    },
    request: (url) => {
      if (known.get(url)?.status === 'stored') return;
      const since = missingSince.get(url);
      if (since === undefined || options.now() - since >= retryAfterMs) ask(url);
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
