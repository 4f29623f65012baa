import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { listSize, openInbox, readAll, readRecord, writeRecords } from './support/app';

// A delivery longer than the first screen: a cold open shows its first conversations at once
// (from a small record), then the whole session. Nothing of it may go missing on the way.

const ADDED = 70;
/** What the first view's first screen holds (FIRST_SCREEN_ROWS in session-view.ts). */
const FIRST_SCREEN_ROWS = 50;

interface Row {
  id: string;
  [field: string]: unknown;
}

const selected = (page: Page) =>
  page
    .getByRole('listbox', { name: 'Conversations' })
    .locator('[role="option"][aria-selected="true"]');

/**
 * From the next load on, notes each size the session's list shows (0 while the session is up
 * with no conversations listed: only the screener left, or finished).
 */
async function watchListSizes(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as { listSizes: number[] }).listSizes = seen;
    new MutationObserver(() => {
      // The session is up once its delivery bar is.
      if (document.querySelector('section[aria-label="This delivery"]') === null) return;
      const list = document.querySelector('[role="listbox"][aria-label="Conversations"]');
      const option = list?.querySelector('[role="option"]');
      const size = Number(option?.getAttribute('aria-setsize') ?? 0);
      if (seen.at(-1) !== size) seen.push(size);
    }).observe(document, { childList: true, subtree: true, attributes: true });
  });
}

async function listSizesSeen(page: Page): Promise<number[]> {
  return page.evaluate(() => (window as unknown as { listSizes: number[] }).listSizes);
}

/** The open conversation's thread id, from the address. */
function openThreadId(page: Page): string {
  const hash = new URL(page.url()).hash.slice(1);
  return decodeURIComponent(new URLSearchParams(hash).get('conversation') ?? '');
}

/**
 * Adds `count` conversations to the open delivery, each its own thread started by the author of
 * the open conversation (someone the session already shows, so none waits in the screener).
 */
async function addConversations(page: Page, count: number): Promise<void> {
  const threadId = openThreadId(page);
  expect(threadId).not.toBe('');
  const thread = await readRecord<Row>(page, 'threads', threadId);
  const activity = (await readAll<Row>(page, 'activity')).find(
    (a) => a['threadId'] === threadId && a['postId'] !== null,
  );
  const post = await readRecord<Row>(page, 'posts', String(activity?.['postId']));
  expect(thread && activity && post).toBeTruthy();
  const accountId = String(post?.['accountId']);
  const threads: Row[] = [];
  const posts: Row[] = [];
  const items: Row[] = [];
  for (let i = 0; i < count; i++) {
    const networkId = `e2e-long-${i}`;
    const id = `${accountId}|${networkId}`;
    const uri = `https://example.test/long/${i}`;
    const at = Number(activity?.['createdAt']) - (i + 1) * 60_000;
    posts.push({
      ...post,
      id,
      networkId,
      uri,
      url: null,
      threadId: id,
      contentHtml: `<p>Long session question ${i + 1}: how is the garden doing?</p>`,
      createdAt: at,
      parent: null,
      root: { ...(post?.['root'] as object), uri },
    });
    threads.push({
      ...thread,
      id,
      rootPostId: id,
      lastPostId: id,
      subject: `Long session question ${i + 1}`,
      lastSnippet: `Long session question ${i + 1}`,
      lastActivityAt: at,
      triage: 'open',
      triagedAt: null,
    });
    items.push({
      ...activity,
      id: `${accountId}|e2e-long-activity-${i}`,
      networkId: `e2e-long-activity-${i}`,
      postId: id,
      threadId: id,
      createdAt: at,
    });
  }
  await writeRecords(page, 'threads', threads);
  await writeRecords(page, 'posts', posts);
  await writeRecords(page, 'activity', items);
}

test('a delivery longer than one screen opens whole, across reloads, and triage goes past its first screen', async ({
  page,
}) => {
  test.setTimeout(240_000);
  await openInbox(page);
  await expect(selected(page)).toHaveCount(1);
  const before = await listSize(page);
  await addConversations(page, ADDED);

  // Read from the records (what was written changed them): the session and its first view's
  // records are made again…
  await page.reload();
  await expect.poll(() => listSize(page)).toBe(before + ADDED);
  await expect
    .poll(
      async () =>
        (await readRecord<{ complete?: boolean }>(page, 'sessionSnapshots', 'first'))?.complete,
    )
    .toBe(false);

  // …and the next open shows the first screen, then the whole session.
  await watchListSizes(page);
  await page.reload();
  await expect.poll(() => listSize(page)).toBe(before + ADDED);
  // The first screen (when it is drawn before the whole arrives), then all of it; nothing else.
  const sizes = await listSizesSeen(page);
  expect(sizes.at(-1)).toBe(before + ADDED);
  expect(sizes.filter((n) => n !== FIRST_SCREEN_ROWS && n !== before + ADDED)).toEqual([]);
  await expect(selected(page)).toHaveAttribute('aria-posinset', '1');
  for (let i = 0; i < 60; i++) await page.keyboard.press('j');
  await expect(selected(page)).toHaveAttribute('aria-posinset', '61');
  for (let i = 0; i < 60; i++) await page.keyboard.press('k');
  await expect(selected(page)).toHaveAttribute('aria-posinset', '1');

  // Triage through all of the first screen and beyond.
  const done = 55;
  const doneInStore = async () =>
    (await readAll<Row>(page, 'threads')).filter((t) => t['triage'] === 'done').length;
  const doneBefore = await doneInStore();
  for (let i = 0; i < done; i++) {
    await page.keyboard.press('e');
    await expect.poll(() => listSize(page)).toBe(before + ADDED - i - 1);
  }
  // Opened again, with the first screen all handled, the rest of the session is there, and at
  // no moment does the list show less (nothing left on the first screen is not "nothing left").
  // (Each triage is written just after the frame that shows it: the last one is waited for.)
  await expect.poll(doneInStore).toBe(doneBefore + done);
  await watchListSizes(page);
  await page.reload();
  await expect.poll(() => listSize(page)).toBe(before + ADDED - done);
  await expect(selected(page)).toHaveAttribute('aria-posinset', '1');
  await expect(page.getByRole('heading', { level: 2, name: /conversation with/i })).toBeVisible();
  expect(await listSizesSeen(page)).toEqual([before + ADDED - done]);
});
