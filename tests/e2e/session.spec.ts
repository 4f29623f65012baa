import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { conversations, listSize, openInbox, seriousA11yViolations } from './support/app';

const selected = (page: Page) =>
  page
    .getByRole('listbox', { name: 'Conversations' })
    .locator('[role="option"][aria-selected="true"]');
const screenerList = (page: Page) =>
  page.getByRole('listbox', { name: 'Screener' }).getByRole('option');

/** Social counts: likes, boosts, followers, favourites… */
const SOCIAL_COUNT =
  /\b\d+\s+(people|likes?|boosts?|reblogs?|followers?|favou?rites?|of your posts)\b/i;

test('a whole session by keyboard: triage, undo, screener, reload, summary, closed', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openInbox(page);

  // The appreciation is one calm line; no social counts anywhere else on the page.
  const digest = page.getByRole('paragraph').filter({ hasText: 'appreciated' });
  await expect(digest).toHaveText(/people appreciated \d+ of your posts/);
  const digestText = (await digest.textContent()) ?? '';
  const rest = (await page.locator('body').innerText()).replace(digestText, '');
  expect(rest).not.toMatch(SOCIAL_COUNT);
  expect(await seriousA11yViolations(page)).toEqual([]);

  // ? shows the shortcuts.
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Reply later');
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();

  // Done, then undo: the conversation comes back, selected.
  const first = (await selected(page).textContent()) ?? '';
  const total = await listSize(page);
  await page.keyboard.press('e');
  await expect(selected(page)).not.toHaveText(first);
  await expect(conversations(page).filter({ hasText: first })).toHaveCount(0);
  await page.keyboard.press('u');
  await expect(selected(page)).toHaveText(first);
  await expect(conversations(page).first()).toHaveText(first); // back in its place in the list
  // j/k move; l saves for later; m mutes.
  await page.keyboard.press('j');
  await expect(selected(page)).not.toHaveText(first);
  // Whatever thread is open, what waits in the screener (and who wrote it) is not shown in it.
  await expect(page.getByRole('heading', { level: 2, name: /conversation with/i })).toBeVisible();
  await expect(page.getByRole('main')).not.toContainText(/SEO Ninja|Crypto Queen|Grеаt/);
  await page.keyboard.press('k');
  await expect(selected(page)).toHaveText(first);
  await page.keyboard.press('l');
  const second = (await selected(page).textContent()) ?? '';
  await page.keyboard.press('m');
  await expect(conversations(page).filter({ hasText: second })).toHaveCount(0);

  // A reload mid-way resumes exactly where the user was.
  const where = (await selected(page).textContent()) ?? '';
  await page.reload();
  await expect(selected(page)).toHaveText(where);
  await expect(conversations(page).filter({ hasText: first })).toHaveCount(0);

  // The screener: the first-time sender asks to be let in; spam says why it is held.
  const sizeBeforeScreening = await listSize(page);
  await page.keyboard.press('s');
  await expect(screenerList(page).first()).toBeVisible();
  const ngozi = screenerList(page).filter({ hasText: 'Ngozi' });
  await expect(ngozi).toContainText('First message');
  await expect(screenerList(page).filter({ hasText: 'Looks like spam' }).first()).toContainText(
    /mixes Cyrillic letters into a Latin word/,
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await expect(page.getByRole('heading', { name: 'First message from Ngozi Eze' })).toBeVisible();
  await page.keyboard.press('i'); // let Ngozi in
  // One read per round: a keep-out can land in more than one store answer, so reading twice
  // could see the list shrink in between.
  for (let left = await screenerList(page).count(); left > 0;) {
    await page.keyboard.press('o'); // keep the spammers out (each with everything they sent)
    await expect.poll(() => screenerList(page).count()).toBeLessThan(left);
    left = await screenerList(page).count();
  }
  await page.keyboard.press('s');
  // Ngozi's message now waits among the conversations; nothing from the spammers does.
  await expect.poll(() => listSize(page)).toBe(sizeBeforeScreening + 1);
  await expect(conversations(page).filter({ hasText: /SEO Ninja|Crypto Queen/ })).toHaveCount(0);

  // Everything else: done, one key each, until the session ends by itself.
  for (let left = await listSize(page); left > 0; left -= 1) {
    await page.keyboard.press('e');
    await expect.poll(() => listSize(page)).toBe(left - 1);
  }
  const summary = page.getByRole('region', { name: 'Done for now' });
  // Every conversation plus Ngozi's, less the one saved for later (the muted one counts as handled).
  await expect(summary).toContainText(`You went through ${total} conversations`);
  await expect(summary).toContainText('1 conversation is saved for a considered reply later');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await expect(page.getByRole('button', { name: 'Close until the next delivery' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { name: 'The inbox is closed until the next delivery' }),
  ).toBeVisible();
  await page.reload();
  await expect(
    page.getByRole('heading', { name: 'The inbox is closed until the next delivery' }),
  ).toBeVisible();
});

test('replying from the session opens the composer, keeps the draft across a reload, and handles the conversation', async ({
  page,
}) => {
  await openInbox(page);
  const selectedBefore = (await selected(page).textContent()) ?? '';
  await page.keyboard.press('r');
  const field = page.getByRole('textbox', { name: /Your reply to/ });
  await expect(field).toBeFocused();
  await page.keyboard.type('Thank you, that made my morning. Saturday works for me.');
  await expect(page.getByText('Draft saved')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('textbox', { name: /Your reply to/ })).toHaveValue(
    'Thank you, that made my morning. Saturday works for me.',
  );
  // Leaving keeps the draft, and the session shows it under the conversation.
  await page.keyboard.press('Escape');
  await expect(page.getByRole('region', { name: 'Your reply' })).toContainText(
    'Saturday works for me.',
  );
  await page.getByRole('button', { name: 'Continue your reply' }).click();
  await page.getByRole('button', { name: 'Send reply' }).click();
  // Replying handles the conversation.
  await expect(conversations(page).filter({ hasText: selectedBefore })).toHaveCount(0);
  await page.getByRole('button', { name: 'Done for now' }).click();
  await expect(page.getByRole('region', { name: 'Done for now' })).toContainText('wrote 1 reply');
});

test('the session settings: a time budget and the appreciation line can be changed', async ({
  page,
}) => {
  await openInbox(page);
  await expect(page.getByText('About 20 minutes left')).toBeVisible();
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const budget = settings.getByRole('spinbutton', { name: 'Time budget in minutes (0 for none)' });
  await budget.fill('241');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(budget).toHaveAccessibleDescription(/whole number of minutes/);
  await budget.fill('0');
  await settings.getByRole('checkbox', { name: /Show one line for likes/ }).uncheck();
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();
  await expect(page.getByRole('progressbar', { name: 'Time in this session' })).toHaveCount(0);
  await expect(page.getByText(/appreciated/)).toHaveCount(0);
  expect(await page.locator('body').innerText()).not.toMatch(SOCIAL_COUNT);
});

test('Enter on a link or a button in the thread does what it says, not the session shortcut', async ({
  page,
  baseURL,
}) => {
  await openInbox(page);
  const thread = page.getByRole('region', { name: /conversation with/i });
  const link = thread.getByRole('link').first();
  await expect(link).toBeVisible();
  const href = (await link.getAttribute('href')) ?? '';
  expect(href).toMatch(/^https:\/\//);
  await link.focus();
  await page.keyboard.press('Enter');
  await expect
    .poll(
      async () => (await (await fetch(`${baseURL ?? ''}/__host/opened-links`)).json()) as string[],
    )
    .toContain(href);
  await expect(link).toBeFocused();

  const write = page.getByRole('button', { name: /^Write a reply to / });
  await write.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('textbox', { name: /^Your reply to / })).toBeFocused();
});

test('r pressed at once after clicking a conversation answers that conversation, not the one shown before', async ({
  page,
}) => {
  await openInbox(page);
  const heading = page.getByRole('heading', { level: 1, name: /^Reply to / });
  // The slow way: click the third conversation, let it show, then r.
  await conversations(page).nth(2).click();
  await expect(selected(page)).toHaveCount(1);
  await expect(page.getByRole('button', { name: /^Write a reply to / })).toBeVisible();
  await page.keyboard.press('r');
  const expected = (await heading.textContent()) ?? '';
  expect(expected).toMatch(/^Reply to /);
  await page.getByRole('button', { name: 'Back' }).click();

  // Back on the first conversation, shown whole.
  await conversations(page).first().click();
  await expect(page.getByRole('button', { name: /^Write a reply to / })).toBeVisible();
  await expect(heading).toHaveCount(0);
  // The quick way: the click and the key in one go, before the thread has been read.
  await page.evaluate(() => {
    const rows = document.querySelectorAll<HTMLElement>('[role="listbox"] [role="option"]');
    rows[2]?.click();
    (document.activeElement ?? document.body).dispatchEvent(
      new KeyboardEvent('keydown', { key: 'r', bubbles: true }),
    );
  });
  await expect(heading).toHaveText(expected);
});

test('a conversation handled in another window gives way to the next at once: r pressed in that moment answers the next', async ({
  page,
  context,
}) => {
  await openInbox(page);
  await expect.poll(() => listSize(page)).toBeGreaterThan(2);
  const heading = page.getByRole('heading', { level: 1, name: /^Reply to / });
  // Whom the second conversation answers: the one the first gives way to.
  await page.keyboard.press('j');
  await expect(selected(page)).toHaveAttribute('aria-posinset', '2');
  await page.keyboard.press('r');
  await expect(heading).toHaveText(/^Reply to /);
  const expected = (await heading.textContent()) ?? '';
  await page.getByRole('button', { name: 'Back' }).click();
  await page.keyboard.press('k');
  await expect(selected(page)).toHaveAttribute('aria-posinset', '1');
  const firstId = (await selected(page).getAttribute('id')) ?? '';

  // The moment the list drops the first conversation (its row goes), r is pressed: before
  // anything else has run, in the same turn of the page.
  await page.evaluate((id) => {
    const observer = new MutationObserver(() => {
      if (document.getElementById(id) !== null) return;
      observer.disconnect();
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'r', bubbles: true }));
    });
    observer.observe(document.body, { childList: true, subtree: true });
  }, firstId);
  // Another window handles the first conversation.
  const other = await context.newPage();
  await openInbox(other);
  await expect(selected(other)).toHaveAttribute('aria-posinset', '1');
  await other.keyboard.press('e');
  await expect(heading).toHaveText(expected);
});

