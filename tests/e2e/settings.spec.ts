import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { openInbox, readRecord, seriousA11yViolations } from './support/app';

async function openSettings(page: Page) {
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const editor = page.getByRole('dialog', { name: 'Settings' });
  await expect(editor.getByRole('button', { name: 'Save settings' })).toBeVisible();
  return editor;
}

interface StoredSchedule {
  value: { schedule: { deliveries: Record<string, string[]>; focusWindows: unknown[] } };
}

test('a bad value in Settings is explained next to its field, in view, announced, and the field gets focus', async ({
  page,
}) => {
  await openInbox(page);
  const editor = await openSettings(page);
  // Sunday's first time picker, emptied: a time that is not complete.
  const sunday = editor.getByRole('group', { name: 'Sunday delivery times' });
  const sundayFirst = sunday.getByLabel('Sunday delivery time 1');
  await sundayFirst.fill('');
  await editor.getByRole('button', { name: 'Save settings' }).click();

  await expect(sundayFirst).toBeFocused();
  await expect(sundayFirst).toHaveAttribute('aria-invalid', 'true');
  await expect(sundayFirst).toHaveAccessibleDescription(
    /Sunday, delivery time 1 has no complete time/,
  );
  await expect(editor.getByText(/Sunday, delivery time 1 has no complete time/)).toBeInViewport();
  await expect(editor.getByRole('status')).toHaveText(
    'Not saved: one thing needs a look, shown next to its field.',
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });

  // The red border goes as soon as the value is changed, not at the next save.
  await sundayFirst.fill('21:00');
  await expect(sundayFirst).not.toHaveAttribute('aria-invalid', 'true');
  await expect(editor.getByText(/has no complete time/)).toBeHidden();

  // A time listed twice on a day.
  await sunday.getByRole('button', { name: 'Add a delivery time on Sunday' }).click();
  const added = sunday.getByLabel('Sunday delivery time 4');
  await expect(added).toBeFocused();
  await added.fill('13:00');
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(added).toBeFocused();
  await expect(added).toHaveAccessibleDescription(
    /Sunday lists the delivery time 13:00 more than once/,
  );
  await sunday.getByRole('button', { name: 'Remove 13:00 on Sunday' }).last().click();
  await expect(sunday.getByRole('button', { name: 'Add a delivery time on Sunday' })).toBeFocused();

  // The same for a number further down the form: it says its unit.
  const budget = editor.getByRole('spinbutton', { name: 'Time budget in minutes (0 for none)' });
  await expect(editor.getByText('minutes', { exact: true })).toBeVisible();
  await budget.fill('500');
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(budget).toBeFocused();
  await expect(budget).toHaveAccessibleDescription(/whole number of minutes/);
  await expect(editor.getByText(/whole number of minutes/)).toBeInViewport();
  await budget.fill('30');
  await expect(budget).not.toHaveAttribute('aria-invalid', 'true');

  const coolingOff = editor.getByRole('spinbutton', { name: 'Cooling-off delay in seconds' });
  await coolingOff.fill('1');
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(coolingOff).toBeFocused();
  await expect(coolingOff).toHaveAccessibleDescription(/whole number of seconds from 5 to 600/);
  await coolingOff.fill('30');
  await expect(coolingOff).not.toHaveAttribute('aria-invalid', 'true');

  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(editor).toBeHidden();
  const stored = await readRecord<StoredSchedule>(page, 'settings', 'schedule');
  expect(stored?.value.schedule.deliveries['7']).toEqual(['13:00', '18:00', '21:00']);
});

test.describe('typed on the keyboard', () => {
  test('a morning time typed into a time picker saves as such: 9 then 00 is 09:00', async ({
    page,
  }) => {
    await openInbox(page);
    let editor = await openSettings(page);
    const monday = editor.getByRole('group', { name: 'Monday delivery times' });
    await monday.getByRole('button', { name: 'Add a delivery time on Monday' }).click();
    const added = monday.getByLabel('Monday delivery time 4');
    await expect(added).toBeFocused();
    // Chromium's time field: one digit 9 is a whole hour (09), then the minutes; where the
    // field shows AM/PM, `a` makes it the morning (elsewhere it is ignored).
    await page.keyboard.type('900a');
    await expect(added).toHaveValue('09:00');
    // …which is already there: change the 09:00 that was there to 7:30 instead.
    const first = monday.getByLabel('Monday delivery time 1');
    await first.focus();
    await page.keyboard.type('730a');
    await expect(first).toHaveValue('07:30');

    await editor.getByRole('button', { name: 'Add a focus window' }).click();
    await editor.getByLabel('Focus window 1 from').fill('08:00');
    await editor.getByLabel('Focus window 1 until').fill('09:15');
    await editor.getByRole('button', { name: 'Save settings' }).click();
    await expect(editor).toBeHidden();

    editor = await openSettings(page);
    const times = editor.getByRole('group', { name: 'Monday delivery times' }).locator('input');
    await expect(times).toHaveCount(4);
    expect(
      await times.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
    ).toEqual(['07:30', '09:00', '13:00', '18:00']);
    await expect(editor.getByLabel('Focus window 1 from')).toHaveValue('08:00');
    await expect(editor.getByLabel('Focus window 1 until')).toHaveValue('09:15');
  });
});

