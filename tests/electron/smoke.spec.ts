import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { SMOKE_SKIP_REASON as SKIP_REASON, electronBinary } from '../../scripts/electron-binary';
import { CHANNELS, EVENT_NAMES } from '@shared/ipc/contract';
import { passWelcome } from '../e2e/support/app';

const binary = electronBinary();
/** The bridge exposes one object per domain of the contract (`domain:verb`), nothing else. */
const BRIDGE_DOMAINS = [
  ...new Set([...CHANNELS, ...EVENT_NAMES].map((name) => name.split(':')[0] ?? name)),
].sort();
test.skip(binary === null, SKIP_REASON);

test('the desktop app opens the demo inbox in a secure window', async () => {
  const app = await electron.launch({
    executablePath: binary ?? undefined,
    args: [join(__dirname, '../..')],
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '1' },
  });
  try {
    const window = await app.firstWindow();
    // On a fresh profile the first-run welcome comes first: answered with its real button.
    await passWelcome(window);
    await expect(
      window.getByRole('listbox', { name: 'Conversations' }).getByRole('option').first(),
    ).toBeVisible({
      timeout: 30_000,
    });
    const url = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()[0]?.webContents.getURL(),
    );
    expect(url).toMatch(/^app:\/\/slowpost\//);
    // The page has no Node.js and only the named bridge.
    expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe(
      'undefined',
    );
    expect(
      await window.evaluate(() =>
        Object.keys((window as unknown as { slowpost: object }).slowpost).sort(),
      ),
    ).toEqual(BRIDGE_DOMAINS);
  } finally {
    await app.close();
  }
});
