import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { conversations, passWelcome, readAll, seriousA11yViolations } from './support/app';
import { moveClocks, timedHostForEachTest } from './support/test-host';

// Wednesday 25 November 2026, London (UTC in winter); the locale's weeks start on Monday.
const at = (hh: number, mm = 0, day = 25) => Date.UTC(2026, 10, day, hh, mm);

test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

const host = timedHostForEachTest(at(6));

const nudge = (page: Page) => page.getByRole('region', { name: 'Keep in touch' });
const deliveryBar = (page: Page) => page.getByRole('region', { name: 'This delivery' });

/** Closes the inbox, the app goes away, and comes back at `time` to that time's delivery. */
async function comeBackAt(page: Page, time: number): Promise<void> {
  const close = page.getByRole('button', { name: 'Close until the next delivery' });
  if (!(await close.isVisible())) await page.getByRole('button', { name: 'Done for now' }).click();
  await close.click();
  await expect(
    page.getByRole('heading', { name: 'The inbox is closed until the next delivery' }),
  ).toBeVisible();
  await page.goto('about:blank');
  await page.clock.setSystemTime(time);
  await moveClocks(page, host, time);
  await page.goto(`${host.origin}/`);
  await expect(deliveryBar(page)).toBeVisible();
  await expect(conversations(page).first()).toBeVisible();
}

interface StoredEntry {
  text: string;
  state: string;
  attempts: number;
  inReplyToPostId: string | null;
  addressee: { personId: string } | null;
}
interface StoredPost {
  isOwn: boolean;
  contentHtml: string;
  parent: { id: string } | null;
}

/** The person card of the conversation the composer is open on, and their name. */
async function openCardOfSelected(page: Page) {
  await page.keyboard.press('r');
  const title = page.getByRole('heading', { level: 1, name: /^Reply to / });
  const name = ((await title.textContent()) ?? '').replace(/^Reply to /, '');
  return { name, title, card: page.getByRole('complementary', { name: `About ${name}` }) };
}