test('presets and day copying fill the week; the focus week shows windows in pictures and words', async ({
  page,
}) => {
  await openInbox(page);
  const editor = await openSettings(page);
  await expect(editor.getByRole('radio', { name: /^Three a day/ })).toBeChecked();
  await editor.getByRole('radio', { name: /^Weekdays only/ }).check();
  await expect(
    editor.getByRole('group', { name: 'Saturday delivery times' }).getByText('Day off'),
  ).toBeVisible();
  await expect(editor.getByLabel('Friday delivery time 2')).toHaveValue('17:00');

  // Monday gets a third time, then every day is the same as Monday.
  await editor.getByRole('button', { name: 'Add a delivery time on Monday' }).click();
  await editor.getByLabel('Monday delivery time 3').fill('20:00');
  await expect(editor.getByRole('radio', { name: /^Weekdays only/ })).not.toBeChecked();
  await editor.getByRole('button', { name: 'Copy Monday’s times to every weekday' }).click();
  await expect(editor.getByLabel('Thursday delivery time 3')).toHaveValue('20:00');
  await expect(editor.getByLabel('Sunday delivery time 1')).toHaveCount(0);
  await editor.getByRole('button', { name: 'Sunday: same as Monday' }).click();
  await expect(editor.getByLabel('Sunday delivery time 3')).toHaveValue('20:00');
  await editor.getByRole('button', { name: 'Copy Monday’s times to every day' }).click();
  await expect(editor.getByLabel('Saturday delivery time 3')).toHaveValue('20:00');

  // A focus window from a preset, drawn on the week and told in words.
  await editor.getByRole('button', { name: 'Add “Deep-work mornings”' }).click();
  await expect(editor.getByLabel('Focus window 1 name')).toHaveValue('Deep work');
  const week = editor.getByRole('figure', { name: 'Your week: focus windows and delivery times' });
  await expect(week).toContainText('Deep work: weekdays, 09:00 to 12:00.');
  await expect(week).toContainText('Deliveries inside a window wait until it ends: Monday 09:00');
  await editor.getByRole('checkbox', { name: 'Focus window 1 on Saturday' }).check();
  await expect(week).toContainText(
    'Deep work: Monday, Tuesday, Wednesday, Thursday, Friday and Saturday',
  );
  expect(await seriousA11yViolations(page)).toEqual([]);

  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(editor).toBeHidden();
  const stored = await readRecord<StoredSchedule>(page, 'settings', 'schedule');
  for (const day of ['1', '3', '6', '7']) {
    expect(stored?.value.schedule.deliveries[day]).toEqual(['09:00', '17:00', '20:00']);
  }
  expect(stored?.value.schedule.focusWindows).toEqual([
    { label: 'Deep work', days: [1, 2, 3, 4, 5, 6], start: '09:00', end: '12:00' },
  ]);
});

test('Settings closes with its close button and Escape; unsaved changes are asked about first', async ({
  page,
}) => {
  await openInbox(page);
  let editor = await openSettings(page);
  // Nothing changed: Escape closes at once.
  await page.keyboard.press('Escape');
  await expect(editor).toBeHidden();

  editor = await openSettings(page);
  await editor.getByRole('button', { name: 'Close settings' }).click();
  await expect(editor).toBeHidden();

  editor = await openSettings(page);
  const budget = editor.getByRole('spinbutton', { name: 'Time budget in minutes (0 for none)' });
  await budget.fill('45');
  await page.keyboard.press('Escape');
  const confirm = editor.getByRole('alertdialog', { name: 'Discard your changes?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Keep editing' })).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await confirm.getByRole('button', { name: 'Keep editing' }).click();
  await expect(editor).toBeVisible();
  await expect(budget).toHaveValue('45');

  await editor.getByRole('button', { name: 'Close settings' }).click();
  await editor
    .getByRole('alertdialog', { name: 'Discard your changes?' })
    .getByRole('button', { name: 'Discard changes' })
    .click();
  await expect(editor).toBeHidden();
  editor = await openSettings(page);
  await expect(
    editor.getByRole('spinbutton', { name: 'Time budget in minutes (0 for none)' }),
  ).toHaveValue('20');
});
