import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { keepAppReachableOffline, openInbox, readAll, seriousA11yViolations } from './support/app';

interface StoredPost {
  id: string;
  threadId: string;
  contentHtml: string;
  isOwn: boolean;
}
interface StoredEntry {
  id: string;
  text: string;
  state: string;
  attempts: number;
}

const composer = (page: Page) => page.getByRole('textbox', { name: /^Your reply to / });
const sendReply = (page: Page) => page.getByRole('button', { name: 'Send reply' });
const notice = (page: Page) => page.getByRole('region', { name: 'Reply on its way' });

/** Opens the composer on the selected conversation; returns whom it answers. */
async function startReply(page: Page): Promise<string> {
  await page.keyboard.press('r');
  await expect(composer(page)).toBeFocused();
  const title =
    (await page.getByRole('heading', { level: 1, name: /^Reply to / }).textContent()) ?? '';
  return title.replace(/^Reply to /, '');
}

async function ownPostsWith(page: Page, text: string): Promise<StoredPost[]> {
  const posts = await readAll<StoredPost>(page, 'posts');
  return posts.filter((p) => p.isOwn && p.contentHtml.includes(text));
}

test('a reply written offline survives a reload, waits, and goes out once when the network is back', async ({
  page,
  context,
  baseURL,
}) => {
  await keepAppReachableOffline(context, baseURL ?? '');
  await openInbox(page);
  const recipient = await startReply(page);

  // The composer: the conversation, the person, the reply; nothing else.
  await expect(page.getByRole('complementary', { name: 'The conversation' })).toContainText(
    'You are answering this',
  );
  await expect(page.getByRole('complementary', { name: `About ${recipient}` })).toBeVisible();
  await expect(page.getByRole('listbox', { name: 'Conversations' })).toBeHidden();
  expect(await seriousA11yViolations(page)).toEqual([]);

  await context.setOffline(true);
  const text = `Thank you ${recipient.split(' ')[0]}, the photo of the bean fence made my morning. Saturday works for me.`;
  await composer(page).fill(text);
  await page.getByRole('combobox', { name: 'Who can see it' }).selectOption('private');
  await page.getByRole('checkbox', { name: 'Add a content warning' }).check();
  await page.getByRole('textbox', { name: 'Content warning' }).fill('garden gossip');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  const notes = page.getByRole('textbox', { name: `Your private notes about ${recipient}` });
  await notes.fill('Met at the SummitUp conference; loves pair programming.');
  await expect(page.getByText('Saved only on this computer; never sent.')).toBeVisible();
  await expect(page.getByText('Draft saved')).toBeVisible();
  await expect(page.getByText(/\d+ characters left/)).toBeVisible();

  // A reload (offline) brings back the composer with the draft exactly as it was left.
  await page.reload();
  await expect(composer(page)).toHaveValue(text);
  await expect(page.getByRole('combobox', { name: 'Who can see it' })).toHaveValue('private');
  await expect(page.getByRole('textbox', { name: 'Content warning' })).toHaveValue('garden gossip');
  await expect(page.getByRole('combobox', { name: 'Language' })).toHaveValue('de');
  await expect(notes).toHaveValue('Met at the SummitUp conference; loves pair programming.');

  // Queue it to go now: offline, it waits in the outbox (and could still be taken back).
  await page.getByRole('radio', { name: 'Now' }).check();
  await sendReply(page).click();
  await expect(composer(page)).toBeHidden();
  await expect(notice(page)).toContainText('Waiting for the network');
  await page.getByRole('button', { name: 'Replies' }).click();
  const outbox = page.getByRole('list', { name: 'Replies in the outbox' });
  await expect(outbox.getByRole('listitem', { name: `To ${recipient}: Waiting` })).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  expect(await ownPostsWith(page, 'bean fence')).toHaveLength(0);

  // Back online: it goes out, once, and shows in its conversation.
  await context.setOffline(false);
  await expect(outbox.getByRole('listitem', { name: `To ${recipient}: Sent` })).toBeVisible();
  await expect(notice(page)).toContainText(`Your reply to ${recipient} was sent.`);
  const sent = await ownPostsWith(page, 'bean fence');
  expect(sent).toHaveLength(1);
  const entries = (await readAll<StoredEntry>(page, 'outbox')).filter((e) => e.text === text);
  expect(entries.map((e) => [e.state, e.attempts])).toEqual([['sent', 1]]);

  // It is in its conversation: answering there again shows it, from the local store.
  const answered = (await readAll<StoredEntry & { inReplyToPostId: string }>(page, 'outbox')).find(
    (e) => e.text === text,
  );
  await page.goto(`/#reply=${encodeURIComponent(answered?.inReplyToPostId ?? '')}`);
  const thread = page.getByRole('complementary', { name: 'The conversation' });
  await expect(
    thread.getByRole('article', { name: /^You,/ }).filter({ hasText: 'bean fence' }),
  ).toHaveCount(1);
  await page.keyboard.press('Escape');

  // Going offline and online again sends nothing more.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.waitForTimeout(500);
  expect(await ownPostsWith(page, 'bean fence')).toHaveLength(1);
});

