import { expect, test } from '@playwright/test';
import { openInbox } from './support/app';

// Desktop habits (issue 13): shortcuts for Replies, Settings and "Done for now".

test('g r goes to Replies and g i back to the inbox; , and Ctrl+, open Settings', async ({
  page,
}) => {
  await openInbox(page);
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(page.getByRole('main', { name: 'Replies' })).toBeVisible();
  await expect(pages.getByRole('button', { name: 'Replies' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  // The r of "g r" did not also start a reply.
  await expect(page.getByRole('textbox', { name: /^Your reply to / })).toHaveCount(0);
  await page.keyboard.press('g');
  await page.keyboard.press('i');
  await expect(pages.getByRole('button', { name: 'Inbox' })).toHaveAttribute(
    'aria-current',
    'page',
  );

  const settings = page.getByRole('dialog', { name: 'Settings' });
  await page.keyboard.press(',');
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
  await page.keyboard.press('Control+,');
  await expect(settings).toBeVisible();
  // While Settings is open, its fields take the keys.
  const name = settings.getByRole('spinbutton', { name: 'Cooling-off delay in seconds' });
  await name.focus();
  await page.keyboard.press('g');
  await page.keyboard.press('r');
  await expect(settings).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
});

test('Shift+D is "Done for now"; the shortcuts are listed; none fires while typing a reply', async ({
  page,
}) => {
  await openInbox(page);
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  for (const does of ['Go to Replies', 'Go to the inbox', 'Open Settings', /^Done for now/]) {
    await expect(help.getByRole('cell', { name: does })).toBeVisible();
  }
  await help.getByRole('button', { name: 'Close' }).click();

  await page.keyboard.press('r');
  const composer = page.getByRole('textbox', { name: /^Your reply to / });
  await expect(composer).toBeFocused();
  await page.keyboard.type('g r, D');
  await expect(composer).toHaveValue('g r, D');
  await expect(page.getByRole('dialog', { name: 'Settings' })).toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();

  await page.locator('body').focus();
  await page.keyboard.press('Shift+D');
  await expect(page.getByRole('heading', { name: 'Done for now' })).toBeVisible();
});
