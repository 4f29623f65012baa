import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { BrowserContext, Locator, Page } from '@playwright/test';

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

/**
 * In Electron the app's files come from `app://` and the bridge is IPC: neither is network, so
 * both keep working offline. The loopback host serves them over HTTP instead, which Chromium's
 * offline emulation would cut. This routes the host's requests through Playwright (outside the
 * emulated network), so `context.setOffline(true)` takes away only what a real machine loses.
 * The event stream is left alone (it reconnects by itself once online).
 */
export async function keepAppReachableOffline(
  context: BrowserContext,
  origin: string,
): Promise<void> {
  await context.route(`${origin}/**`, async (route) => {
    if (new URL(route.request().url()).pathname === '/__events') {
      await route.continue();
      return;
    }
    await route.fulfill({ response: await route.fetch() });
  });
}

/** Records of one store table, read straight from the page's IndexedDB (assertions only). */
export async function readAll<T>(page: Page, table: string): Promise<T[]> {
  return page.evaluate(
    (tableName) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('slowpost');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const all = open.result
            .transaction(tableName, 'readonly')
            .objectStore(tableName)
            .getAll();
          all.onsuccess = () => {
            resolve(all.result as T[]);
            open.result.close();
          };
          all.onerror = () => reject(new Error(String(all.error)));
        };
      }),
    table,
  );
}
