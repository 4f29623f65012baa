import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startHost } from '../../host/host-server';
import type { HostOptions, RunningHost } from '../../host/host-server';

/**
 * A loopback host of its own for tests that move time: its main-side services run on a manual
 * clock that the test moves in step with the page's clock (Playwright's page.clock).
 */
export async function startTimedHost(
  start: number,
  options: Pick<HostOptions, 'blueskyIdentity'> = {},
): Promise<RunningHost> {
  return startHost({
    ...options,
    rendererDir: join(__dirname, '../../../out/renderer'),
    port: 0,
    manualClockStart: start,
  });
}

/**
 * For a spec file whose every test needs its own timed host started at `start`: the host is
 * started before each test and closed after it, and an error thrown in the page fails the test (a
 * store transaction that fails leaves the page running). The value stands for the current test's
 * host: its fields and methods are that host's.
 */
export function timedHostForEachTest(start: number): RunningHost {
  let current: RunningHost | null = null;
  let pageErrors: string[] = [];
  test.beforeEach(async ({ page }) => {
    current = await startTimedHost(start);
    pageErrors = [];
    page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
  });
  test.afterEach(async () => {
    await current?.close();
    current = null;
    expect(pageErrors).toEqual([]);
  });
  return new Proxy({} as RunningHost, {
    get(_, key) {
      if (current === null) throw new Error('The timed host runs only during a test.');
      const value: unknown = Reflect.get(current, key);
      return typeof value === 'function' ? (value as () => unknown).bind(current) : value;
    },
  });
}

/** A loopback host of its own on the real clock, for tests that drive main's services directly. */
export async function startOwnHost(): Promise<RunningHost> {
  return startHost({ rendererDir: join(__dirname, '../../../out/renderer'), port: 0 });
}

/** Moves both clocks to `to`: the page's first (its timers run: background sync), then main's. */
export async function moveClocks(page: Page, host: RunningHost, to: number): Promise<void> {
  const pageNow = await page.evaluate(() => Date.now());
  if (to > pageNow) await page.clock.runFor(to - pageNow);
  const response = await fetch(`${host.origin}/__test/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ now: to }),
  });
  if (!response.ok) throw new Error(`moving the host clock failed: ${response.status}`);
}

/** Activity the store holds that no delivery has released yet, with its post's HTML. */
export async function waitingPosts(page: Page): Promise<{ id: string; html: string }[]> {
  return page.evaluate(
    () =>
      new Promise<{ id: string; html: string }[]>((resolve, reject) => {
        const open = indexedDB.open('slowpost');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const tx = open.result.transaction(['activity', 'posts'], 'readonly');
          const all = tx.objectStore('activity').getAll();
          all.onsuccess = () => {
            const waiting = (all.result as { deliveryId: string; postId: string | null }[]).filter(
              (a) => a.deliveryId === '' && a.postId !== null,
            );
            const out: { id: string; html: string }[] = [];
            let left = waiting.length;
            if (left === 0) resolve(out);
            for (const item of waiting) {
              const get = tx.objectStore('posts').get(item.postId ?? '');
              get.onsuccess = () => {
                const post = get.result as
                  { id: string; contentHtml: string; isOwn: boolean } | undefined;
                if (post !== undefined && !post.isOwn)
                  out.push({ id: post.id, html: post.contentHtml });
                if (--left === 0) resolve(out);
              };
            }
          };
        };
      }),
  );
}
