import type { Clock } from './clock';

/** How long quitting waits for the page to confirm its drafts are stored (a hung page: no longer). */
export const QUIT_WAIT_MS = 5_000;

/** Why quitting went ahead. */
export type QuitRelease =
  { readonly reason: 'confirmed'; readonly unstored: number } | { readonly reason: 'timeout' };

export interface QuitGuardOptions {
  readonly clock: Pick<Clock, 'setTimer'>;
  /** Asks the page to store its drafts (`app:flushBeforeQuit`); false when there is no page. */
  readonly askPage: (requestId: string) => boolean;
  /** Quits for real (`app.quit()` again in Electron). */
  readonly quit: (release: QuitRelease) => void;
  readonly log: (message: string) => void;
  readonly timeoutMs?: number;
}

export interface QuitGuard {
  /**
   * Quitting has begun (Electron's `before-quit`). `wait`: hold it (the page was asked to store
   * its drafts, or already is); `go`: let it happen (the page answered, gave up waiting, or there
   * is no page).
   */
  beforeQuit(): 'wait' | 'go';
  /** The page's answer (`app:flushed`). Only the answer to the request in flight counts. */
  flushed(answer: { requestId: string; unstored: number }): { quitting: boolean };
}

type State =
  | { readonly phase: 'running' }
  | { readonly phase: 'waiting'; readonly requestId: string; readonly cancelTimer: () => void }
  | { readonly phase: 'released' };

/**
 * Makes quitting the desktop app wait until the page has stored every draft and note it still
 * holds (they are written ahead in the page's storage anyway; this puts them in IndexedDB), or
 * until `timeoutMs` has passed. A second quit while waiting does not ask again.
 */
export function createQuitGuard(options: QuitGuardOptions): QuitGuard {
  const timeoutMs = options.timeoutMs ?? QUIT_WAIT_MS;
  let state: State = { phase: 'running' };
  let requests = 0;

  const release = (why: QuitRelease): void => {
    state = { phase: 'released' };
    options.quit(why);
  };

  return {
    beforeQuit() {
      if (state.phase === 'released') return 'go';
      if (state.phase === 'waiting') return 'wait';
      const requestId = `quit-${++requests}`;
      if (!options.askPage(requestId)) {
        state = { phase: 'released' };
        return 'go';
      }
      const cancelTimer = options.clock.setTimer(() => {
        if (state.phase !== 'waiting' || state.requestId !== requestId) return;
        options.log(
          `quit: the page did not confirm its drafts were stored within ${timeoutMs} ms; quitting anyway (they stay written ahead in its storage)`,
        );
        release({ reason: 'timeout' });
      }, timeoutMs);
      state = { phase: 'waiting', requestId, cancelTimer };
      return 'wait';
    },
    flushed({ requestId, unstored }) {
      if (state.phase !== 'waiting' || state.requestId !== requestId) {
        return { quitting: state.phase === 'released' };
      }
      state.cancelTimer();
      if (unstored > 0) {
        options.log(`quit: ${unstored} draft(s) could not be stored; they stay written ahead`);
      }
      release({ reason: 'confirmed', unstored });
      return { quitting: true };
    },
  };
}
