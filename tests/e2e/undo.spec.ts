import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  conversations,
  openInbox,
  passWelcome,
  readAll,
  seriousA11yViolations,
} from './support/app';
import { moveClocks, startTimedHost } from './support/test-host';

const selected = (page: Page) =>
  page
    .getByRole('listbox', { name: 'Conversations' })
    .locator('[role="option"][aria-selected="true"]');
const toolbarUndo = (page: Page) =>
  page.getByRole('toolbar', { name: 'Triage' }).getByRole('button', { name: /^Undo/ });
const composer = (page: Page) => page.getByRole('textbox', { name: /^Your reply to / });

test('u and the toolbar Undo take back a reply just sent: its text is the draft again', async ({
  page,
}) => {
  await openInbox(page);
  // A long cooling-off, so the reply certainly has not left while the test runs.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('spinbutton', { name: 'Cooling-off delay in seconds' }).fill('600');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();

  for (const how of ['key', 'toolbar'] as const) {
    const first = (await selected(page).textContent()) ?? '';
    await page.keyboard.press('r');
    await expect(composer(page)).toBeFocused();
    const text = `Thank you, this was lovely (${how}).`;
    await composer(page).fill(text);
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(composer(page)).toBeHidden();
    await expect(conversations(page).filter({ hasText: first })).toHaveCount(0);

    await expect(toolbarUndo(page)).toBeEnabled();
    if (how === 'key') {
      await page.locator('body').focus();
      await page.keyboard.press('u');
    } else {
      await toolbarUndo(page).click();
    }
    // The reply is taken back: its text is the draft again, open in the composer.
    await expect(composer(page)).toHaveValue(text);
    const entries = await readAll<{ text: string; state: string }>(page, 'outbox');
    expect(entries.filter((e) => e.text === text).map((e) => e.state)).toEqual(['cancelled']);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Back' }).click();
    await expect(composer(page)).toBeHidden();
    // The conversation waits again, where it was.
    await expect(selected(page)).toHaveText(first);
    await page.keyboard.press('j');
  }
});

test('a reply that has gone out cannot be undone: Undo goes back to the action before it', async ({
  page,
}) => {
  await openInbox(page);
  const first = (await selected(page).textContent()) ?? '';
  await page.keyboard.press('l');
  await expect(selected(page)).not.toHaveText(first);
  await page.keyboard.press('r');
  await composer(page).fill('Thank you, sent at once.');
  await page.getByRole('radio', { name: 'Now' }).check();
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByRole('region', { name: 'Reply on its way' })).toContainText('was sent');
  // The toolbar's Undo now reverses "Reply later", the last action that can still be undone.
  await toolbarUndo(page).click();
  await expect(selected(page)).toHaveText(first);
  await expect(composer(page)).toBeHidden();
  await expect(toolbarUndo(page)).toBeDisabled();
});

test('Undo has nothing to offer at the start of the next delivery', async ({ page }) => {
  const at = (hh: number) => Date.UTC(2026, 10, 25, hh);
  const host = await startTimedHost(at(6));
  try {
    await page.clock.install({ time: at(6) });
    await page.goto(`${host.origin}/`);
    await passWelcome(page);
    // A conversation is selected and shown: `e` has something to act on.
    await expect(selected(page)).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Write a reply to / })).toBeVisible();
    await page.keyboard.press('e');
    await expect(toolbarUndo(page)).toBeEnabled();
    await page.getByRole('button', { name: 'Done for now' }).click();
    await page.getByRole('button', { name: 'Close until the next delivery' }).click();

    await moveClocks(page, host, at(7));
    await page.getByRole('button', { name: 'Open early…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Open the inbox early?' });
    await dialog.getByRole('textbox', { name: 'What brings you here now?' }).fill('Mira');
    await page.clock.runFor(10_000);
    await dialog.getByRole('button', { name: 'Open now' }).click();
    await expect(page.getByRole('region', { name: 'This delivery' })).toContainText(
      'Opened early at 07:00',
    );
    await expect(conversations(page).first()).toBeVisible();
    // Nothing of this session was done yet: there is nothing to undo.
    await expect(toolbarUndo(page)).toBeDisabled();
    await expect(selected(page)).toHaveCount(1);
    await expect(page.getByRole('button', { name: /^Write a reply to / })).toBeVisible();
    await page.keyboard.press('e');
    await expect(toolbarUndo(page)).toBeEnabled();
  } finally {
    await host.close();
  }
});
