import { describe, expect, it } from 'vitest';
import { createDesktopHabits, recordingLoginItems } from './desktop-habits';
import type { TextFile } from '../window/window-state';

function memoryFile(initial: string | null = null): TextFile & { text: string | null } {
  const file = {
    text: initial,
    read: () => Promise.resolve(file.text),
    write: (text: string) => {
      file.text = text;
      return Promise.resolve();
    },
  };
  return file;
}

describe('desktop habits', () => {
  it('are both off until chosen', async () => {
    const habits = createDesktopHabits({ file: memoryFile(), loginItems: recordingLoginItems() });
    expect(await habits.status()).toEqual({
      habits: { openAtLogin: false, startInTray: false },
      openAtLoginSupported: true,
      problem: null,
    });
    expect(await habits.startInTray()).toBe(false);
  });

  it('stores the choices, applies the login item, and reads them back after a restart', async () => {
    const file = memoryFile();
    const loginItems = recordingLoginItems();
    const first = createDesktopHabits({ file, loginItems });
    const saved = await first.set({ openAtLogin: true, startInTray: true });
    expect(saved.habits).toEqual({ openAtLogin: true, startInTray: true });
    expect(loginItems.applied).toEqual([true]);
    expect(JSON.parse(file.text ?? '')).toEqual({ openAtLogin: true, startInTray: true });

    const again = createDesktopHabits({ file, loginItems });
    expect(await again.startInTray()).toBe(true);
    expect((await again.status()).habits.openAtLogin).toBe(true);
  });

  it('a damaged file means the defaults, with a sentence saying so; saving clears it', async () => {
    for (const text of ['{not json', '{"openAtLogin":"yes","startInTray":true}', '[]']) {
      const logged: string[] = [];
      const habits = createDesktopHabits({
        file: memoryFile(text),
        loginItems: recordingLoginItems(),
        log: (m) => logged.push(m),
      });
      const status = await habits.status();
      expect(status.habits).toEqual({ openAtLogin: false, startInTray: false });
      expect(status.problem).toMatch(/could not read your choices .* so both are off/);
      expect(await habits.startInTray()).toBe(false);
      expect(logged).toHaveLength(1);
      expect((await habits.set({ openAtLogin: false, startInTray: true })).problem).toBeNull();
    }
  });

  it('where the system has no login items, open-at-login stays off and nothing is applied', async () => {
    const loginItems = recordingLoginItems(false);
    const habits = createDesktopHabits({ file: memoryFile(), loginItems });
    const status = await habits.set({ openAtLogin: true, startInTray: true });
    expect(status).toMatchObject({
      habits: { openAtLogin: false, startInTray: true },
      openAtLoginSupported: false,
    });
    expect(loginItems.applied).toEqual([]);
  });

  it('the system’s own answer wins: a login item removed there shows as off', async () => {
    const loginItems = recordingLoginItems();
    const habits = createDesktopHabits({ file: memoryFile(), loginItems });
    await habits.set({ openAtLogin: true, startInTray: false });
    loginItems.applied.push(false); // the user removed it in the system's settings
    expect((await habits.status()).habits.openAtLogin).toBe(false);
  });
});
