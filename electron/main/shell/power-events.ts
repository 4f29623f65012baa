import { powerMonitor } from 'electron';

/**
 * Electron glue: timers do not run while the machine sleeps, so the clock looks again on resume
 * and unlock (one catch-up delivery, never a burst).
 */
export function onWake(callback: () => void): void {
  powerMonitor.on('resume', callback);
  powerMonitor.on('unlock-screen', callback);
}