test('a conversation handled just before the page goes stays handled, even while the store is too busy to write it', async ({
  page,
}) => {
  await openInbox(page);
  await expect.poll(() => listSize(page)).toBeGreaterThan(2);
  // Another connection holds the conversations' table in a write that never ends: the app's
  // triage cannot be stored before the page goes (as on a disk too slow to keep up).
  await page.evaluate(`new Promise((held) => {
    const open = indexedDB.open('slowpost');
    open.onsuccess = () => {
      const store = open.result.transaction(['threads'], 'readwrite').objectStore('threads');
      const spin = () => { store.get('nothing').onsuccess = spin; };
      spin();
      held();
    };
  })`);
  const first = (await selected(page).textContent()) ?? '';
  await page.keyboard.press('e');
  await expect(conversations(page).filter({ hasText: first })).toHaveCount(0);
  const second = (await selected(page).textContent()) ?? '';
  await page.keyboard.press('l');
  await expect(conversations(page).filter({ hasText: second })).toHaveCount(0);
  await page.reload();

  await expect(selected(page)).toHaveCount(1);
  await expect(conversations(page).filter({ hasText: first })).toHaveCount(0);
  await expect(conversations(page).filter({ hasText: second })).toHaveCount(0);
  // Saved for later, as it was: the Replies page lists it to write to.
  await page.getByRole('button', { name: 'Replies' }).click();
  await expect(
    page.getByRole('region', { name: 'Reply later' }).getByRole('button', { name: /^Write to / }),
  ).toHaveCount(1);
});
