import { useEffect } from 'react';
import { SESSION_STEP_MS, sessionStepMs } from '@shared/week';
import type { SlowpostDb } from '../db/database';
import { addSessionTime } from '../db/repositories/session-time';

/**
 * Records the time a review session is on screen (`sessionId` non-null: the session is in front)
 * while the window is visible, in steps of `SESSION_STEP_MS`: a reload or a crash loses at most a
 * step, a hidden window (in the tray, minimised) or a sleeping computer adds nothing, and an inbox
 * left open while nobody looks at it is not counted as time spent in it.
 */
export function useSessionTime(db: SlowpostDb, sessionId: string | null): void {
  useEffect(() => {
    if (sessionId === null) return;
    const visible = (): boolean => document.visibilityState === 'visible';
    let last: number | null = visible() ? Date.now() : null;
    const step = (): void => {
      if (last === null) return;
      const now = Date.now();
      const ms = sessionStepMs(last, now);
      last = now;
      if (ms > 0) {
        void addSessionTime(db, sessionId, now - ms, now).catch((error: unknown) => {
          console.warn('Time in the session was not recorded:', error);
        });
      }
    };
    const timer = window.setInterval(step, SESSION_STEP_MS);
    const onVisibility = (): void => {
      if (visible()) {
        last ??= Date.now();
      } else {
        step();
        last = null;
      }
    };
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', step);
    return () => {
      step();
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', step);
    };
  }, [db, sessionId]);
}
