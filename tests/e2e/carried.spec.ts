import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { conversationList, conversations, passWelcome, seriousA11yViolations } from './support/app';
import { moveClocks, timedHostForEachTest } from './support/test-host';

// Wednesday 25 November 2026, London (UTC in winter).
const at = (hh: number, mm = 0, day = 25) => Date.UTC(2026, 10, day, hh, mm);

test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

const host = timedHostForEachTest(at(6));

const WAITING_SINCE = 'Waiting since your first delivery today';

/** Counts of anything social: "3 new", "14 conversations", "(2)", "unread"… */
const COUNT_PATTERN =
  /\b\d+\s*(new|unread|conversations?|messages?|notifications?|items?|mentions?|replies)\b|\(\d+\)|unread/i;

interface Row {
  readonly id: string;
  readonly text: string;
}

/**
 * Every row of a (virtualized) list, read by scrolling it from top to bottom: its DOM id (which
 * names the thread) and its text.
 */
async function allRows(page: Page, name: string): Promise<Row[]> {
  const list = page.getByRole('listbox', { name });
  // A long session's first screen comes first: read the list once all of it is there.
  await expect(list.and(page.locator('[aria-busy="true"]'))).toHaveCount(0);
  const rows = new Map<string, string>();
  await list.evaluate((el) => (el.scrollTop = 0));
  for (;;) {
    const drawn = await list.evaluate((el) =>
      [...el.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => [o.id, o.innerText]),
    );
    for (const [id = '', text = ''] of drawn) rows.set(id, text.trim());
    const moved = await list.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollTop = before + el.clientHeight / 2;
      return el.scrollTop > before;
    });
    if (!moved) break;
    // One frame for the virtualized list to draw the rows scrolled into view.
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  }
  await list.evaluate((el) => (el.scrollTop = 0));
  const size = Number((await list.getByRole('option').first().getAttribute('aria-setsize')) ?? 0);
  expect(rows.size, `every row of ${name} was read`).toBe(size);
  return [...rows].map(([id, text]) => ({ id, text }));
}

test('what a session leaves untouched comes back with the next delivery, marked, and is nowhere before it', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await page.clock.install({ time: at(6) });
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await expect(conversations(page).first()).toBeVisible();
  await expect(page.getByText('Preparing your demo inbox…')).toBeHidden();

  // The first delivery: two conversations are done, the rest are left untouched.
  const before = await allRows(page, 'Conversations');
  const done: string[] = [];
  for (let i = 0; i < 2; i += 1) {
    const selected = conversationList(page).locator('[role="option"][aria-selected="true"]');
    done.push((await selected.getAttribute('id')) ?? '');
    await page.keyboard.press('e');
    await expect(conversationList(page).locator(`[id="${done[i]}"]`)).toHaveCount(0);
  }
  const untouched = before.filter((row) => !done.includes(row.id));
  const screened = await page.getByRole('button', { name: /^Screener/ }).innerText();
  expect(untouched.length).toBeGreaterThan(10);
  // Nothing in the first delivery is marked: nothing in it waited from before.
  await expect(conversations(page).filter({ hasText: 'Waiting since' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Done for now' }).click();
  await expect(page.getByRole('region', { name: 'Done for now' })).toContainText(
    `${untouched.length} conversations wait for your next delivery — nothing is lost.`,
  );
  await page.getByRole('button', { name: 'Close until the next delivery' }).click();
  const closed = page.getByRole('heading', {
    name: 'The inbox is closed until the next delivery',
  });
  await expect(closed).toBeVisible();

  // The app is closed and opened again; until the next delivery they are nowhere, not even as a
  // count.
  await page.reload();
  for (const time of [at(7), at(8, 45)]) {
    await moveClocks(page, host, time);
    await expect(closed).toBeVisible();
    await expect(page.getByRole('listbox')).toHaveCount(0);
    const body = await page.locator('body').innerText();
    expect(body).not.toMatch(COUNT_PATTERN);
    expect(body).not.toContain('Waiting since');
    for (const row of untouched.slice(0, 10)) {
      const snippet = row.text.split('\n').at(-1) ?? '';
      if (snippet.length > 20) expect(body).not.toContain(snippet);
    }
  }

  // The 09:00 delivery: every one of them is back, once, marked as from the earlier delivery.
  await moveClocks(page, host, at(9));
  await expect(page.getByRole('region', { name: 'This delivery' })).toContainText(
    'Your 09:00 delivery',
  );
  const after = await allRows(page, 'Conversations');
  const byId = new Map(after.map((row) => [row.id, row]));
  expect(new Set(after.map((row) => row.id)).size).toBe(after.length);
  for (const row of untouched) {
    expect(byId.get(row.id)?.text, `${row.id} came back`).toContain(WAITING_SINCE);
  }
  // What is new in this delivery carries no such mark (a conversation that was done comes back
  // only with something new in it, and unmarked).
  for (const row of after.filter((r) => !untouched.some((u) => u.id === r.id))) {
    expect(row.text).not.toContain('Waiting since');
  }
  // The screener's undecided people wait too.
  await expect(page.getByRole('button', { name: /^Screener/ })).toHaveText(screened);

  // The conversation's own view says it too, quietly.
  await conversations(page).filter({ hasText: WAITING_SINCE }).first().click();
  await expect(page.getByRole('main').getByText(WAITING_SINCE)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(__dirname, 'screenshots', 'carried.png') });

  // The screener says it too.
  await page.getByRole('button', { name: /^Screener/ }).click();
  const screener = page.getByRole('listbox', { name: 'Screener' }).getByRole('option');
  await expect(screener.first()).toContainText(WAITING_SINCE);
  await expect(page.getByRole('main').getByText(WAITING_SINCE)).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('an early opening brings back what the last session left', async ({ page }) => {
  await page.clock.install({ time: at(6) });
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await expect(conversations(page).first()).toBeVisible();
  await expect(page.getByText('Preparing your demo inbox…')).toBeHidden();
  const first = await conversations(page).first().getAttribute('id');
  await page.getByRole('button', { name: 'Done for now' }).click();
  await page.getByRole('button', { name: 'Close until the next delivery' }).click();

  await moveClocks(page, host, at(7));
  await page.getByRole('button', { name: 'Open early…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Open the inbox early?' });
  await dialog.getByRole('textbox', { name: 'What brings you here now?' }).fill('Mira, Saturday');
  await page.clock.runFor(10_000);
  await dialog.getByRole('button', { name: 'Open now' }).click();
  await expect(page.getByRole('region', { name: 'This delivery' })).toContainText(
    'Opened early at 07:00',
  );
  await expect(conversationList(page).locator(`[id="${first ?? ''}"]`)).toContainText(
    WAITING_SINCE,
  );
  await page.getByRole('button', { name: 'Delivery history' }).click();
  await expect(
    page.getByRole('dialog', { name: 'Delivery history' }).getByRole('row').nth(1),
  ).toContainText(/and \d+ that waited from before/);
});
