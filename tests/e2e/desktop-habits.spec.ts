import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startHost } from '../host/host-server';
import type { RunningHost } from '../host/host-server';
import { conversations, passWelcome, seriousA11yViolations } from './support/app';

// "Open Slowpost when you log in" and "Start in the tray" are kept by main (the loopback host
// runs the same service, with a system that records what it was told).

const rendererDir = join(__dirname, '../../out/renderer');

async function openSettings(page: Page, host: RunningHost) {
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await expect(conversations(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const habits = settings.getByRole('group', { name: 'On this computer' });
  await expect(habits.getByText('Deliveries only arrive while Slowpost runs')).toBeVisible();
  return { settings, habits };
}

test('both habits are stored by main, the login item is applied, and a reload keeps them', async ({
  page,
}) => {
  const host = await startHost({ rendererDir, port: 0 });
  try {
    let { settings, habits } = await openSettings(page, host);
    const atLogin = habits.getByRole('checkbox', { name: 'Open Slowpost when you log in' });
    const inTray = habits.getByRole('checkbox', {
      name: 'Start in the tray (no window until you open it)',
    });
    await expect(atLogin).not.toBeChecked();
    await expect(inTray).not.toBeChecked();
    await atLogin.check();
    await inTray.check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings).toBeHidden();
    expect(host.loginItems).toEqual([true]);

    await page.reload();
    ({ settings, habits } = await openSettings(page, host));
    await expect(atLogin).toBeChecked();
    await expect(inTray).toBeChecked();
    await atLogin.uncheck();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings).toBeHidden();
    expect(host.loginItems).toEqual([true, false]);
  } finally {
    await host.close();
  }
});

test('where the system has no login items, Settings says so; a damaged file is explained', async ({
  page,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'slowpost-habits-'));
  await writeFile(join(dir, 'desktop-habits.json'), '{"openAtLogin": "yes"');
  const host = await startHost({ rendererDir, port: 0, vaultDir: dir, loginItemsSupported: false });
  try {
    const { settings, habits } = await openSettings(page, host);
    const atLogin = habits.getByRole('checkbox', { name: 'Open Slowpost when you log in' });
    await expect(atLogin).toBeDisabled();
    await expect(atLogin).toHaveAccessibleDescription(
      /does not let apps add themselves to start at login/,
    );
    await expect(habits).toContainText(
      /could not read your choices for opening at login and starting in the tray \(the file is not JSON\)/,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    await habits.getByRole('checkbox', { name: /^Start in the tray/ }).check();
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await expect(settings).toBeHidden();
    expect(host.loginItems).toEqual([]);
  } finally {
    await host.close();
    await rm(dir, { recursive: true, force: true });
  }
});
