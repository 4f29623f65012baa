import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, createWindowStateStore } from './window-state';
import type { TextFile } from './window-state';

function memoryFile(initial: string | null): TextFile & { text: string | null } {
  const file = {
    text: initial,
    read: async () => file.text,
    write: async (text: string) => {
      file.text = text;
    },
  };
  return file;
}

const display = { x: 0, y: 0, width: 1920, height: 1080 };

describe('window state', () => {
  it('remembers size, position and maximized state', async () => {
    const file = memoryFile(null);
    const store = createWindowStateStore(file);
    await store.save({ x: 100, y: 80, width: 1000, height: 700, maximized: true });
    expect(await store.load([display])).toEqual({
      x: 100,
      y: 80,
      width: 1000,
      height: 700,
      maximized: true,
    });
  });

  it('uses the default size on first run and for a corrupt file, and says why', async () => {
    const messages: string[] = [];
    expect(await createWindowStateStore(memoryFile(null)).load([display])).toEqual(
      DEFAULT_WINDOW_STATE,
    );
    expect(
      await createWindowStateStore(memoryFile('{not json'), (m) => messages.push(m)).load([
        display,
      ]),
    ).toEqual(DEFAULT_WINDOW_STATE);
    const bad = JSON.stringify({ width: 'wide', height: 10, maximized: false });
    expect(
      await createWindowStateStore(memoryFile(bad), (m) => messages.push(m)).load([display]),
    ).toEqual(DEFAULT_WINDOW_STATE);
    expect(messages[1]).toMatch(/width: .*height: /);
  });

  it('never opens off-screen when the display it was on is gone', async () => {
    const file = memoryFile(
      JSON.stringify({ x: 2500, y: 100, width: 900, height: 600, maximized: false }),
    );
    expect(await createWindowStateStore(file).load([display])).toEqual({
      width: 900,
      height: 600,
      maximized: false,
    });
    const second = { x: 1920, y: 0, width: 1920, height: 1080 };
    expect(await createWindowStateStore(file).load([display, second])).toMatchObject({
      x: 2500,
      y: 100,
    });
  });
});
