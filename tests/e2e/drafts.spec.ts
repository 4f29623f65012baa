import { expect, test } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { openInbox, readAll, readRecord, seriousA11yViolations } from './support/app';
import { startOwnHost } from './support/test-host';

// Every keystroke that reached the screen survives: an immediate reload, a closed tab, a crash of
// the page, quitting the app; a failed save keeps the text, says so, and tries again.

interface StoredDraft {
  id: string;
  text: string;
  updatedAt: number;
}
interface StoredPerson {
  id: string;
  notes: string;
}

const composer = (page: Page) => page.getByRole('textbox', { name: /^Your reply to / });
const KEPT_LINE = /It is kept on this computer, and Slowpost will try again\./;

/** Opens the composer on the selected conversation; returns the post it answers. */
async function startReply(page: Page): Promise<string> {
  await page.keyboard.press('r');
  await expect(composer(page)).toBeFocused();
  return decodeURIComponent(new URL(page.url()).hash.replace(/^#.*reply=([^&]*).*$/, '$1'));
}

/** Types at the end of the field, key by key, and waits until every key is on the screen. */
async function typeAtEnd(page: Page, field: ReturnType<typeof composer>, text: string) {
  const before = await field.inputValue();
  await field.press('Control+End');
  await field.pressSequentially(text);
  await expect(field).toHaveValue(before + text);
}

/** What is still written ahead in the page's storage (only until the store has it). */
async function writeAheadKeys(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Object.keys(localStorage).filter((key) => key.startsWith('slowpost:wal:')),
  );
}

/** Reopens the app in a new tab of the same browser profile, on the same address. */
async function reopen(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  return page;
}

test('typing then reloading at once, 20 times: every round keeps every character typed', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openInbox(page);
  const postId = await startReply(page);
  let typed = '';
  let kept = 0;
  for (let round = 1; round <= 20; round++) {
    const piece = `${round === 1 ? '' : ' '}round ${round} — ça va`;
    await typeAtEnd(page, composer(page), piece);
    typed += piece;
    // No waiting for "Draft saved": the reload comes right after the last key reached the screen.
    await page.reload();
    await expect(composer(page)).toBeVisible();
    if ((await composer(page).inputValue()) === typed) kept++;
    await expect(composer(page)).toHaveValue(typed);
  }
  test.info().annotations.push({ type: 'immediate reloads kept', description: `${kept}/20` });
  console.log(`drafts: immediate reloads that kept every character: ${kept}/20`);
  expect(kept).toBe(20);
  // Once stored, nothing stays written ahead.
  await expect(page.getByText('Draft saved')).toBeVisible();
  expect((await readRecord<StoredDraft>(page, 'drafts', postId))?.text).toBe(typed);
  await expect.poll(() => writeAheadKeys(page)).toEqual([]);
});

test('closing the tab right after typing: a new tab opens the composer with every character', async ({
  page,
  context,
}) => {
  test.setTimeout(180_000);
  await openInbox(page);
  await startReply(page);
  const url = page.url();
  let current = page;
  let typed = '';
  let kept = 0;
  for (let round = 1; round <= 8; round++) {
    const piece = `${round === 1 ? '' : ' '}tab ${round}`;
    await typeAtEnd(current, composer(current), piece);
    typed += piece;
    await current.close();
    current = await reopen(context, url);
    await expect(composer(current)).toBeVisible();
    if ((await composer(current).inputValue()) === typed) kept++;
    await expect(composer(current)).toHaveValue(typed);
  }
  test.info().annotations.push({ type: 'tab closes kept', description: `${kept}/8` });
  console.log(`drafts: tab closes that kept every character: ${kept}/8`);
  expect(kept).toBe(8);
});

test('a crash of the page right after typing loses nothing', async ({ page, context }) => {
  await openInbox(page);
  await startReply(page);
  const url = page.url();
  await typeAtEnd(page, composer(page), 'Written a moment before the crash');

  const crashed = page.waitForEvent('crash');
  const cdp = await context.newCDPSession(page);
  void cdp.send('Page.crash').catch(() => undefined);
  await crashed;

  const next = await reopen(context, url);
  await expect(composer(next)).toHaveValue('Written a moment before the crash');
});

test('a reload started by the page itself keeps the last keys too', async ({ page }) => {
  await openInbox(page);
  await startReply(page);
  await typeAtEnd(page, composer(page), 'Typed, then the page reloaded itself');
  await page.evaluate(() => location.reload());
  await expect(composer(page)).toHaveValue('Typed, then the page reloaded itself');
});

test('private notes about a person survive an immediate reload too', async ({ page }) => {
  await openInbox(page);
  await startReply(page);
  const card = page.getByRole('complementary', { name: /^About / });
  const notes = card.getByRole('textbox', { name: /^Your private notes about / });
  await notes.press('Control+End');
  await notes.pressSequentially('Met at the SummitUp conference.');
  await expect(notes).toHaveValue('Met at the SummitUp conference.');
  await page.reload();
  await expect(notes).toHaveValue('Met at the SummitUp conference.');
});

