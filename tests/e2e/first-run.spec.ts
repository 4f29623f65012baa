import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import {
  conversationList,
  conversations,
  listSize,
  openInbox,
  passWelcome,
  seriousA11yViolations,
} from './support/app';

test('first run shows the demo inbox, clearly labelled', async ({ page }) => {
  await openInbox(page);
  await expect(page.getByRole('heading', { name: 'Slowpost', level: 1 })).toBeVisible();
  await expect(page.getByRole('note', { name: 'Demo network' })).toContainText(
    'sample people and conversations',
  );
  expect(await conversations(page).count()).toBeGreaterThan(5);
  await conversations(page).nth(1).click();
  await expect(page.getByRole('article').first()).toBeVisible();
  await page.screenshot({ path: join(__dirname, 'screenshots', 'first-screen.png') });
});

test('opening a conversation shows its thread', async ({ page }) => {
  await openInbox(page);
  const first = conversations(page).first();
  await first.click();
  await expect(first).toHaveAttribute('aria-selected', 'true');
  const thread = page.getByRole('region', { name: /conversation with/i });
  await expect(thread.getByRole('heading', { level: 2 })).toBeVisible();
  await expect(thread.getByRole('article').first()).toBeVisible();
  await expect(page.getByText('Choose a conversation to read it.')).toBeHidden();
});

test('the keyboard moves between conversations and into a thread', async ({ page }) => {
  await openInbox(page);
  await conversationList(page).focus();
  const options = conversations(page);
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('k');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  // Quick typing moves one row per key, however fast the keys come.
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await page.keyboard.press('j');
  await expect(options.nth(4)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('Home');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /conversation with/i })).toBeFocused();
});

test('the inbox and the open conversation survive a reload, even one right after a move', async ({
  page,
}) => {
  await openInbox(page);
  const size = await listSize(page);
  const options = conversations(page);
  await options.nth(2).click();
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  const clicked = (await options.nth(2).textContent()) ?? '';
  await page.reload();
  await expect(options.first()).toBeVisible();
  expect(await listSize(page)).toBe(size);
  await expect(page.getByRole('option', { selected: true })).toHaveText(clicked);
  await expect(page.getByRole('heading', { level: 2, name: /conversation with/i })).toBeVisible();

  // Moves after a quiet spell are in the address as soon as they are drawn; one on the heels of
  // another makes a run of keys, whose place the address takes only once they rest (a second). A
  // reload at once still comes back to where the keys stopped.
  await conversationList(page).focus();
  const written: string[] = [];
  for (const row of [3, 4]) {
    const before = page.url();
    await page.keyboard.press('j');
    await expect(options.nth(row)).toHaveAttribute('aria-selected', 'true');
    // Watched every frame: the next move comes well within the second.
    await page.waitForFunction((was) => window.location.href !== was, before, { polling: 'raf' });
    written.push(page.url());
  }
  await page.keyboard.press('j');
  await expect(options.nth(5)).toHaveAttribute('aria-selected', 'true');
  const movedText = (await options.nth(5).textContent()) ?? '';
  await page.reload();
  await expect(options.first()).toBeVisible();
  await expect(page.getByRole('option', { selected: true })).toHaveText(movedText);
  expect(written).not.toContain(page.url());
});

test('removing the demo empties the inbox, and it stays empty after a reload', async ({ page }) => {
  await openInbox(page);
  await page.getByRole('button', { name: 'Remove demo data' }).click();
  const dialog = page.getByRole('dialog', { name: 'Remove the demo?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Remove demo data' }).click();
  await expect(page.getByRole('heading', { name: 'Your inbox is empty' })).toBeVisible();
  await expect(conversations(page)).toHaveCount(0);
  await expect(page.getByRole('note', { name: 'Demo network' })).toBeHidden();
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Your inbox is empty' })).toBeVisible();
  await expect(conversations(page)).toHaveCount(0);
  // …and the demo can come back with one action.
  await page.getByRole('button', { name: 'Load the demo network' }).click();
  await expect(conversations(page).first()).toBeVisible();
});

test('the inbox has no serious or critical accessibility violations', async ({ page }) => {
  await openInbox(page);
  await conversations(page).first().click();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('no like, boost or follower counts appear anywhere', async ({ page }) => {
  await openInbox(page);
  await conversations(page).first().click();
  const text = await page.locator('body').innerText();
  expect(text).not.toMatch(/\b\d+\s*(likes?|favou?rites?|boosts?|followers?|reblogs?)\b/i);
});

test('the delivery bar and the delivery history count the same conversations', async ({ page }) => {
  await openInbox(page);
  const bar = page.getByRole('region', { name: 'This delivery' });
  const counted = /(\d+) conversations/.exec((await bar.textContent()) ?? '');
  expect(counted, 'the delivery bar says how many conversations').not.toBeNull();
  await page.getByRole('button', { name: 'Delivery history' }).click();
  const history = page.getByRole('dialog', { name: 'Delivery history' });
  const row = history.getByRole('row').filter({ hasText: 'Your first delivery' });
  await expect(row).toContainText(`${counted?.[1] ?? '?'} conversations`);
});

test('the way into the reply does not move once shown: it appears below the loaded thread', async ({
  page,
}) => {
  // Watches every change of the page from its first paint: where "Write a reply" was first seen,
  // and whether the thread's posts were already above it then.
  await page.addInitScript(() => {
    const seen: { top: number; posts: number }[] = [];
    (window as unknown as { replySeen: typeof seen }).replySeen = seen;
    new MutationObserver(() => {
      if (seen.length > 0) return;
      const button = [...document.querySelectorAll('button')].find((b) =>
        b.textContent?.startsWith('Write a reply'),
      );
      if (button === undefined) return;
      seen.push({
        top: button.getBoundingClientRect().top,
        posts: document.querySelectorAll('.thread article').length,
      });
    }).observe(document, { childList: true, subtree: true, characterData: true });
  });
  await openInbox(page);
  const write = page.getByRole('button', { name: /^Write a reply to / });
  await expect(write).toBeVisible();
  await expect(page.getByRole('region', { name: /conversation with/i })).toBeVisible();
  const first = await page.evaluate(
    () => (window as unknown as { replySeen: { top: number; posts: number }[] }).replySeen[0],
  );
  expect(first?.posts, 'the thread was shown when the button first appeared').toBeGreaterThan(0);
  const settled = await write.evaluate((b) => b.getBoundingClientRect().top);
  expect(first?.top).toBe(settled);
});

test('a sync worker that cannot start is said plainly, not waited on; the next start catches up and the demo opens', async ({
  page,
  context,
}) => {
  // The worker's script answers as a broken proxy would: an HTML error page.
  const broken = '**/assets/sync.worker-*.js';
  await context.route(broken, (route) =>
    route.fulfill({ status: 502, contentType: 'text/html', body: '<h1>Bad gateway</h1>' }),
  );
  await page.goto('/');
  await passWelcome(page);
  await expect(page.getByRole('status').filter({ hasText: 'Could not catch up' })).toHaveText(
    'Could not catch up: The sync worker stopped. It starts again with the next sync.',
  );
  await expect(page.getByText('Preparing your demo inbox…')).toBeHidden();

  await context.unroute(broken);
  await page.reload();
  await expect(conversations(page).first()).toBeVisible();
  await expect(page.getByText(/Could not catch up/)).toBeHidden();
  expect(await listSize(page)).toBeGreaterThan(5);
});
