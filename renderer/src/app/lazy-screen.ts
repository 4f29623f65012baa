import { useEffect, useSyncExternalStore } from 'react';
import type { ComponentType } from 'react';

/**
 * A screen whose code is loaded on demand (its own chunk), so the first view does not wait for it.
 *
 * Not `React.lazy`: a lazy component suspends on its first render even when its module is already
 * in memory (React only learns the module on a later tick), so a prefetched screen would still
 * show its Suspense fallback for a frame. Once loaded, this one renders at once, in the same
 * commit as whatever opened it: a dialog opens with its focus handling as if it had never been
 * apart.
 */
export interface LazyScreen<P extends object> {
  /** Loads the screen's code (once; again after a failure). Resolves when it can render at once. */
  readonly load: () => Promise<void>;
  /** The screen's component once loaded, null before. */
  readonly loaded: () => ComponentType<P> | null;
  /** Tells when the screen has loaded. */
  readonly subscribe: (listener: () => void) => () => void;
}

export function lazyScreen<P extends object>(
  importer: () => Promise<ComponentType<P>>,
): LazyScreen<P> {
  let component: ComponentType<P> | null = null;
  let loading: Promise<void> | null = null;
  const listeners = new Set<() => void>();
  return {
    load: () => {
      loading ??= importer().then(
        (loadedComponent) => {
          component = loadedComponent;
          for (const listener of listeners) listener();
        },
        (error: unknown) => {
          loading = null; // the next want tries again
          console.error('Slowpost could not load a screen:', error);
        },
      );
      return loading;
    },
    loaded: () => component,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * The screen's component once its code is here (null until then), loading it as soon as it is
 * `wanted`. A screen prefetched meanwhile is simply here.
 */
export function useLazyScreen<P extends object>(
  screen: LazyScreen<P>,
  wanted: boolean,
): ComponentType<P> | null {
  const component = useSyncExternalStore(screen.subscribe, screen.loaded);
  useEffect(() => {
    if (wanted && component === null) void screen.load();
  }, [screen, wanted, component]);
  return component;
}
