import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { bridgeFailure } from '@shared/ipc/result';
import { conversationList, conversations, openInbox, seriousA11yViolations } from './support/app';
import { BLUESKY_ACCOUNT, MASTODON_ACCOUNT, seedAccount } from './support/other-accounts';

const SCREENSHOTS = join(__dirname, 'screenshots');

let pageErrors: string[];
test.beforeEach(({ page }) => {
  pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(`${error.name}: ${error.message}`));
});
test.afterEach(() => {
  expect(pageErrors).toEqual([]);
});

/** The demo inbox plus a Mastodon and a Bluesky account, each with a mention in this delivery. */
async function inboxWithTwoAccounts(page: Page): Promise<void> {
  await openInbox(page);
  await seedAccount(page, {
    account: MASTODON_ACCOUNT,
    authorNetworkId: '2002',
    authorHandle: '@mira@tidepool.social',
    authorName: 'Mira Castellanos',
    text: 'Are you coming to the seed swap on Saturday? I saved you some runner beans.',
    postUri: 'https://tidepool.social/users/mira/statuses/1',
  });
  await seedAccount(page, {
    account: BLUESKY_ACCOUNT,
    authorNetworkId: 'did:plc:mira',
    authorHandle: 'mira.bsky.social',
    authorName: 'Mira C.',
    text: 'The photos from the allotment came out well — want the one with the sunflowers?',
    postUri: 'at://did:plc:mira/app.bsky.feed.post/3kabc',
  });
  await page.reload();
  await expect(conversations(page).first()).toBeVisible();
}

function row(page: Page, account: string) {
  return conversationList(page).getByRole('option', { name: new RegExp(account) });
}

test('each conversation says quietly which account it came to', async ({ page }) => {
  await inboxWithTwoAccounts(page);
  const bluesky = row(page, 'to robin\\.bsky\\.social on Bluesky');
  const mastodon = row(page, 'to @robin@tidepool\\.social on Mastodon');
  await expect(bluesky).toHaveCount(1);
  await expect(mastodon).toHaveCount(1);
  await expect(bluesky).toContainText('robin.bsky.social');
  // The demo's conversations are marked too, once real accounts are here.
  await expect(row(page, 'on Demo network').first()).toBeVisible();

  await bluesky.click();
  const thread = page.getByRole('region', { name: /^Conversation with Mira C\./ });
  await expect(thread.getByText('to robin.bsky.social on Bluesky')).toBeAttached();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'two-accounts.png') });
});

test('the demo alone shows no account marks', async ({ page }) => {
  await openInbox(page);
  await expect(conversationList(page).getByText(/on Demo network/)).toHaveCount(0);
});

test('a Bluesky reply goes out from the Bluesky account, counted and offered as Bluesky does', async ({
  page,
}) => {
  await inboxWithTwoAccounts(page);
  await row(page, 'on Bluesky').click();
  await page.keyboard.press('r');
  const editor = page.getByRole('textbox', { name: 'Your reply to Mira C.' });
  await expect(editor).toBeFocused();
  await expect(page.getByText('Replying as robin.bsky.social on Bluesky')).toBeVisible();
  await expect(page.getByText('300 graphemes left')).toBeVisible();
  // Bluesky has one audience and no content warning; the language can be set.
  await expect(page.getByRole('combobox', { name: 'Who can see it' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Add a content warning' })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: 'Language' })).toBeVisible();
  // A link counts as written on Bluesky (on Mastodon it would count as 23).
  await editor.fill('Yes please! https://example.com/allotment/sunflowers-2026');
  await expect(page.getByText('243 graphemes left')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'bluesky-reply.png') });

  // Queued, the outbox says which account it goes out from.
  await page.getByRole('button', { name: 'Send reply' }).click();
  await page.getByRole('button', { name: 'Replies' }).click();
  const outbox = page.getByRole('list', { name: 'Replies in the outbox' });
  await expect(
    outbox
      .getByRole('listitem', { name: /^To Mira C\./ })
      .getByText('from robin.bsky.social on Bluesky'),
  ).toBeAttached();
  expect(await seriousA11yViolations(page)).toEqual([]);

  // The Mastodon conversation's composer offers Mastodon's choices.
  await page.getByRole('button', { name: 'Inbox' }).click();
  await row(page, 'on Mastodon').click();
  await page.keyboard.press('r');
  await expect(page.getByText('Replying as @robin@tidepool.social on Mastodon')).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Who can see it' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Add a content warning' })).toBeVisible();
});

