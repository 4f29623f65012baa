import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { htmlToPlainText } from '@shared/text/html-to-text';
import type { RunningHost } from '../host/host-server';
import { conversations, passWelcome, seriousA11yViolations } from './support/app';
import { moveClocks, startTimedHost, waitingPosts } from './support/test-host';

// Wednesday 25 November 2026, London (UTC in winter).
const at = (hh: number, mm = 0, day = 25) => Date.UTC(2026, 10, day, hh, mm);
const MINUTE = 60_000;

test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

let host: RunningHost;
test.beforeEach(async () => {
  host = await startTimedHost(at(6));
});
test.afterEach(async () => {
  await host.close();
});

async function firstRun(page: Page, start: number): Promise<void> {
  await page.clock.install({ time: start });
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await expect(conversations(page).first()).toBeVisible();
}

async function closeInbox(page: Page): Promise<void> {
  const close = page.getByRole('button', { name: 'Close until the next delivery' });
  // Mid-session, "Done for now" leads to the summary, which closes the inbox.
  if (!(await close.isVisible())) await page.getByRole('button', { name: 'Done for now' }).click();
  await close.click();
  await expect(
    page.getByRole('heading', { name: 'The inbox is closed until the next delivery' }),
  ).toBeVisible();
}

/** Counts of anything social: "3 new", "14 conversations", "(2)", "unread"… */
const COUNT_PATTERN =
  /\b\d+\s*(new|unread|conversations?|messages?|notifications?|items?|mentions?|replies)\b|\(\d+\)|unread/i;

async function getJson<T>(path: string): Promise<T> {
  return (await (await fetch(`${host.origin}${path}`)).json()) as T;
}

test('a simulated day: deliveries come at their times, never inside focus windows, one calm notification each', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await firstRun(page, at(6));

  // Focus windows through the schedule editor: weekday mornings, and every evening after 21:00.
  await page.getByRole('button', { name: 'Settings' }).click();
  const editor = page.getByRole('dialog', { name: 'Settings' });
  await editor.getByRole('button', { name: 'Add a focus window' }).click();
  await editor.getByRole('textbox', { name: 'Focus window 1 name' }).fill('Deep work');
  await editor.getByRole('button', { name: 'Add a focus window' }).click();
  await editor.getByLabel('Focus window 2 from').fill('21:00');
  // Until 00:00 is until midnight (a time picker cannot show 24:00).
  await editor.getByLabel('Focus window 2 until').fill('00:00');
  for (const day of ['Saturday', 'Sunday']) {
    await editor.getByRole('checkbox', { name: `Focus window 2 on ${day}` }).check();
  }
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(editor).toBeHidden();

  await closeInbox(page);
  // 09:00 falls inside Wednesday's deep work: it moves to 12:00.
  await expect(
    page.getByText(
      'Your next delivery comes today at 12:00 — moved from 09:00, after your deep work window.',
    ),
  ).toBeVisible();

  const expected = new Set([at(12), at(13), at(18)]);
  const closed = page.getByRole('heading', { name: 'The inbox is closed until the next delivery' });
  const bar = page.getByRole('region', { name: 'This delivery' });
  const seen: string[] = [];
  for (let t = at(6) + 15 * MINUTE; t <= at(23, 45); t += 15 * MINUTE) {
    await moveClocks(page, host, t);
    if (!expected.has(t)) {
      await expect(closed).toBeVisible();
      // Between deliveries: no counts in the page or the title, no conversations at all.
      expect(await page.locator('body').innerText()).not.toMatch(COUNT_PATTERN);
      expect(await page.title()).toBe('Slowpost');
      await expect(page.getByRole('listbox', { name: 'Conversations' })).toHaveCount(0);
      continue;
    }
    await expect(bar).toBeVisible();
    seen.push(new Date(t).toISOString().slice(11, 16));
    await expect(bar).toContainText(`Your ${new Date(t).toISOString().slice(11, 16)} delivery`);
    // Nothing that arrived after this delivery's instant is shown.
    const body = await page.locator('body').innerText();
    for (const waiting of await waitingPosts(page)) {
      const text = htmlToPlainText(waiting.html).replace(/\s+/g, ' ').trim().slice(0, 60);
      if (text.length > 20) expect(body, `waiting post ${waiting.id} is shown`).not.toContain(text);
    }
    await closeInbox(page);
  }
  expect(seen).toEqual(['12:00', '13:00', '18:00']);

  const notifications = await getJson<{ title: string; body: string }[]>('/__host/notifications');
  const deliveries = await page.evaluate(
    () =>
      new Promise<{ kind: string; scheduledFor: number; conversationCount: number }[]>(
        (resolve) => {
          const open = indexedDB.open('slowpost');
          open.onsuccess = () => {
            const all = open.result.transaction('deliveries').objectStore('deliveries').getAll();
            all.onsuccess = () =>
              resolve(
                all.result as { kind: string; scheduledFor: number; conversationCount: number }[],
              );
          };
        },
      ),
  );
  const scheduled = deliveries
    .filter((d) => d.kind === 'scheduled')
    .sort((a, b) => a.scheduledFor - b.scheduledFor);
  expect(scheduled.map((d) => d.scheduledFor)).toEqual([at(12), at(13), at(18)]);
  const nonEmpty = scheduled.filter((d) => d.conversationCount > 0);
  // One notification per non-empty delivery outside focus windows; none for the welcome delivery.
  expect(notifications).toHaveLength(nonEmpty.length);
  expect(notifications.map((n) => n.title)).toEqual(
    nonEmpty.map(
      (d) => `Your ${new Date(d.scheduledFor).toISOString().slice(11, 16)} delivery is ready`,
    ),
  );
  expect(nonEmpty.length).toBeGreaterThanOrEqual(2);
  // What the shell was asked to show: the next delivery time, never a count.
  const shell = await getJson<string[]>('/__host/shell-status');
  expect(shell.length).toBeGreaterThan(0);
  for (const text of shell)
    expect(text).toMatch(
      /^Slowpost — (next delivery at|focus time until) \d\d:\d\d$|^Slowpost — no deliveries scheduled$/,
    );
});

