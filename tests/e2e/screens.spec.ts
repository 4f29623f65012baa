import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/host-server';
import {
  a11yViolations,
  conversations,
  horizontalOverflow,
  passWelcome,
  welcomeDialog,
} from './support/app';
import { startTimedHost } from './support/test-host';

// Every main screen, light and dark, wide and narrow: a screenshot for people to look at, axe-core
// with every impact, and nothing wider than the window. To add a screen, add an entry to SCREENS:
// The first is the welcome of a fresh profile; then `open` gets there from the inbox as the previous
// screen's `close` left it, and `close` goes back.
// Screens that cannot be left (the closed inbox, the empty inbox) come last.

// Wednesday 25 November 2026, 10:30 in London: between the demo's 09:00 and 13:00 deliveries.
const START = Date.UTC(2026, 10, 25, 10, 30);
const SHOTS = join(__dirname, 'screenshots/screens');

interface Screen {
  readonly name: string;
  /** Gets there from the inbox; resolves once the screen is settled. */
  readonly open: (page: Page) => Promise<void>;
  /** Goes back to the inbox (not for the last screens). */
  readonly close?: (page: Page) => Promise<void>;
}

const dialogNamed = (page: Page, name: string) => page.getByRole('dialog', { name });

const SCREENS: readonly Screen[] = [
  {
    name: 'welcome',
    open: async (page) => {
      await expect(welcomeDialog(page)).toBeVisible();
      await expect(page.getByRole('heading', { name: 'Welcome to Slowpost' })).toBeFocused();
    },
    close: async (page) => {
      await passWelcome(page);
    },
  },
  {
    name: 'inbox',
    open: async (page) => {
      await expect(conversations(page).first()).toBeVisible();
      await expect(page.getByText('Preparing your demo inbox…')).toBeHidden();
      await expect(
        page.getByRole('heading', { level: 2, name: /conversation with/i }),
      ).toBeVisible();
      // The demo's 👋 draws with the app's own emoji font (a machine may have none of its own).
      await expect(conversations(page).filter({ hasText: '👋' }).first()).toBeVisible();
      await expect
        .poll(() =>
          page.evaluate(() =>
            [...document.fonts].some(
              (face) => face.family.includes('Noto Color Emoji') && face.status === 'loaded',
            ),
          ),
        )
        .toBe(true);
    },
  },
  {
    name: 'screener',
    open: async (page) => {
      await page.getByRole('button', { name: /^Screener/ }).click();
      await page
        .getByRole('listbox', { name: 'Screener' })
        .getByRole('option')
        .filter({ hasText: 'Looks like spam' })
        .first()
        .click();
      await expect(page.getByRole('heading', { level: 2, name: /may be spam$/ })).toBeVisible();
      // Likely spam: keeping it out is the first, prominent action; its links cannot be followed.
      const actions = page.getByRole('toolbar', { name: 'Screening' }).getByRole('button');
      await expect(actions.first()).toHaveAccessibleName(/^Keep out/);
      await expect(actions.first()).toHaveClass(/button--primary/);
      await expect(actions.nth(1)).toHaveAccessibleName(/^Let in/);
      await expect(actions.nth(1)).not.toHaveClass(/button--primary/);
      const wrote = page.getByRole('article', { name: /wrote$/ });
      await expect(wrote.first()).toContainText(/\.example\//);
      await expect(wrote.getByRole('link')).toHaveCount(0);
    },
    close: async (page) => {
      await page.getByRole('button', { name: 'Conversations' }).click();
      await expect(conversations(page).first()).toBeVisible();
    },
  },
  {
    name: 'composer',
    open: async (page) => {
      await page
        .getByRole('toolbar', { name: 'Triage' })
        .getByRole('button', { name: /^Reply(?! later)/ })
        .click();
      await expect(page.getByRole('textbox', { name: /^Your reply to / })).toBeFocused();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(page.getByRole('textbox', { name: /^Your reply to / })).toBeHidden();
    },
  },
  {
    name: 'replies',
    open: async (page) => {
      await page.getByRole('button', { name: 'Replies' }).click();
      await expect(page.getByRole('main', { name: 'Replies' })).toBeVisible();
    },
    close: async (page) => {
      await page.getByRole('button', { name: 'Inbox' }).click();
      await expect(conversations(page).first()).toBeVisible();
    },
  },
  {
    name: 'week',
    open: async (page) => {
      await page.getByRole('button', { name: 'Your week' }).click();
      const week = page.getByRole('main', { name: 'Your week' });
      await expect(week.getByRole('img', { name: /^Deliveries by day/ })).toBeVisible();
    },
    close: async (page) => {
      await page.getByRole('button', { name: 'Inbox' }).click();
      await expect(conversations(page).first()).toBeVisible();
    },
  },
  {
    name: 'delivery-history',
    open: async (page) => {
      await page.getByRole('button', { name: 'Delivery history' }).click();
      await expect(dialogNamed(page, 'Delivery history').getByRole('table')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(dialogNamed(page, 'Delivery history')).toBeHidden();
    },
  },
  {
    name: 'settings',
    open: async (page) => {
      await page.getByRole('button', { name: 'Settings' }).click();
      await expect(dialogNamed(page, 'Settings')).toBeVisible();
    },
    close: async (page) => {
      await page.keyboard.press('Escape');
      await expect(dialogNamed(page, 'Settings')).toBeHidden();
    },
  },
  {
    name: 'closed-inbox',
    open: async (page) => {
      await page.getByRole('button', { name: 'Done for now' }).click();
      await page.getByRole('button', { name: 'Close until the next delivery' }).click();
      await expect(
        page.getByRole('heading', { name: 'The inbox is closed until the next delivery' }),
      ).toBeVisible();
      await expect(page.getByText('Your next delivery comes today at 13:00.')).toBeVisible();
    },
  },
  {
    name: 'empty-inbox',
    open: async (page) => {
      await page.getByRole('button', { name: 'Remove demo data' }).click();
      await dialogNamed(page, 'Remove the demo?')
        .getByRole('button', { name: 'Remove demo data' })
        .click();
      await expect(page.getByRole('heading', { name: 'Your inbox is empty' })).toBeVisible();
    },
  },
];

test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

let host: RunningHost;
test.beforeEach(async () => {
  host = await startTimedHost(START);
});
test.afterEach(async () => {
  await host.close();
});

for (const theme of ['light', 'dark'] as const) {
  for (const width of [1280, 760] as const) {
    test(`every main screen, ${theme}, ${width} px wide: calm, accessible, nothing cut off`, async ({
      page,
    }) => {
      test.setTimeout(360_000);
      await page.setViewportSize({ width, height: 800 });
      await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
      const fonts: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'font') fonts.push(request.url());
      });
      await page.clock.install({ time: START });
      await page.goto(`${host.origin}/`);

      const problems: string[] = [];
      for (const screen of SCREENS) {
        await screen.open(page);
        // Fonts settle before the picture (a slow machine may still be loading one: draw anyway).
        await expect
          .poll(() => page.evaluate(() => document.fonts.status), { timeout: 5_000 })
          .toBe('loaded')
          .catch(() => undefined);
        await page.screenshot({ path: join(SHOTS, `${screen.name}-${theme}-${width}.png`) });
        for (const v of await a11yViolations(page)) problems.push(`${screen.name}: ${v}`);
        for (const o of await horizontalOverflow(page)) problems.push(`${screen.name}: ${o}`);
        await screen.close?.(page);
      }
      expect(problems).toEqual([]);
      // Inter and Noto Color Emoji come with the app, from its own origin (CSP font-src 'self').
      expect(fonts.length).toBeGreaterThan(0);
      expect(fonts.filter((url) => !url.startsWith(`${host.origin}/`))).toEqual([]);
    });
  }
}
