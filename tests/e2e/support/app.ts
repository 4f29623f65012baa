import AxeBuilder from '@axe-core/playwright';
import { expect } from '@playwright/test';
import type { APIResponse, BrowserContext, Locator, Page, Route } from '@playwright/test';

export function conversationList(page: Page): Locator {
  return page.getByRole('listbox', { name: 'Conversations' });
}

export function conversations(page: Page): Locator {
  return conversationList(page).getByRole('option');
}

/**
 * How many conversations the (virtualized) list holds: every option carries aria-setsize. A list
 * still busy (only the first screen of a long session read yet) is waited for.
 */
export async function listSize(page: Page): Promise<number> {
  const list = conversationList(page);
  await expect(list.and(page.locator('[aria-busy="true"]'))).toHaveCount(0);
  const option = conversations(page).first();
  if ((await option.count()) === 0) return 0;
  return Number(await option.getAttribute('aria-setsize'));
}

export function welcomeDialog(page: Page): Locator {
  return page.getByRole('dialog', { name: 'Welcome to Slowpost' });
}

/**
 * The first open of a fresh profile shows the welcome: this answers it with its real button
 * ("Explore the demo" by default: the schedule chosen there stays the default), and waits until
 * the demo inbox (or whatever comes next) is up. On a profile past the welcome it does nothing.
 */
export async function passWelcome(
  page: Page,
  button: 'Explore the demo' | 'Skip' = 'Explore the demo',
): Promise<void> {
  const welcome = welcomeDialog(page);
  // Generous: a cold desktop start (the Electron smoke test) takes longer than a page load.
  await expect(welcome.or(conversationList(page)).first()).toBeVisible({ timeout: 30_000 });
  if (await welcome.isVisible()) {
    await welcome.getByRole('button', { name: button, exact: true }).click();
    await expect(welcome).toBeHidden();
  }
}

/** Opens the app (past the welcome on a fresh profile) and waits for the demo inbox's conversations. */
export async function openInbox(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await passWelcome(page);
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

/** axe-core on the current screen; returns every violation, whatever its impact. */
export async function a11yViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map(
    (v) =>
      `${v.impact ?? 'unknown'} ${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
}

/**
 * What is wider than the window or cut off sideways: the page itself, an open dialog, and the
 * header, bars and toolbars (whose buttons would otherwise hide past the edge).
 */
export async function horizontalOverflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) {
      found.push(`the page is ${root.scrollWidth} px wide in a ${root.clientWidth} px window`);
    }
    const boxes = document.querySelectorAll(
      'dialog[open], header, nav, [role="toolbar"], section, main, button',
    );
    for (const box of boxes) {
      if (!(box instanceof HTMLElement) || box.offsetParent === null) continue;
      const rect = box.getBoundingClientRect();
      const label = box.getAttribute('aria-label') ?? box.className ?? box.tagName;
      if (box.scrollWidth > box.clientWidth + 1 && getComputedStyle(box).overflowX !== 'visible') {
        found.push(`${box.tagName.toLowerCase()} "${label}" scrolls sideways`);
      }
      if (rect.right > window.innerWidth + 1 || rect.left < -1) {
        found.push(`${box.tagName.toLowerCase()} "${label}" goes past the window's edge`);
      }
    }
    return found;
  });
}

/**
 * Reads straight from the page's IndexedDB (test setup and assertions only; the UI never does
 * this): one record by key, or with a null key every record of the table.
 */
async function readStore(page: Page, table: string, key: string | null): Promise<unknown> {
  return page.evaluate(
    ([tableName, id]) =>
      new Promise<unknown>((resolve, reject) => {
        const open = indexedDB.open('slowpost');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const store = open.result.transaction(tableName, 'readonly').objectStore(tableName);
          const request = id === null ? store.getAll() : store.get(id);
          request.onsuccess = () => {
            resolve(request.result);
            open.result.close();
          };
          request.onerror = () => reject(new Error(String(request.error)));
        };
      }),
    [table, key] as const,
  );
}

/** One record of a store table, by key. */
export async function readRecord<T>(
  page: Page,
  table: string,
  key: string,
): Promise<T | undefined> {
  return (await readStore(page, table, key)) as T | undefined;
}

/** Every record of a store table. */
export async function readAll<T>(page: Page, table: string): Promise<T[]> {
  return (await readStore(page, table, null)) as T[];
}

/**
 * Writes records straight into the page's IndexedDB (test setup only: damaged rows, states the UI
 * cannot reach by itself). The app's live queries do not see such writes until it reloads.
 */
export async function writeRecords(page: Page, table: string, records: unknown[]): Promise<void> {
  await page.evaluate(
    ([tableName, rows]) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('slowpost');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          // Written past the app's store layer, so this does what its guard does for every write
          // there: the session snapshot goes with the change (the next open reads the records).
          const snapshots = 'sessionSnapshots';
          const guarded =
            open.result.objectStoreNames.contains(snapshots) && tableName !== snapshots;
          const tx = open.result.transaction(
            guarded ? [tableName, snapshots] : [tableName],
            'readwrite',
          );
          for (const row of rows) tx.objectStore(tableName).put(row);
          if (guarded) tx.objectStore(snapshots).clear();
          tx.oncomplete = () => {
            open.result.close();
            resolve();
          };
          tx.onerror = () => reject(new Error(String(tx.error)));
        };
      }),
    [table, records] as const,
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
    let response: APIResponse;
    try {
      response = await fetchRetryingReset(route);
    } catch (error) {
      // The test closed its host while the page was still asking it something (a test ends
      // before its page does): the page gets what it would get without this route.
      if (!/ECONNREFUSED/.test(String(error))) throw error;
      await route.abort('connectionrefused');
      return;
    }
    await route.fulfill({ response });
  });
}

/** The app's own files are GETs of static content: a socket reset on the loopback host is retried. */
async function fetchRetryingReset(route: Route): Promise<APIResponse> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await route.fetch();
    } catch (error) {
      const reset = /ECONNRESET|socket hang up/.test(String(error));
      if (!reset || attempt >= 3 || route.request().method() !== 'GET') throw error;
    }
  }
}