test('undo within the cooling-off delay takes the reply back and restores the draft', async ({
  page,
}) => {
  await openInbox(page);
  const recipient = await startReply(page);
  const text = 'I would love to come along. Shall I bring the spare trowels?';
  await composer(page).fill(text);
  await expect(
    page.getByRole('radio', { name: /In 30 seconds, so you can still take it back/ }),
  ).toBeChecked();
  await sendReply(page).click();
  await expect(composer(page)).toBeHidden();
  await expect(notice(page)).toContainText(`Your reply to ${recipient}: Goes out in`);

  await notice(page).getByRole('button', { name: 'Undo send' }).click();
  await expect(composer(page)).toHaveValue(text);
  const entries = (await readAll<StoredEntry>(page, 'outbox')).filter((e) => e.text === text);
  expect(entries.map((e) => [e.state, e.attempts])).toEqual([['cancelled', 0]]);
  expect(await ownPostsWith(page, 'spare trowels')).toHaveLength(0);

  // The restored draft is in the store, and in the reply-later list.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Replies' }).click();
  await expect(
    page.getByRole('region', { name: 'Reply later' }).getByText(`Your draft: “${text}”`),
  ).toBeVisible();
});

test('a near-copy of a reply sent to someone else gets the form-letter hint; an original reply does not', async ({
  page,
}) => {
  await openInbox(page);
  const first = await startReply(page);
  await composer(page).fill(
    'Thanks so much for the follow! I mostly write about gardening and slow weekends, have a look around.',
  );
  await page.getByRole('radio', { name: 'Now' }).check();
  await sendReply(page).click();
  await expect(notice(page)).toContainText(`Your reply to ${first} was sent.`);

  // The next conversation with someone else.
  let second = await startReply(page);
  for (let i = 0; i < 10 && second === first; i++) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('j');
    second = await startReply(page);
  }
  expect(second).not.toBe(first);

  await composer(page).fill(
    'Thanks so much for the follow! I mostly write about gardening and slow weekends — have a look around!',
  );
  const hint = page.getByRole('region', { name: 'This reads like a form letter' });
  await expect(hint).toContainText('This reads a lot like what you sent to someone else recently');
  await expect(hint).toContainText(`Your reply to ${first}`);
  await expect(hint).toContainText('Thanks so much for the follow!');
  // Advice only: sending stays possible.
  await expect(sendReply(page)).toBeEnabled();
  await page.screenshot({ path: join(__dirname, 'screenshots', 'composer.png') });
  expect(await seriousA11yViolations(page)).toEqual([]);

  await composer(page).fill(
    'Your photo of the allotment after the rain is wonderful. How did the leeks survive the frost?',
  );
  await expect(hint).toBeHidden();
});

