import { expect, test } from '@playwright/test';
import { conversations, openInbox, seriousA11yViolations, writeRecords } from './support/app';

test('a damaged demo setting is reported, and the demo the user removed stays removed', async ({
  page,
}) => {
  await openInbox(page);
  await page.getByRole('button', { name: 'Remove demo data' }).click();
  await page
    .getByRole('dialog', { name: 'Remove the demo?' })
    .getByRole('button', { name: 'Remove demo data' })
    .click();
  await expect(page.getByRole('heading', { name: 'Your inbox is empty' })).toBeVisible();

  await writeRecords(page, 'settings', [
    { key: 'demo', version: 1, value: { state: 'half-removed' }, updatedAt: Date.now() },
  ]);
  await page.reload();
  const notice = page.getByRole('region', { name: 'Settings that could not be read' });
  await expect(notice).toContainText(
    'Slowpost could not read whether the demo network belongs in your inbox',
  );
  await expect(notice).toContainText('it does not bring it back');
  await expect(page.getByRole('heading', { name: 'Your inbox is empty' })).toBeVisible();
  await expect(conversations(page)).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('a damaged schedule is reported with what Slowpost does meanwhile; saving it again clears that', async ({
  page,
}) => {
  await openInbox(page);
  await writeRecords(page, 'settings', [
    { key: 'schedule', version: 1, value: { schedule: 'hourly' }, updatedAt: Date.now() },
  ]);
  await page.reload();
  await expect(conversations(page).first()).toBeVisible();
  const notice = page.getByRole('region', { name: 'Settings that could not be read' });
  await expect(notice).toContainText(
    'Slowpost could not read your delivery schedule and focus windows',
  );
  await expect(notice).toContainText('uses the default schedule (09:00, 13:00 and 18:00)');
  await notice.getByText('What is wrong with it').click();
  await expect(notice).toContainText('Invalid setting "schedule"');

  await notice.getByRole('button', { name: 'Open Settings' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await expect(
    dialog.getByRole('region', { name: 'Settings that could not be read' }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Save settings' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Settings that could not be read' })).toHaveCount(
    0,
  );
});
