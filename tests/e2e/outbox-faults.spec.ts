import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  keepAppReachableOffline,
  openInbox,
  readAll,
  readRecord,
  seriousA11yViolations,
  writeRecords,
} from './support/app';

interface StoredPost {
  id: string;
  threadId: string;
  accountId: string;
  authorId: string;
  contentHtml: string;
  isOwn: boolean;
}
interface StoredPerson {
  id: string;
  displayName: string;
}
interface StoredEntry {
  id: string;
  text: string;
  state: string;
}

const composer = (page: Page) => page.getByRole('textbox', { name: /^Your reply to / });
const outbox = (page: Page) => page.getByRole('list', { name: 'Replies in the outbox' });

/** Someone else's post in the inbox, and its author's name. */
async function somePost(page: Page): Promise<{ post: StoredPost; name: string }> {
  const posts = await readAll<StoredPost>(page, 'posts');
  const post = posts.find((p) => !p.isOwn && p.threadId !== p.id);
  if (post === undefined) throw new Error('the demo inbox has no reply from someone else');
  const author = await readRecord<StoredPerson>(page, 'people', post.authorId);
  return { post, name: author?.displayName ?? 'someone' };
}

function outboxRow(post: StoredPost, id: string, over: Record<string, unknown>) {
  const at = Date.now() - 60_000;
  return {
    id,
    idempotencyKey: `key-${id}-0123456789abcdef`,
    accountId: post.accountId,
    threadId: post.threadId,
    inReplyToPostId: post.id,
    text: `text of ${id}`,
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    state: 'waiting',
    createdAt: at,
    sendAfter: at,
    attempts: 0,
    firstAttemptAt: null,
    outcomeUnknown: false,
    nextAttemptAt: at,
    lastError: null,
    sentPostId: null,
    recordKey: null,
    ...over,
  };
}

async function ownPostsWith(page: Page, text: string): Promise<StoredPost[]> {
  return (await readAll<StoredPost>(page, 'posts')).filter(
    (p) => p.isOwn && p.contentHtml.includes(text),
  );
}

test('a reply an earlier try may have posted is checked before it comes back as a draft', async ({
  page,
  context,
  baseURL,
}) => {
  await keepAppReachableOffline(context, baseURL ?? '');
  await openInbox(page);
  const { post, name } = await somePost(page);
  const text = 'See you at the allotment on Saturday, I will bring the seedlings.';
  // The server took the reply, then answered with something unreadable: the outcome is unknown.
  await writeRecords(page, 'outbox', [
    outboxRow(post, 'unclear-1', {
      text,
      state: 'needs-attention',
      attempts: 1,
      firstAttemptAt: Date.now() - 60_000,
      outcomeUnknown: true,
      lastError:
        'The server’s answer could not be understood, so Slowpost cannot tell whether your reply was posted.',
    }),
  ]);
  await page.reload();
  await page.getByRole('button', { name: 'Replies' }).click();
  const row = outbox(page).getByRole('listitem', { name: `To ${name}: Needs attention` });
  await expect(row).toContainText('cannot tell whether your reply was posted');

  // Offline, the network cannot be asked: the row says so plainly and keeps the reply.
  await context.setOffline(true);
  await row.getByRole('button', { name: 'Edit as a draft' }).click();
  const alert = row.getByRole('alert');
  await expect(alert).toContainText('could not check whether this reply was posted');
  await expect(alert).toContainText('it may be posted twice');
  await expect(row.getByRole('button', { name: 'Edit anyway' })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await readRecord<StoredEntry>(page, 'outbox', 'unclear-1')).toMatchObject({
    state: 'needs-attention',
    text,
  });

  // Back online, the check finds it is not there: now it can safely become a draft.
  await context.setOffline(false);
  await row.getByRole('button', { name: 'Check again' }).click();
  await expect(row.getByRole('alert')).toContainText('It is not posted');
  await row.getByRole('button', { name: 'Edit as a draft' }).click();
  await expect(composer(page)).toHaveValue(text);
  expect(await readRecord<StoredEntry>(page, 'outbox', 'unclear-1')).toMatchObject({
    state: 'cancelled',
  });
  expect(await readRecord<{ text: string }>(page, 'drafts', post.id)).toMatchObject({ text });
  expect(await ownPostsWith(page, 'bring the seedlings')).toHaveLength(0);
});

test('an outbox row that cannot be read is never sent, and what it holds is kept', async ({
  page,
}) => {
  await openInbox(page);
  const { post, name } = await somePost(page);
  const { text: _dropped, ...withoutText } = outboxRow(post, 'damaged-no-text', {});
  await writeRecords(page, 'outbox', [
    outboxRow(post, 'damaged-state', { text: 'A reply from a newer Slowpost', state: 'queued' }),
    withoutText,
  ]);
  await openInbox(page);

  // A whole reply queued now goes out: the sender has run, and skipped the damaged rows.
  await page.keyboard.press('r');
  await expect(composer(page)).toBeFocused();
  await composer(page).fill('Thank you for the tomato seeds, they are already up.');
  await page.getByRole('radio', { name: 'Now' }).check();
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByRole('region', { name: 'Reply on its way' })).toContainText('was sent');
  expect(await ownPostsWith(page, 'newer Slowpost')).toHaveLength(0);
  expect(await ownPostsWith(page, 'undefined')).toHaveLength(0);

  await page.getByRole('button', { name: 'Replies' }).click();
  const damaged = outbox(page).getByRole('listitem', {
    name: `To ${name}: Needs attention (cannot be read)`,
  });
  await expect(damaged).toHaveCount(2);
  const withText = damaged.filter({ hasText: 'A reply from a newer Slowpost' });
  await expect(withText).toContainText('will not send it');
  await withText.getByText('What is wrong with it').click();
  await expect(withText).toContainText('state');
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The one without text can only go, after a confirmation.
  const empty = damaged.filter({ hasText: 'This reply holds no text.' });
  await empty.getByRole('button', { name: 'Remove from the outbox…' }).click();
  await empty.getByRole('button', { name: 'Remove', exact: true }).click();
  await expect(damaged).toHaveCount(1);

  // The one with text comes back as a draft.
  await withText.getByRole('button', { name: 'Edit as a draft' }).click();
  await expect(composer(page)).toHaveValue('A reply from a newer Slowpost');
  const rows = await readAll<StoredEntry>(page, 'outbox');
  expect(rows.map((r) => r.id)).not.toContain('damaged-state');
  expect(rows.map((r) => r.id)).not.toContain('damaged-no-text');
});