test('a cadence set on a card brings a calm nudge once overdue; writing to them goes out once and ends it; not this week hides it until the next week', async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.clock.install({ time: at(6) });
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await expect(conversations(page).first()).toBeVisible();
  await expect(page.getByText('Preparing your demo inbox…')).toBeHidden();

  // The card of the person the first conversation is with: keep in touch, custom, every 1 week.
  const { name, title, card } = await openCardOfSelected(page);
  const cadence = card.getByRole('combobox', { name: `Keep in touch with ${name}` });
  await cadence.selectOption('Custom…');
  const every = card.getByRole('textbox', { name: 'Every' });
  await every.fill('0');
  await card.getByRole('button', { name: 'Set' }).click();
  await expect(card.getByRole('alert')).toHaveText('Enter at least 1 day.');
  await expect(every).toHaveAttribute('aria-invalid', 'true');
  await expect(every).toHaveAccessibleDescription('Enter at least 1 day.');
  await every.fill('1');
  await card.getByRole('combobox', { name: 'Days or weeks' }).selectOption('weeks');
  await every.press('Enter');
  await expect(cadence).toHaveValue('7');
  await expect(cadence.locator('option:checked')).toHaveText('Every week');
  await page.keyboard.press('Escape');
  await expect(title).toBeHidden();
  // Not due yet: no nudge in this session.
  await expect(nudge(page)).toHaveCount(0);

  // A second person, from a later conversation with someone else: every week too.
  let other = name;
  for (let step = 0; step < 12 && other === name; step++) {
    await page.keyboard.press('j');
    const next = await openCardOfSelected(page);
    other = next.name;
    if (other !== name) {
      await next.card
        .getByRole('combobox', { name: `Keep in touch with ${other}` })
        .selectOption('Every week');
    }
    await page.keyboard.press('Escape');
    await expect(next.title).toBeHidden();
  }
  expect(other).not.toBe(name);

  const people = await readAll<{ id: string; displayName: string; isSelf: boolean }>(
    page,
    'people',
  );
  const personId = people.find((p) => p.displayName === name && !p.isSelf)?.id ?? '';
  expect(personId).not.toBe('');

  // Two weeks later (Wednesday 9 December), the next session: the nudge, with when and about what.
  await comeBackAt(page, at(9, 30, 39));
  await expect(nudge(page)).toBeVisible();
  const row = nudge(page).getByRole('listitem').filter({ hasText: name });
  const otherRow = nudge(page).getByRole('listitem').filter({ hasText: other });
  await expect(nudge(page).getByRole('listitem')).toHaveCount(2);
  await expect(row).toContainText(/Last in touch (\d+ days|\d+ weeks) ago/);
  await expect(row.locator('.nudge__about')).toHaveText(/^“.+”$/);
  // No counts, no streaks.
  expect(await nudge(page).innerText()).not.toMatch(/streak|\(\d+\)|\d+ (overdue|people)/i);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await nudge(page).screenshot({ path: join(__dirname, 'screenshots', 'keep-in-touch-nudge.png') });
  await page.screenshot({ path: join(__dirname, 'screenshots', 'keep-in-touch-session.png') });

  // "Write to them": the composer for a new conversation with them, from the nudge.
  await row.getByRole('button', { name: /^Write to them/ }).click();
  await expect
    .poll(() => new URLSearchParams(new URL(page.url()).hash.replace(/^#/, '')).get('write'))
    .toBe(personId);
  await expect(page.getByRole('heading', { level: 1, name: `Write to ${name}` })).toBeVisible();
  const message = page.getByRole('textbox', { name: /^Your message to / });
  await expect(message).toBeFocused();
  const text = 'It has been a while. How did the move go, and is the new place quiet at last?';
  await message.fill(text);
  await page.getByRole('radio', { name: 'Now' }).check();
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(message).toBeHidden();

  // It goes out through the outbox once, as a post that answers nothing.
  await expect
    .poll(async () =>
      (await readAll<StoredEntry>(page, 'outbox'))
        .filter((e) => e.text === text)
        .map((e) => [e.state, e.attempts, e.inReplyToPostId, e.addressee?.personId]),
    )
    .toEqual([['sent', 1, null, personId]]);
  const sent = (await readAll<StoredPost>(page, 'posts')).filter(
    (p) => p.isOwn && p.contentHtml.includes('new place quiet'),
  );
  expect(sent).toHaveLength(1);
  expect(sent[0]?.parent).toBeNull();

  // Back in the session, the nudge no longer asks about them; the other person is still there.
  await expect(deliveryBar(page)).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(otherRow).toBeVisible();

  // "Not this week" on the other: the nudge is gone, and still gone in a later session of the
  // same week (Friday 11 December; the one written to was in touch two days ago).
  await otherRow.getByRole('button', { name: /^Not this week/ }).click();
  await expect(nudge(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: 'Keep in touch' })).toHaveCount(0);
  await comeBackAt(page, at(18, 0, 41));
  await expect(conversations(page).first()).toBeVisible();
  await expect(nudge(page)).toHaveCount(0);
  // Nothing was sent again meanwhile.
  expect(
    (await readAll<StoredPost>(page, 'posts')).filter(
      (p) => p.isOwn && p.contentHtml.includes('new place quiet'),
    ),
  ).toHaveLength(1);

  // A week on (Wednesday 16 December): the snoozed one is back.
  await comeBackAt(page, at(9, 30, 46));
  const back = nudge(page).getByRole('listitem').filter({ hasText: other });
  await expect(back).toBeVisible();

  // "Change how often": every three months, and the nudge has nothing more to say of them.
  await back.getByRole('button', { name: /^Change how often/ }).click();
  const change = nudge(page).getByRole('combobox', { name: `Keep in touch with ${other}` });
  await expect(change).toBeFocused();
  await change.selectOption('Every three months');
  await expect(back).toHaveCount(0);

  // The list on the Replies page: cadence and last contact; stopping takes them off it.
  await page.getByRole('button', { name: 'Replies' }).click();
  const list = page.getByRole('region', { name: 'Keeping in touch' });
  const item = list.getByRole('listitem').filter({ hasText: other });
  await expect(item).toContainText(/Every three months · last in touch \d+ (days|weeks) ago/);
  await expect(list.getByRole('listitem').filter({ hasText: name })).toContainText(
    /Every week · last in touch (\d+ days|\d+ weeks|today|yesterday)/i,
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await item.getByRole('button', { name: /^Change how often/ }).click();
  await expect(item.getByRole('combobox', { name: `Keep in touch with ${other}` })).toBeFocused();
  await item.getByRole('button', { name: /^Stop keeping in touch/ }).click();
  await expect(list.getByRole('listitem').filter({ hasText: other })).toHaveCount(0);
  await expect(list.getByRole('listitem')).toHaveCount(1);
});
