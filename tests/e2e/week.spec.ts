import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/host-server';
import { a11yViolations, conversations, horizontalOverflow, passWelcome } from './support/app';
import { moveClocks, startTimedHost } from './support/test-host';

// November 2026 in London (UTC in winter). The week before: Monday 16 to Sunday 22; the scripted
// week: Monday 23 to Sunday 29.
const at = (day: number, hh: number, mm = 0) => Date.UTC(2026, 10, day, hh, mm);
const MINUTE = 60_000;

test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

let host: RunningHost;
test.beforeEach(async () => {
  host = await startTimedHost(at(19, 6));
});
test.afterEach(async () => {
  await host.close();
});

const bar = (page: Page) => page.getByRole('region', { name: 'This delivery' });
const week = (page: Page) => page.getByRole('main', { name: 'Your week' });
const card = (page: Page, name: string) => week(page).getByRole('region', { name });

async function closeInbox(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Close until the next delivery' });
  if (!(await close.isVisible())) await page.getByRole('button', { name: 'Done for now' }).click();
  await close.click();
  await expect(
    page.getByRole('heading', { name: 'The inbox is closed until the next delivery' }),
  ).toBeVisible();
}

/** Stays in the open session for `minutes` (the page's timers run: its time is recorded). */
async function stay(page: Page, minutes: number): Promise<void> {
  await page.clock.runFor(minutes * MINUTE);
}

/** Closes the app (the page goes away) and opens it again at `to`. */
async function reopenAt(page: Page, to: number): Promise<void> {
  await page.goto('about:blank');
  await page.clock.setSystemTime(to);
  await moveClocks(page, host, to);
  await page.goto(`${host.origin}/`);
}

test('the week page shows a scripted week in small charts with words, and the week before', async ({
  page,
}) => {
  test.setTimeout(240_000);
  // Thursday 19 November, 06:00: the first open. Weekday mornings become deep work.
  await page.clock.install({ time: at(19, 6) });
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await expect(conversations(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Add a focus window' }).click();
  await settings.getByRole('textbox', { name: 'Focus window 1 name' }).fill('Deep work');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await stay(page, 8);
  await closeInbox(page);

  // Closed until Wednesday 25, 08:00: one catch-up delivery for everything missed. One reply.
  await reopenAt(page, at(25, 8));
  await expect(bar(page)).toContainText('caught up at 08:00');
  await conversations(page).first().click();
  await page.keyboard.press('r');
  const title = await page.getByRole('heading', { level: 1, name: /^Reply to / }).textContent();
  const recipient = (title ?? '').replace(/^Reply to /, '');
  await page.getByRole('textbox', { name: /^Your reply to / }).fill('Saturday works for me.');
  await page.getByRole('radio', { name: 'Now' }).check();
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByRole('region', { name: 'Reply on its way' })).toContainText(
    `Your reply to ${recipient} was sent.`,
  );
  await stay(page, 12);
  await closeInbox(page);

  // 10:00, inside the deep work window: opened early, with a reason.
  await moveClocks(page, host, at(25, 10));
  await page.getByRole('button', { name: 'Open early…' }).click();
  const early = page.getByRole('dialog', { name: 'Open the inbox early?' });
  await early
    .getByRole('textbox', { name: 'What brings you here now?' })
    .fill('Waiting for Mira about Saturday');
  await page.clock.runFor(10_000);
  await early.getByRole('button', { name: 'Open now' }).click();
  await expect(bar(page)).toContainText('Opened early at 10:00');
  await stay(page, 3);
  await closeInbox(page);

  // 12:00: the 09:00 delivery, moved after the window, on time. A long look: 25 minutes.
  await moveClocks(page, host, at(25, 12));
  await expect(bar(page)).toContainText('Your 12:00 delivery');
  await stay(page, 25);
  await closeInbox(page);

  // The week page: `g` then `w` from anywhere.
  await page.keyboard.press('g');
  await page.keyboard.press('w');
  await expect(page.getByRole('heading', { level: 2, name: 'Your week' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Your week' })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await expect(week(page)).toContainText(/23\s*–\s*29 November 2026/);
  await expect(card(page, 'Deliveries')).toContainText(
    '3 deliveries: 1 on time, 1 caught up after a pause and 1 opened early.',
  );
  await expect(card(page, 'Deliveries').getByRole('img')).toHaveAccessibleName(
    'Deliveries by day. Wednesday: 08:00 caught up after a pause, 10:00 opened early, 12:00 on time.',
  );
  await expect(
    card(page, 'Deliveries').getByRole('list', { name: 'Why you opened early' }),
  ).toContainText('Wednesday 10:00 “Waiting for Mira about Saturday”');
  await expect(card(page, 'Time in sessions')).toContainText(
    '40 minutes in 3 sessions, against a budget of 20 minutes a session; 2 of 3 stayed within it.',
  );
  await expect(card(page, 'Time in sessions').getByRole('img')).toHaveAccessibleName(
    'Sessions by day. Wednesday: sessions of 12, 3 and 25 minutes.',
  );
  await expect(card(page, 'Writing to people')).toContainText(
    `1 conversation answered; you wrote to ${recipient}.`,
  );
  await expect(card(page, 'Writing to people').getByRole('img')).toHaveAccessibleName(
    'Messages sent by day. Wednesday: 1 message sent.',
  );
  // Monday's and Tuesday's deep work passed untouched; Wednesday's had the early opening.
  await expect(card(page, 'Focus windows')).toContainText('2 of 3 focus windows so far were kept.');
  await expect(card(page, 'Focus windows').getByRole('img')).toHaveAccessibleName(
    'Focus windows. Monday 09:00–12:00 kept. Tuesday 09:00–12:00 kept. Wednesday 09:00–12:00 opened inside.',
  );
  // Nothing about likes, boosts or followers.
  await expect(week(page)).not.toContainText(/likes?|boosts?|followers?|streak/i);
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'tests/e2e/screenshots/your-week-1280-light.png', fullPage: true });

  // The week before, by keyboard; next week is not there yet.
  await expect(page.getByRole('button', { name: 'Next week' })).toBeDisabled();
  await page.getByRole('button', { name: 'Previous week' }).focus();
  await page.keyboard.press('Enter');
  await expect(week(page)).toContainText(/16\s*–\s*22 November 2026/);
  await expect(card(page, 'Deliveries')).toContainText('1 delivery: 1 first delivery.');
  await expect(card(page, 'Time in sessions')).toContainText(
    '8 minutes in 1 session, against a budget of 20 minutes a session; it stayed within it.',
  );
  await expect(card(page, 'Writing to people')).toContainText(
    'No conversations answered; nobody written to this week.',
  );
  await expect(card(page, 'Focus windows')).toContainText('All 2 focus windows were kept.');
  // It stays on that week through a reload.
  await page.reload();
  await expect(week(page)).toContainText(/16\s*–\s*22 November 2026/);
  await page.getByRole('button', { name: 'Next week' }).click();
  await expect(week(page)).toContainText(/23\s*–\s*29 November 2026/);

  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await a11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'tests/e2e/screenshots/your-week-1280-dark.png', fullPage: true });
  // A narrow window: the cards stack, nothing is cut off sideways.
  await page.setViewportSize({ width: 760, height: 1000 });
  expect(await horizontalOverflow(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: 'tests/e2e/screenshots/your-week-760-light.png', fullPage: true });
});