test('opening early takes a pause and a reason, and is recorded in the history', async ({
  page,
}) => {
  await firstRun(page, at(6));
  await closeInbox(page);
  await moveClocks(page, host, at(7));
  expect(await seriousA11yViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Open early…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open the inbox early?' });
  await expect(dialog).toContainText('Your next delivery comes today at 09:00.');
  const openNow = dialog.getByRole('button', { name: 'Open now' });
  await expect(openNow).toBeDisabled();
  await dialog
    .getByRole('textbox', { name: 'What brings you here now?' })
    .fill('Waiting for Mira about Saturday');
  await expect(openNow).toBeDisabled(); // the pause is not over yet
  await page.clock.runFor(10_000);
  await expect(openNow).toBeEnabled();
  await openNow.click();
  await expect(page.getByRole('region', { name: 'This delivery' })).toContainText(
    'Opened early at 07:00',
  );

  await page.getByRole('button', { name: 'Delivery history' }).click();
  const history = page.getByRole('dialog', { name: 'Delivery history' });
  await expect(history.getByRole('row').nth(1)).toContainText(
    'Opened early: “Waiting for Mira about Saturday”',
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  // An early opening is the user's own doing: no notification for it.
  expect(await getJson<unknown[]>('/__host/notifications')).toEqual([]);
});

test('after the app was closed through several deliveries, one catch-up delivery at launch', async ({
  page,
}) => {
  await firstRun(page, at(6));
  await closeInbox(page);
  // The app is closed (the page goes away) from Wednesday 06:00 until Thursday 10:30.
  await page.goto('about:blank');
  await page.clock.setSystemTime(at(10, 30, 26));
  await moveClocks(page, host, at(10, 30, 26));
  await page.goto(`${host.origin}/`);
  const bar = page.getByRole('region', { name: 'This delivery' });
  await expect(bar).toContainText('Your 09:00 delivery (caught up at 10:30)');
  await page.getByRole('button', { name: 'Delivery history' }).click();
  const rows = page.getByRole('dialog', { name: 'Delivery history' }).getByRole('row');
  // The header row, the catch-up and the welcome delivery: not four missed deliveries.
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('One catch-up for the deliveries missed while away');
  const notifications = await getJson<{ title: string }[]>('/__host/notifications');
  expect(notifications.map((n) => n.title)).toEqual(['Your 09:00 delivery is ready']);
});

test('the schedule editor explains problems instead of saving nonsense', async ({ page }) => {
  await firstRun(page, at(6));
  await page.getByRole('button', { name: 'Settings' }).click();
  const editor = page.getByRole('dialog', { name: 'Settings' });
  for (const day of [
    'Monday',
    'Tuesday',
    'Wednesday',
    'Thursday',
    'Friday',
    'Saturday',
    'Sunday',
  ]) {
    const remove = editor
      .getByRole('group', { name: `${day} delivery times` })
      .getByRole('button', { name: /^Remove / });
    while ((await remove.count()) > 0) await remove.first().click();
  }
  const monday = editor.getByRole('group', { name: 'Monday delivery times' });
  await monday.getByRole('button', { name: 'Add a delivery time on Monday' }).click();
  await monday.getByRole('button', { name: 'Add a delivery time on Monday' }).click();
  const second = monday.getByLabel('Monday delivery time 2');
  await second.fill('09:00');
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(second).toHaveAccessibleDescription(
    /Monday lists the delivery time 09:00 more than once/,
  );
  await expect(second).toHaveAttribute('aria-invalid', 'true');
  await expect(second).toBeFocused();
  const remove = monday.getByRole('button', { name: /^Remove / });
  while ((await remove.count()) > 0) await remove.first().click();
  await expect(monday.getByText('Day off')).toBeVisible();
  await editor.getByRole('button', { name: 'Save settings' }).click();
  await expect(editor.getByText(/no delivery times on any day/i)).toBeFocused();
  expect(await seriousA11yViolations(page)).toEqual([]);
  // Nothing was saved: cancelling asks about the changes, and the schedule is as it was.
  await editor.getByRole('button', { name: 'Cancel' }).click();
  await editor.getByRole('button', { name: 'Discard changes' }).click();
  await expect(editor).toBeHidden();
  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const times = editor.getByRole('group', { name: 'Monday delivery times' }).locator('input');
  await expect(times).toHaveCount(3);
  expect(
    await times.evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value)),
  ).toEqual(['09:00', '13:00', '18:00']);
});
