import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/host-server';
import { conversations, readRecord, welcomeDialog, writeRecords } from './support/app';
import { closeInbox } from './support/live-accounts';
import { startTimedHost } from './support/test-host';

// Wednesday 25 November 2026, London (UTC in winter).
const at = (hh: number, mm = 0, day = 25) => Date.UTC(2026, 10, day, hh, mm);

test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

/** Every axe violation, whatever its impact. */
async function a11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) =>
      `${v.impact ?? ''} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

const closedHeading = (page: Page) =>
  page.getByRole('heading', { name: 'The inbox is closed until the next delivery' });

/** The delivery times Settings shows for a day ("08:30, 17:30"). */
async function settingsTimes(page: Page, day: string): Promise<string> {
  const editor = page.getByRole('dialog', { name: 'Settings' });
  const times = editor.getByRole('group', { name: `${day} delivery times` }).locator('input');
  const values = await times.evaluateAll((inputs) =>
    inputs.map((input) => (input as HTMLInputElement).value),
  );
  return values.join(', ');
}

test('the welcome comes on the first open only; Skip keeps the default schedule and opens the demo', async ({
  page,
}) => {
  await page.goto('/');
  const welcome = welcomeDialog(page);
  await expect(welcome).toBeVisible();
  await expect(welcome.getByRole('heading', { name: 'Welcome to Slowpost' })).toBeFocused();
  // Nothing loads behind it until it is answered.
  await expect(conversations(page)).toHaveCount(0);
  await expect(welcome.getByRole('radio', { name: /Three a day/ })).toBeChecked();
  await expect(welcome.getByRole('status')).toHaveText(
    'Deliveries every day at 09:00, 13:00 and 18:00. You can change this any time in Settings.',
  );
  expect(await a11yViolations(page)).toEqual([]);

  // Choices made and then skipped are not kept.
  await welcome.getByRole('radio', { name: /Once a day/ }).check();
  await welcome.getByRole('button', { name: 'Skip' }).click();
  await expect(welcome).toBeHidden();
  await expect(conversations(page).first()).toBeVisible();
  await expect(page.getByRole('note', { name: 'Demo network' })).toBeVisible();
  expect(await readRecord(page, 'settings', 'schedule')).toBeUndefined();
  expect(await readRecord(page, 'settings', 'welcome')).toMatchObject({
    value: { choice: 'skipped' },
  });

  await page.getByRole('button', { name: 'Settings' }).click();
  expect(await settingsTimes(page, 'Monday')).toBe('09:00, 13:00, 18:00');
  await page.keyboard.press('Escape');

  await page.reload();
  await expect(conversations(page).first()).toBeVisible();
  await expect(welcomeDialog(page)).toHaveCount(0);
});

test('Twice a day with deep-work mornings: Settings shows those times and the delivery clock uses them', async ({
  page,
}) => {
  const host: RunningHost = await startTimedHost(at(10));
  try {
    await page.clock.install({ time: at(10) });
    await page.goto(`${host.origin}/`);
    const welcome = welcomeDialog(page);
    await welcome.getByRole('radio', { name: /Twice a day/ }).check();
    await welcome.getByRole('checkbox', { name: /Deep-work mornings/ }).check();
    await expect(welcome.getByRole('status')).toContainText(
      'Deliveries every day at 08:30 and 17:30.',
    );
    await welcome.getByRole('button', { name: 'Explore the demo' }).click();
    await expect(welcome).toBeHidden();
    await expect(conversations(page).first()).toBeVisible();

    // Main's delivery clock has the chosen schedule: after 10:00 comes 17:30, not 13:00.
    await closeInbox(page);
    await expect(closedHeading(page)).toBeVisible();
    await expect(page.getByText('Your next delivery comes today at 17:30.')).toBeVisible();
    await expect(page.getByText('Focus time until 12:00.')).toBeVisible();

    await page.getByRole('button', { name: 'Settings' }).click();
    const editor = page.getByRole('dialog', { name: 'Settings' });
    for (const day of ['Monday', 'Wednesday', 'Sunday']) {
      expect(await settingsTimes(page, day)).toBe('08:30, 17:30');
    }
    await expect(editor.getByRole('textbox', { name: 'Focus window 1 name' })).toHaveValue(
      'Deep work',
    );
    await expect(editor.getByLabel('Focus window 1 from')).toHaveValue('09:00');
    await expect(editor.getByLabel('Focus window 1 until')).toHaveValue('12:00');
  } finally {
    await host.close();
  }
});

test('the closed inbox says when a focus window moved the next delivery', async ({ page }) => {
  const host: RunningHost = await startTimedHost(at(6));
  try {
    await page.clock.install({ time: at(6) });
    await page.goto(`${host.origin}/`);
    const welcome = welcomeDialog(page);
    await welcome.getByRole('checkbox', { name: /Deep-work mornings/ }).check();
    await expect(welcome.getByRole('status')).toContainText(
      'Deliveries on weekdays at 12:00, 13:00 and 18:00, and at weekends at 09:00, 13:00 and 18:00.',
    );
    await welcome.getByRole('button', { name: 'Explore the demo' }).click();
    await closeInbox(page);
    await expect(
      page.getByText(
        'Your next delivery comes today at 12:00 — moved from 09:00, after your deep work window.',
      ),
    ).toBeVisible();
    expect(await a11yViolations(page)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.screenshot({
        path: join(__dirname, 'screenshots', `closed-inbox-moved-${scheme}.png`),
      });
    }
  } finally {
    await host.close();
  }
});

test('Connect an account leads to adding one; the demo can still be loaded later', async ({
  page,
}) => {
  await page.goto('/');
  const welcome = welcomeDialog(page);
  await welcome.getByRole('button', { name: 'Connect an account…' }).click();
  await expect(welcome).toBeHidden();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  await settings.getByRole('button', { name: 'Add a Mastodon account…' }).click();
  await expect(settings.getByRole('textbox', { name: /server/i })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  // No demo was loaded; the empty inbox offers it.
  await expect(page.getByRole('heading', { name: 'Your inbox is empty' })).toBeVisible();
  await expect(conversations(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your inbox is empty' })).toBeVisible();
  await expect(welcomeDialog(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Load the demo network' }).click();
  await expect(conversations(page).first()).toBeVisible();
});

test('the welcome works with the keyboard alone, and Escape skips it', async ({ page }) => {
  await page.goto('/');
  const welcome = welcomeDialog(page);
  await expect(welcome.getByRole('heading', { name: 'Welcome to Slowpost' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(welcome.getByRole('radio', { name: /Three a day/ })).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(welcome.getByRole('radio', { name: /Twice a day/ })).toBeChecked();
  await page.keyboard.press('Tab');
  await expect(welcome.getByRole('checkbox', { name: /Deep-work mornings/ })).toBeFocused();
  await page.keyboard.press('Space');
  await expect(welcome.getByRole('checkbox', { name: /Deep-work mornings/ })).toBeChecked();
  await expect(welcome.getByRole('status')).toContainText(
    'Deliveries every day at 08:30 and 17:30.',
  );
  // Tab never reaches the app behind the welcome (it is inert); past the last button focus
  // leaves the page for the browser, as with any modal dialog, and comes back into the welcome.
  for (let i = 0; i < 10; i++) {
    await page.keyboard.press('Tab');
    expect(
      await welcome.evaluate(
        (d) => d.contains(document.activeElement) || document.activeElement === document.body,
      ),
    ).toBe(true);
  }
  await page.keyboard.press('Escape');
  await expect(welcome).toBeHidden();
  await expect(conversations(page).first()).toBeVisible();
  // Escape is Skip: the choices made were not kept.
  expect(await readRecord(page, 'settings', 'schedule')).toBeUndefined();
  await page.reload();
  await expect(conversations(page).first()).toBeVisible();
  await expect(welcomeDialog(page)).toHaveCount(0);
});

test('the keyboard can choose and explore the demo', async ({ page }) => {
  await page.goto('/');
  const welcome = welcomeDialog(page);
  await expect(welcome.getByRole('heading', { name: 'Welcome to Slowpost' })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(welcome.getByRole('radio', { name: /Once a day/ })).toBeChecked();
  const explore = welcome.getByRole('button', { name: 'Explore the demo' });
  while (!(await explore.evaluate((b) => b === document.activeElement))) {
    await page.keyboard.press('Tab');
  }
  await page.keyboard.press('Enter');
  await expect(conversations(page).first()).toBeVisible();
  expect(await readRecord(page, 'settings', 'schedule')).toMatchObject({
    value: { schedule: { deliveries: { '1': ['18:00'], '7': ['18:00'] }, focusWindows: [] } },
  });
});

test('a welcome setting that cannot be read never shows the welcome again', async ({ page }) => {
  await page.goto('/');
  await expect(welcomeDialog(page)).toBeVisible();
  await writeRecords(page, 'settings', [
    { key: 'welcome', version: 1, value: { choice: 'maybe' }, updatedAt: Date.now() },
  ]);
  await page.reload();
  await expect(conversations(page).first()).toBeVisible();
  await expect(welcomeDialog(page)).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Settings that could not be read' })).toContainText(
    'whether you have seen the welcome',
  );
});

test('screenshots of the welcome, light and dark, wide and narrow', async ({ page }) => {
  await page.goto('/');
  const welcome = welcomeDialog(page);
  await welcome.getByRole('checkbox', { name: /Deep-work mornings/ }).check();
  for (const width of [1280, 760]) {
    await page.setViewportSize({ width, height: 800 });
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      expect(await a11yViolations(page)).toEqual([]);
      await page.screenshot({
        path: join(__dirname, 'screenshots', `welcome-${width}-${scheme}.png`),
      });
    }
  }
});
