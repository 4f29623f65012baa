import { createContext, useContext, useEffect, useSyncExternalStore } from 'react';
import { bridge } from '../bridge/bridge';
import { createAvatarKeys, type AvatarKeys, type AvatarState } from './avatar-keys';

/** The page's one record of stored avatars (tests give their own). */
export const AvatarKeysContext = createContext<AvatarKeys | null>(null);

let shared: AvatarKeys | null = null;
function pageAvatarKeys(): AvatarKeys {
  shared ??= createAvatarKeys({
    store: (urls) => bridge.avatars.store({ urls }),
    now: () => Date.now(),
  });
  return shared;
}

const NONE: AvatarState = { status: 'missing' };

/** Where the page shows this avatar from (`/avatars/<key>`), or `missing` for the placeholder. */
export function useAvatar(url: string | null | undefined): AvatarState {
  const keys = useContext(AvatarKeysContext) ?? pageAvatarKeys();
  const state = useSyncExternalStore(keys.subscribe, () =>
    url === null || url === undefined ? NONE : keys.state(url),
  );
  // Asking main happens after the render, never during it.
  useEffect(() => {
    if (url !== null && url !== undefined) keys.request(url);
  }, [keys, url]);
  return state;
}