test('a reply sent or a draft discarded right after typing does not come back after a reload', async ({
  page,
}) => {
  await openInbox(page);
  const sentTo = await startReply(page);
  await typeAtEnd(page, composer(page), 'Sent the moment it was written.');
  await composer(page).press('Control+Enter');
  await expect(composer(page)).toBeHidden();

  await page.keyboard.press('j');
  const discarded = await startReply(page);
  expect(discarded).not.toBe(sentTo);
  await typeAtEnd(page, composer(page), 'Never mind.');
  await page.getByRole('button', { name: 'Discard draft…' }).click();
  await page
    .getByRole('group', { name: 'Discard this draft?' })
    .getByRole('button', { name: 'Discard' })
    .click();
  await expect(composer(page)).toBeHidden();

  await page.reload();
  await page.getByRole('button', { name: 'Replies' }).click();
  await expect(page.getByRole('region', { name: 'Reply later' })).toContainText(
    'Nothing waits for a considered reply.',
  );
  expect(await readAll(page, 'drafts')).toEqual([]);
  expect(await writeAheadKeys(page)).toEqual([]);
});

test('when the draft cannot be saved, the text stays, the user is told, and it is saved once the store works again', async ({
  page,
}) => {
  test.setTimeout(180_000);
  // The fault comes from the test, not the app: every write to the drafts table throws, as a full
  // disk would, while the flag is set (it survives reloads of the tab, like a full disk).
  // Dexie writes a record with `store.put(value)` on the IDBObjectStore of its transaction.
  await page.addInitScript(() => {
    const proto = IDBObjectStore.prototype;
    const put = Object.getOwnPropertyDescriptor(proto, 'put')?.value as typeof proto.put;
    Object.defineProperty(proto, 'put', {
      configurable: true,
      writable: true,
      value(this: IDBObjectStore, ...args: Parameters<typeof proto.put>): IDBRequest {
        if (this.name === 'drafts' && sessionStorage.getItem('test:drafts-fail') === 'yes') {
          throw new DOMException('The disk is full (test fault)', 'QuotaExceededError');
        }
        return put.apply(this, args);
      },
    });
  });
  await openInbox(page);
  const postId = await startReply(page);
  await page.evaluate(() => sessionStorage.setItem('test:drafts-fail', 'yes'));

  const text = 'Written while the disk is full. Every word of it stays.';
  await typeAtEnd(page, composer(page), text);
  const status = page.getByRole('form', { name: 'Your reply' }).getByRole('status');
  await expect(status).toHaveText(/^Could not save the draft yet \(.*disk is full.*\)\./);
  await expect(status).toHaveText(KEPT_LINE);
  await expect(composer(page)).toHaveValue(text);
  expect(await readRecord<StoredDraft>(page, 'drafts', postId)).toBeUndefined();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // Still failing, a reload opens the composer with the text, and says it is not saved yet.
  await page.reload();
  await expect(composer(page)).toHaveValue(text);
  await expect(status).toHaveText(KEPT_LINE);

  // "Back" while it fails: the draft is not lost, and the app says so in words.
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(composer(page)).toBeHidden();
  const appStatus = page.getByRole('status').filter({ hasText: 'could not be saved yet' });
  await expect(appStatus).toHaveText(
    'A draft could not be saved yet. Everything you wrote is kept on this computer, and Slowpost will try again.',
  );
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The store works again: the app tries again by itself (backing off up to 30 s between tries).
  await page.evaluate(() => sessionStorage.removeItem('test:drafts-fail'));
  await expect(appStatus).toBeHidden({ timeout: 45_000 });
  expect((await readRecord<StoredDraft>(page, 'drafts', postId))?.text).toBe(text);
  expect(await writeAheadKeys(page)).toEqual([]);

  // And the composer says so.
  await page.keyboard.press('r');
  await expect(composer(page)).toHaveValue(text);
  await expect(status).toHaveText('Draft saved');
});

test('quitting the app waits until the page has stored what it was typing', async ({ page }) => {
  const host = await startOwnHost();
  try {
    await openInbox(page, `${host.origin}/`);
    const postId = await startReply(page);
    const notes = page
      .getByRole('complementary', { name: /^About / })
      .getByRole('textbox', { name: /^Your private notes about / });
    await notes.pressSequentially('Loves pair programming.');
    await typeAtEnd(page, composer(page), 'Quit right after this sentence.');

    // Main quits now, as the tray's Quit would: it asks the page, and waits for its answer.
    expect(await host.quit()).toEqual({ reason: 'confirmed', unstored: 0 });

    // The page stored both before it answered; nothing is left only written ahead.
    expect((await readRecord<StoredDraft>(page, 'drafts', postId))?.text).toBe(
      'Quit right after this sentence.',
    );
    const people = await readAll<StoredPerson>(page, 'people');
    expect(people.filter((p) => p.notes === 'Loves pair programming.')).toHaveLength(1);
    expect(await writeAheadKeys(page)).toEqual([]);
  } finally {
    await host.close();
  }
});
