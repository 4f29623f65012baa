import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';

export function conversationList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Conversations' });
}

export function conversations(page: Page): Locator {
  return conversationList(page).getByRole('option');
}

/** Opens the app and waits until the demo inbox has conversations in it. */
export async function openInbox(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await expect(conversations(page).first()).toBeVisible();
  await expect(page.getByText('Preparing your demo inbox…')).toBeHidden();
}

/** axe-core on the current screen; returns the serious and critical violations only. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Reads one record straight from the page's IndexedDB (test setup only; the UI never does this). */
export async function readRecord<T>(
  page: Page,
  table: string,
  key: string,
): Promise<T | undefined> {
  return page.evaluate(
    ([tableName, id]) =>
      new Promise<T | undefined>((resolve, reject) => {
        const open = indexedDB.open('slowpost');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const get = open.result.transaction(tableName, 'readonly').objectStore(tableName).get(id);
          get.onsuccess = () => {
            resolve(get.result as T | undefined);
            open.result.close();
          };
          get.onerror = () => reject(new Error(String(get.error)));
        };
      }),
    [table, key] as const,
  );
}
