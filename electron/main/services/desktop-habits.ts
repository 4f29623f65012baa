import {
  DesktopHabitsSchema,
  type DesktopHabits,
  type DesktopHabitsStatus,
} from '@shared/ipc/contract';
import { parseUnknown } from '@shared/validation/parse-unknown';
import type { TextFile } from '../window/window-state';

export const DEFAULT_DESKTOP_HABITS: DesktopHabits = Object.freeze({
  openAtLogin: false,
  startInTray: false,
});

/**
 * The operating system's side of "open at login": Electron's `app.setLoginItemSettings` in the
 * app, a recorder in tests and the loopback host.
 */
export interface LoginItems {
  /** False where the system has no login items Slowpost can set (Linux). */
  readonly supported: boolean;
  /** What the system says now (the user may have changed it there), or null if it cannot say. */
  read(): boolean | null;
  apply(openAtLogin: boolean): void;
}

export interface DesktopHabitsService {
  status(): Promise<DesktopHabitsStatus>;
  set(habits: DesktopHabits): Promise<DesktopHabitsStatus>;
  /** Whether this launch starts in the tray, without a window. */
  startInTray(): Promise<boolean>;
}

/**
 * "Open Slowpost when you log in" and "Start in the tray": kept in a small JSON file in the app's
 * data folder (checked with zod; a damaged file means the defaults, and the user is told why),
 * the login item applied through the system's own setting.
 */
export function createDesktopHabits(options: {
  readonly file: TextFile;
  readonly loginItems: LoginItems;
  readonly log?: (message: string) => void;
}): DesktopHabitsService {
  const log = options.log ?? (() => undefined);
  let loaded: { habits: DesktopHabits; problem: string | null } | null = null;

  async function load(): Promise<{ habits: DesktopHabits; problem: string | null }> {
    if (loaded !== null) return loaded;
    const damaged = (why: string) => {
      const problem = `Slowpost could not read your choices for opening at login and starting in the tray (${why}), so both are off until you save them again.`;
      log(`desktop habits: ${why}`);
      return { habits: DEFAULT_DESKTOP_HABITS, problem };
    };
    let text: string | null;
    try {
      text = await options.file.read();
    } catch (error) {
      loaded = damaged(`the file could not be read: ${String(error)}`);
      return loaded;
    }
    if (text === null) {
      loaded = { habits: DEFAULT_DESKTOP_HABITS, problem: null };
      return loaded;
    }
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch {
      loaded = damaged('the file is not JSON');
      return loaded;
    }
    const parsed = parseUnknown(DesktopHabitsSchema, raw, 'desktop habits');
    loaded = parsed.ok ? { habits: parsed.value, problem: null } : damaged(parsed.error);
    return loaded;
  }

  function statusOf(state: { habits: DesktopHabits; problem: string | null }): DesktopHabitsStatus {
    const supported = options.loginItems.supported;
    // The system's own answer wins: the user may have removed the login item there.
    const fromSystem = supported ? options.loginItems.read() : null;
    return {
      habits: {
        ...state.habits,
        openAtLogin: supported ? (fromSystem ?? state.habits.openAtLogin) : false,
      },
      openAtLoginSupported: supported,
      problem: state.problem,
    };
  }

  return {
    async status() {
      return statusOf(await load());
    },
    async set(habits) {
      const next = {
        openAtLogin: options.loginItems.supported ? habits.openAtLogin : false,
        startInTray: habits.startInTray,
      };
      await options.file.write(JSON.stringify(next));
      loaded = { habits: next, problem: null };
      if (options.loginItems.supported) options.loginItems.apply(next.openAtLogin);
      return statusOf(loaded);
    },
    async startInTray() {
      return (await load()).habits.startInTray;
    },
  };
}

/** Login items that remember what was applied (tests, and the loopback host). */
export function recordingLoginItems(
  supported = true,
): LoginItems & { readonly applied: boolean[] } {
  const applied: boolean[] = [];
  return {
    supported,
    applied,
    read: () => (applied.length === 0 ? null : (applied[applied.length - 1] ?? null)),
    apply: (openAtLogin) => {
      applied.push(openAtLogin);
    },
  };
}
