import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { DEMO_ACCOUNT_ID } from '@shared/demo/constants';
import { keepAppReachableOffline, openInbox, seriousA11yViolations } from './support/app';

test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

async function openAccounts(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const accounts = settings.getByRole('region', { name: 'Accounts' });
  await expect(accounts).toBeVisible();
  return accounts.getByRole('listitem', { name: 'Demo network, @you (demo)' });
}

/**
 * Adds an entry to the page's sync log as a sync that skipped an item writes it (test setup
 * only: the demo network sends nothing malformed).
 */
async function logSkippedItem(page: Page, entry: object): Promise<void> {
  await page.evaluate(
    (value) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('slowpost');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction('syncLog', 'readwrite');
          tx.objectStore('syncLog').add(value);
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    entry,
  );
}

test('Settings shows each account’s syncs: when it last synced, a sync that failed, and what was skipped', async ({
  page,
  context,
  baseURL,
}) => {
  await keepAppReachableOffline(context, baseURL ?? '');
  await openInbox(page);
  let demo = await openAccounts(page);
  await expect(demo).toContainText(/Last synced \d\d:\d\d\./);
  await expect(demo).not.toContainText('did not finish');
  await expect(demo.getByText(/skipped/)).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');

  // A sync while the computer is offline does not get through, and says so calmly.
  await context.setOffline(true);
  await page.reload();
  await openInbox(page);
  demo = await openAccounts(page);
  await expect(demo).toContainText(
    /The last sync, \d\d:\d\d, did not finish\. This computer was offline\. It is tried again at the next sync\./,
  );
  await expect(demo).toContainText(/Last synced \d\d:\d\d\./);
  await page
    .getByRole('region', { name: 'Accounts' })
    .screenshot({ path: 'test-results/e2e/settings-accounts-failed.png' });
  await page.keyboard.press('Escape');

  // Back online, the next sync goes through; an item a sync skipped is listed with its reason.
  await context.setOffline(false);
  await logSkippedItem(page, {
    accountId: DEMO_ACCOUNT_ID,
    at: Date.now(),
    itemId: 'demo|post-from-the-future',
    reason: 'Invalid post: contentHtml: Invalid input: expected string, received number',
  });
  await page.reload();
  await openInbox(page);
  demo = await openAccounts(page);
  await expect(demo).not.toContainText('did not finish');
  const skipped = demo.getByRole('group');
  await demo.getByText('1 item skipped').click();
  await expect(skipped).toContainText('the sync went on without them');
  await expect(skipped).toContainText(
    /\d\d:\d\d, demo\|post-from-the-future — Invalid post: contentHtml: Invalid input: expected string, received number/,
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.getByRole('region', { name: 'Accounts' }).screenshot({
    path: 'test-results/e2e/settings-accounts.png',
  });
});
