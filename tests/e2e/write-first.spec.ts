import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { keepAppReachableOffline, openInbox, readAll, seriousA11yViolations } from './support/app';

interface StoredPost {
  id: string;
  threadId: string;
  contentHtml: string;
  isOwn: boolean;
  parent: { id: string } | null;
}
interface StoredEntry {
  id: string;
  text: string;
  state: string;
  attempts: number;
  inReplyToPostId: string | null;
  addressee: { personId: string; handle: string } | null;
}

const message = (page: Page) => page.getByRole('textbox', { name: /^Your message to / });
const notice = (page: Page) => page.getByRole('region', { name: 'Reply on its way' });

/** The user's own posts holding `text` (what the demo network accepted, stored when sent). */
async function ownPostsWith(page: Page, text: string): Promise<StoredPost[]> {
  const posts = await readAll<StoredPost>(page, 'posts');
  return posts.filter((p) => p.isOwn && p.contentHtml.includes(text));
}

test('writing to someone first: offline, kept across a reload, sent once when the network is back', async ({
  page,
  context,
  baseURL,
}) => {
  await keepAppReachableOffline(context, baseURL ?? '');
  await openInbox(page);

  // From a conversation's composer, the person card offers to write to them first.
  await page.keyboard.press('r');
  const title =
    (await page.getByRole('heading', { level: 1, name: /^Reply to / }).textContent()) ?? '';
  const name = title.replace(/^Reply to /, '');
  const card = page.getByRole('complementary', { name: `About ${name}` });
  await card.getByRole('button', { name: `Write to ${name}` }).click();

  // The new-conversation composer: the person, the message, nothing else; no conversation yet.
  await expect(page.getByRole('heading', { level: 1, name: `Write to ${name}` })).toBeVisible();
  await expect(message(page)).toBeFocused();
  await expect(page.getByRole('complementary', { name: 'The conversation' })).toHaveCount(0);
  await expect(card.getByRole('button', { name: `Write to ${name}` })).toHaveCount(0);
  await expect(page.getByText(/^Writing as /)).toBeVisible();
  // A message written to one person goes to them only, unless the user chooses otherwise.
  await expect(page.getByRole('combobox', { name: 'Who can see it' })).toHaveValue('direct');
  expect(new URL(page.url()).hash).toMatch(/write=/);
  expect(await seriousA11yViolations(page)).toEqual([]);

  await context.setOffline(true);
  const text =
    'I was thinking of you when the first beans came up. How is the new allotment going?';
  await message(page).fill(text);
  await expect(page.getByText('Draft saved')).toBeVisible();
  await page.screenshot({ path: join(__dirname, 'screenshots', 'write-first.png') });

  // A reload (offline) reopens the composer for the same person with the draft as it was left.
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: `Write to ${name}` })).toBeVisible();
  await expect(message(page)).toHaveValue(text);

  // Sent "now" while offline: it waits in the outbox.
  await page.getByRole('radio', { name: 'Now' }).check();
  await page.getByRole('button', { name: 'Send message' }).click();
  await expect(message(page)).toBeHidden();
  await expect(notice(page)).toContainText(`Your message to ${name}: Waiting for the network`);
  await page.getByRole('button', { name: 'Replies' }).click();
  const outbox = page.getByRole('list', { name: 'Replies in the outbox' });
  await expect(outbox.getByRole('listitem', { name: `To ${name}: Waiting` })).toBeVisible();
  expect(await ownPostsWith(page, 'first beans')).toHaveLength(0);

  // A reload while it waits: the entry is still there, still waiting, and not sent.
  await page.reload();
  await expect(outbox.getByRole('listitem', { name: `To ${name}: Waiting` })).toBeVisible();
  const waiting = (await readAll<StoredEntry>(page, 'outbox')).filter((e) => e.text === text);
  expect(waiting.map((e) => [e.state, e.inReplyToPostId])).toEqual([['waiting', null]]);
  expect(waiting[0]?.addressee?.handle).toBeTruthy();

  // Back online: it goes out once, as a post that answers nothing and mentions them.
  await context.setOffline(false);
  await expect(outbox.getByRole('listitem', { name: `To ${name}: Sent` })).toBeVisible();
  const sent = await ownPostsWith(page, 'first beans');
  expect(sent).toHaveLength(1);
  expect(sent[0]?.parent).toBeNull();
  const handle = (waiting[0]?.addressee?.handle ?? '').replace(/^@/, '').split('@')[0] ?? '';
  expect(sent[0]?.contentHtml).toContain(handle);
  const entries = (await readAll<StoredEntry>(page, 'outbox')).filter((e) => e.text === text);
  expect(entries.map((e) => [e.state, e.attempts])).toEqual([['sent', 1]]);

  // Going offline and online again sends nothing more; the draft is gone.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForTimeout(500);
  expect(await ownPostsWith(page, 'first beans')).toHaveLength(1);
  expect(await readAll<{ id: string }>(page, 'drafts')).not.toContainEqual(
    expect.objectContaining({ id: expect.stringMatching(/^write:/) }),
  );
});