test('reply later: the Replies page lists the conversation, the reply is written from there, and the outbox can take it back', async ({
  page,
}) => {
  await openInbox(page);
  await page.keyboard.press('l');
  await page.getByRole('button', { name: 'Replies' }).click();
  const later = page.getByRole('region', { name: 'Reply later' });
  const write = later.getByRole('button', { name: /^Write to / });
  await expect(write).toHaveCount(1);
  const name = ((await write.getAttribute('aria-label')) ?? '').replace(/^Write to /, '');
  await expect(later).toContainText('No draft yet.');
  expect(await seriousA11yViolations(page)).toEqual([]);

  await write.click();
  await expect(page.getByRole('heading', { level: 1, name: `Reply to ${name}` })).toBeVisible();
  const text = 'I have been thinking about your question all week. Here is my honest answer.';
  await composer(page).fill(text);
  await sendReply(page).click();
  // Sent from here, it leaves the reply-later list and waits in the outbox, undoable.
  await expect(later).toContainText('Nothing waits for a considered reply.');
  const outbox = page.getByRole('list', { name: 'Replies in the outbox' });
  const entry = outbox.getByRole('listitem', { name: `To ${name}: Waiting` });
  await expect(entry).toContainText('Goes out in');
  await entry.getByRole('button', { name: 'Take back' }).click();
  await expect(composer(page)).toHaveValue(text);
  await page.keyboard.press('Escape');
  await expect(outbox).toHaveCount(0);
  await expect(later.getByText(`Your draft: “${text}”`)).toBeVisible();
});

test('a draft is discarded only after confirming, and stays gone after a reload', async ({
  page,
}) => {
  await openInbox(page);
  const recipient = await startReply(page);
  await composer(page).fill('Half a thought I would rather not send.');
  await page.getByRole('button', { name: 'Discard draft…' }).click();
  const confirm = page.getByRole('group', { name: 'Discard this draft?' });
  await confirm.getByRole('button', { name: 'Keep writing' }).click();
  await expect(composer(page)).toHaveValue('Half a thought I would rather not send.');

  await page.getByRole('button', { name: 'Discard draft…' }).click();
  await confirm.getByRole('button', { name: 'Discard' }).click();
  await expect(composer(page)).toBeHidden();
  const preview = page.getByRole('region', { name: 'Your reply' });
  await expect(
    preview.getByRole('button', { name: `Write a reply to ${recipient}` }),
  ).toBeVisible();
  await page.reload();
  await expect(
    preview.getByRole('button', { name: `Write a reply to ${recipient}` }),
  ).toBeVisible();
  expect(await readAll(page, 'drafts')).toEqual([]);
});

test('the reply settings: the cooling-off delay and the default way to send, up to "with the next delivery"', async ({
  page,
}) => {
  await openInbox(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const delay = settings.getByRole('spinbutton', { name: 'Cooling-off delay in seconds' });
  await delay.fill('2');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(delay).toHaveAccessibleDescription(/whole number of seconds from 5 to 600/);
  await delay.fill('45');
  await settings
    .getByRole('combobox', { name: 'Send replies by default' })
    .selectOption('next-delivery');
  await settings.getByRole('button', { name: 'Save settings' }).click();
  await expect(settings).toBeHidden();

  const recipient = await startReply(page);
  await expect(page.getByRole('radio', { name: /^In 45 seconds/ })).not.toBeChecked();
  const withDelivery = page.getByRole('radio', { name: /^With the next delivery, at / });
  await expect(withDelivery).toBeChecked();
  const label = (await page.getByText(/^With the next delivery, at /).textContent()) ?? '';
  const at = label.replace(/^With the next delivery, at /, '');
  await composer(page).fill('No rush at all: this can go with my next delivery.');
  await sendReply(page).click();
  await expect(notice(page)).toContainText(
    new RegExp(`Your reply to ${recipient}: Goes out (at ${at}|in \\d+ seconds?)\\.`),
  );
  const entries = (
    await readAll<StoredEntry & { sendAfter: number; createdAt: number }>(page, 'outbox')
  ).filter((e) => e.text.startsWith('No rush at all'));
  expect(entries).toHaveLength(1);
  expect(entries[0]?.state).toBe('waiting');
  // Not now: it waits for the delivery's time.
  expect(entries[0]?.sendAfter ?? 0).toBeGreaterThan(entries[0]?.createdAt ?? 0);
});
