import { lazyScreen } from './lazy-screen';

// The screens the first view does not show, each in its own chunk. The first view (the session,
// the closed inbox or the empty inbox) loads without them; once it is painted, the page fetches
// them while idle, so opening one later never waits.

export const settingsDialog = lazyScreen(() =>
  import('../features/settings/SettingsDialog').then((m) => m.SettingsDialog),
);

export const deliveryHistory = lazyScreen(() =>
  import('../features/deliveries/DeliveryHistory').then((m) => m.DeliveryHistory),
);

export const composerScreen = lazyScreen(() =>
  import('../features/compose/ComposerScreen').then((m) => m.ComposerScreen),
);

export const repliesPage = lazyScreen(() =>
  import('../features/replies/RepliesPage').then((m) => m.RepliesPage),
);

export const weekPage = lazyScreen(() =>
  import('../features/week/WeekPage').then((m) => m.WeekPage),
);
export const searchDialog = lazyScreen(() =>
  import('../features/search/SearchDialog').then((m) => m.SearchDialog),
);

/** Only on the very first open: never prefetched. */
export const welcome = lazyScreen(() =>
  import('../features/welcome/Welcome').then((m) => m.Welcome),
);

const LATER_SCREENS = [
  settingsDialog,
  deliveryHistory,
  composerScreen,
  repliesPage,
  weekPage,
  searchDialog,
];

/** How long the page may stay busy before the screens load anyway. */
const PREFETCH_TIMEOUT_MS = 2000;

/**
 * Loads every later screen when the page is next idle, one at a time (each is parsed and run
 * on the page's thread: one at a time leaves room for input between them). Returns a cancel.
 */
export function prefetchLaterScreens(): () => void {
  let cancelled = false;
  let handle: number | null = null;
  const next = (index: number): void => {
    const screen = LATER_SCREENS[index];
    if (cancelled || screen === undefined) return;
    handle = requestIdleCallback(
      () => {
        handle = null;
        void screen.load().then(() => next(index + 1));
      },
      { timeout: PREFETCH_TIMEOUT_MS },
    );
  };
  next(0);
  return () => {
    cancelled = true;
    if (handle !== null) cancelIdleCallback(handle);
  };
}