test('"this is the same person": notes written on one account apply to the other; unlinking keeps them apart again', async ({
  page,
}) => {
  await inboxWithTwoAccounts(page);
  await row(page, 'on Bluesky').click();
  await page.keyboard.press('r');
  const card = page.getByRole('complementary', { name: 'About Mira C.' });
  await card.getByRole('button', { name: 'This is the same person as…' }).click();
  await card
    .getByRole('searchbox', { name: 'Find Mira C. on your other accounts' })
    .fill('tidepool');
  await card
    .getByRole('button', {
      name: 'Link Mira Castellanos (@mira@tidepool.social, via @robin@tidepool.social on Mastodon)',
    })
    .click();
  await expect(
    card.getByRole('button', {
      name: 'Unlink Mira Castellanos (@mira@tidepool.social, via @robin@tidepool.social on Mastodon)',
    }),
  ).toBeVisible();
  await card
    .getByRole('textbox', { name: 'Your private notes about Mira C.' })
    .fill('Runs the seed swap; allergic to walnuts.');
  await card
    .getByRole('combobox', { name: 'Keep in touch with Mira C.' })
    .selectOption('Every month');
  await expect(card.getByText('Saved only on this computer; never sent.')).toBeVisible();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'same-person.png') });

  // The same notes and cadence on her Mastodon account.
  await page.getByRole('button', { name: 'Back' }).click();
  await row(page, 'on Mastodon').click();
  await page.keyboard.press('r');
  const other = page.getByRole('complementary', { name: 'About Mira Castellanos' });
  await expect(
    other.getByRole('textbox', { name: 'Your private notes about Mira Castellanos' }),
  ).toHaveValue('Runs the seed swap; allergic to walnuts.');
  await expect(
    other.getByRole('combobox', { name: 'Keep in touch with Mira Castellanos' }),
  ).toHaveValue('30');

  // Unlinked, each keeps a copy, and a change on one no longer reaches the other.
  await other
    .getByRole('button', {
      name: 'Unlink Mira C. (mira.bsky.social, via robin.bsky.social on Bluesky)',
    })
    .click();
  await expect(other.getByRole('button', { name: 'This is the same person as…' })).toBeVisible();
  await other
    .getByRole('textbox', { name: 'Your private notes about Mira Castellanos' })
    .fill('Only on Mastodon now.');
  await expect(other.getByText('Saved only on this computer; never sent.')).toBeVisible();
  await page.getByRole('button', { name: 'Back' }).click();
  await row(page, 'on Bluesky').click();
  await page.keyboard.press('r');
  await expect(
    page
      .getByRole('complementary', { name: 'About Mira C.' })
      .getByRole('textbox', { name: 'Your private notes about Mira C.' }),
  ).toHaveValue('Runs the seed swap; allergic to walnuts.');
});

/**
 * Main's side of Bluesky sign-in is built on another branch: these two bridge calls are answered
 * here with sentences of the kind main writes, so the test shows the form passes them on as they
 * are. Nothing else is routed.
 */
async function answerSignInAsMainWould(page: Page): Promise<void> {
  const refuse = (message: string) => ({
    status: 200,
    contentType: 'application/json',
    body: JSON.stringify(bridgeFailure('failed', message)),
  });
  const channel = (name: string) => (url: URL) =>
    decodeURIComponent(url.pathname) === `/__bridge/${name}`;
  await page.route(channel('accounts:signInWithAppPassword'), (route) =>
    route.fulfill(
      refuse(
        'bsky.social did not accept that app password. Check it, or make a new one in the Bluesky app.',
      ),
    ),
  );
  await page.route(channel('accounts:beginSignIn'), (route) =>
    route.fulfill(
      refuse('This server does not offer signing in through the browser (pds.example.com).'),
    ),
  );
}

test('Add a Bluesky account explains app passwords and shows what main answers', async ({
  page,
}) => {
  await openInbox(page);
  await answerSignInAsMainWould(page);
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Add a Bluesky account…' }).click();
  const form = settings.getByRole('form', { name: 'Add a Bluesky account' });
  await expect(form.getByText('Settings → Privacy and security → App passwords')).toBeVisible();
  const signIn = form.getByRole('button', { name: 'Sign in', exact: true });
  await expect(signIn).toBeDisabled();
  await form.getByRole('textbox', { name: 'Your handle or email' }).fill('robin.bsky.social');
  const password = form.getByLabel('App password');
  await expect(password).toHaveAccessibleDescription(/password you make for one app only/);
  await password.fill('my-real-password');
  await expect(form.getByText(/does not look like an app password/)).toBeVisible();
  await password.fill('abcd-efgh-ijkl-mnop');
  await expect(form.getByText(/does not look like an app password/)).toHaveCount(0);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(SCREENSHOTS, 'add-bluesky.png') });

  // Main's answer is shown as main wrote it.
  await signIn.click();
  await expect(form.getByRole('alert')).toHaveText(
    'bsky.social did not accept that app password. Check it, or make a new one in the Bluesky app.',
  );
  // A server without browser sign-in: the form points back to the app password.
  await form.getByText('Is your account on your own server?').click();
  await form.getByRole('textbox', { name: 'Your server (optional)' }).fill('pds.example.com');
  await form.getByRole('button', { name: 'Sign in in the browser instead' }).click();
  const alert = form.getByRole('alert');
  await expect(alert).toContainText(
    'This server does not offer signing in through the browser (pds.example.com).',
  );
  await expect(alert).toContainText('Sign in with an app password above instead');
  expect(await seriousA11yViolations(page)).toEqual([]);
});
