import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openInbox, seriousA11yViolations } from './support/app';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings' }).click();
  const editor = page.getByRole('dialog', { name: 'Settings' });
  await expect(editor.getByRole('button', { name: 'Save settings' })).toBeVisible();
  return editor;
}

test('a bad value in Settings is explained next to its field, in view, and the field gets focus', async ({
  page,
}) => {
  await openInbox(page);
  const editor = await openSettings(page);
  const sunday = editor.getByRole('textbox', { name: 'Sunday delivery times' });
  await sunday.fill('25:00');
  await editor.getByRole('button', { name: 'Save settings' }).click();

  await expect(sunday).toBeFocused();
  await expect(sunday).toHaveAttribute('aria-invalid', 'true');
  await expect(sunday).toHaveAccessibleDescription(/"25:00" is not a time of day/);
  await expect(editor.getByText(/"25:00" is not a time of day/)).toBeInViewport();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // The red border goes as soon as the value is changed, not at the next save.
  await sunday.fill('21:00');
  await expect(sunday).not.toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByText(/"25:00" is not a time of day/)).toBeHidden();

  // The same for a number further down the form.
  const budget = editor.getByRole('textbox', { name: 'Time budget in minutes (0 for none)' });
  await budget.fill('lots');
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(budget).toBeFocused();
  await expect(budget).toHaveAccessibleDescription(/whole number of minutes/);
  await expect(editor.getByText(/whole number of minutes/)).toBeInViewport();
  await budget.fill('30');
  await expect(budget).not.toHaveAttribute('aria-invalid', 'true');

  const coolingOff = editor.getByRole('textbox', { name: 'Cooling-off delay in seconds' });
  await coolingOff.fill('1');
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(coolingOff).toBeFocused();
  await expect(coolingOff).toHaveAccessibleDescription(/whole number of seconds from 5 to 600/);
  await coolingOff.fill('30');
  await expect(coolingOff).not.toHaveAttribute('aria-invalid', 'true');

  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(editor).toBeHidden();
});

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
