import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openInbox, seriousA11yViolations } from './support/app';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const editor = page.getByRole('dialog', { name: 'Settings' });
  await expect(editor.getByRole('button', { name: 'Save settings' })).toBeVisible();
  return editor;
}

test('times may be typed without a leading zero: 9:00 is 09:00', async ({ page }) => {
  await openInbox(page);
  let editor = await openSettings(page);
  await editor.getByRole('textbox', { name: 'Monday delivery times' }).fill('9:00, 13:00 7:30');
  await editor.getByRole('button', { name: 'Add a focus window' }).click();
  await editor.getByRole('textbox', { name: 'Focus window 1 from' }).fill('8:00');
  await editor.getByRole('textbox', { name: 'Focus window 1 until' }).fill('9:15');
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(editor).toBeHidden();

  editor = await openSettings(page);
  await expect(editor.getByRole('textbox', { name: 'Monday delivery times' })).toHaveValue(
    '07:30, 09:00, 13:00',
  );
  await expect(editor.getByRole('textbox', { name: 'Focus window 1 from' })).toHaveValue('08:00');
  await expect(editor.getByRole('textbox', { name: 'Focus window 1 until' })).toHaveValue('09:15');
});
