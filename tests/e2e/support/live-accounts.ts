import { expect } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../../host/host-server';
import type { Snac2Server } from '../../servers/snac2/snac2-server';

// What the e2e tests with real servers share: the delivery clock's next slot, ending a session,
// requests a person makes to snac outside the app, and signing in through snac's own page.

const HOUR = 3_600_000;

/**
 * The next default delivery slot (09:00, 13:00 or 18:00 UTC) at least 40 minutes after `t`.
 *
 * The tests move both clocks to 15 minutes before it and expect the page's background sync (every
 * 10 minutes of page time, counted from when the page was ready) to have run on the way. A slot
 * only 20 minutes off left under 10 minutes to cross: a test started 20 to 25 minutes before a
 * slot saw no background sync at all, and failed at that time of day only.
 */
export const SLOT_ROOM_MS = 40 * 60_000;

export function nextSlotAfter(t: number): number {
  const day = Math.floor(t / (24 * HOUR)) * 24 * HOUR;
  for (const d of [0, 1]) {
    for (const h of [9, 13, 18]) {
      const slot = day + d * 24 * HOUR + h * HOUR;
      if (slot > t + SLOT_ROOM_MS) return slot;
    }
  }
  throw new Error('no slot');
}

/** Ends the session: "Done for now" when something is left to go through, then close. */
export async function closeInbox(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Close until the next delivery' });
  const done = page.getByRole('button', { name: 'Done for now' });
  await expect(close.or(done)).toBeVisible();
  if (await done.isVisible()) await done.click();
  await close.click();
}

/** A request to snac made by a person outside the app (bob writing, alice following someone). */
export async function snacApi(
  snac: Snac2Server,
  token: string,
  path: string,
  init: RequestInit = {},
): Promise<unknown> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      const response = await fetch(`${snac.origin}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, ...(init.headers ?? {}) },
      });
      return (await response.json()) as unknown;
    } catch (error) {
      // snac closes idle connections without saying so; a request sent down one is lost.
      if (attempt >= 2) throw error;
    }
  }
}

/**
 * Signs `user` in on snac's own sign-in page, opened in another tab as the user's browser would,
 * once the app has asked main to open it (the newest link the host opened).
 */
export async function approveOnSnac(
  page: Page,
  host: RunningHost,
  snac: Snac2Server,
  user: string,
  openedBefore: number,
): Promise<void> {
  await expect.poll(() => host.openedLinks.length).toBeGreaterThan(openedBefore);
  const authorize = host.openedLinks.at(-1) ?? '';
  expect(new URL(authorize).origin).toBe(snac.origin);
  const browser = await page.context().newPage();
  await browser.goto(authorize);
  await browser.locator('input[name="login"]').fill(user);
  await browser.locator('input[name="passwd"]').fill(snac.users.get(user)?.password ?? '');
  await browser.locator('input[type="submit"]').click();
  await expect(browser.locator('body')).toContainText(/Slowpost|close this/i);
  await browser.close();
}
