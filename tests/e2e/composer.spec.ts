import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { keepAppReachableOffline, openInbox, seriousA11yViolations } from './support/app';
import { startTimedHost } from './support/test-host';

// The composer's rough edges a new user hit (issue 13): where the caret lands in a draft, the
// time an offline reply goes, Ctrl/⌘+Enter from every field, and a notice that covers nothing.

const composer = (page: Page) => page.getByRole('textbox', { name: /^Your reply to / });
const notice = (page: Page) => page.getByRole('region', { name: 'Reply on its way' });

async function startReply(page: Page): Promise<string> {
  await page.keyboard.press('r');
  await expect(composer(page)).toBeFocused();
  const title =
    (await page.getByRole('heading', { level: 1, name: /^Reply to / }).textContent()) ?? '';
  return title.replace(/^Reply to /, '');
}

test('continuing a draft puts the caret after what was written, so typing carries on', async ({
  page,
}) => {
  await openInbox(page);
  await startReply(page);
  await composer(page).fill('Thank you for the seeds.');
  await expect(page.getByText('Draft saved')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(composer(page)).toBeHidden();

  await startReply(page);
  await page.keyboard.type(' They came up in a week.');
  await expect(composer(page)).toHaveValue('Thank you for the seeds. They came up in a week.');

  // After a reload too (the composer opens from the address).
  await page.reload();
  await expect(composer(page)).toBeFocused();
  await page.keyboard.type(' Thanks!');
  await expect(composer(page)).toHaveValue(
    'Thank you for the seeds. They came up in a week. Thanks!',
  );
});

test('offline, a reply set to go with the next delivery says the time it goes', async ({
  page,
  context,
}) => {
  // Half past ten on the page and in main (whose clock says when the next delivery is): the next
  // delivery (13:00) is hours away, whatever the time of the run.
  const day = new Date();
  day.setHours(10, 30, 0, 0);
  const host = await startTimedHost(day.getTime());
  try {
    await keepAppReachableOffline(context, host.origin);
    await page.clock.install({ time: day });
    await openInbox(page, `${host.origin}/`);
    const recipient = await startReply(page);
    await context.setOffline(true);
    const withDelivery = page.getByRole('radio', { name: /^With the next delivery, at / });
    const label = (await page.getByText(/^With the next delivery, at /).textContent()) ?? '';
    const at = label.replace(/^With the next delivery, at /, '');
    expect(at).toBe('13:00');
    await withDelivery.check();
    await composer(page).fill('No hurry: this can go with my next delivery.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(composer(page)).toBeHidden();
    await expect(notice(page)).toContainText(
      `Your reply to ${recipient}: Goes out at ${at}, once this computer is back online.`,
    );
    await expect(notice(page)).not.toContainText('Waiting for the network');
  } finally {
    await host.close();
  }
});

test('offline, a reply for a delivery less than a minute away still says when it goes', async ({
  page,
  context,
}) => {
  // 08:59:30 on the page and in main: the 09:00 delivery is thirty seconds away.
  const day = new Date();
  day.setHours(8, 59, 30, 0);
  const host = await startTimedHost(day.getTime());
  try {
    await keepAppReachableOffline(context, host.origin);
    await page.clock.setFixedTime(day);
    await openInbox(page, `${host.origin}/`);
    const recipient = await startReply(page);
    await context.setOffline(true);
    const withDelivery = page.getByRole('radio', { name: 'With the next delivery, at 09:00' });
    await withDelivery.check();
    await composer(page).fill('This one can catch the nine o’clock delivery.');
    await page.getByRole('button', { name: 'Send reply' }).click();
    await expect(composer(page)).toBeHidden();
    await expect(notice(page)).toContainText(
      `Your reply to ${recipient}: Goes out in 30 seconds, once this computer is back online.`,
    );
    await expect(notice(page)).not.toContainText('Waiting for the network');
    await expect(notice(page)).not.toContainText(/in 0 /);
  } finally {
    await host.close();
  }
});

test('the reply text takes the focus as it appears, but never from a field the user is already in', async ({
  page,
}) => {
  await openInbox(page);
  // The editor waits for the reply settings; the person card does not. Another connection holds
  // the settings store (one long write) so the card is there first, as on a busy machine.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const flag = window as unknown as { holdSettings?: boolean };
        flag.holdSettings = true;
        const open = indexedDB.open('slowpost');
        open.onerror = () => reject(new Error(String(open.error)));
        open.onsuccess = () => {
          const store = open.result.transaction(['settings'], 'readwrite').objectStore('settings');
          const spin = (): void => {
            if (flag.holdSettings === true) store.get('hold').onsuccess = spin;
            else open.result.close();
          };
          spin();
          resolve();
        };
      }),
  );
  await page.keyboard.press('r');
  const cadence = page.getByRole('combobox', { name: /^Keep in touch with / });
  await cadence.focus();
  await expect(composer(page)).toHaveCount(0);

  await page.evaluate(() => {
    (window as unknown as { holdSettings?: boolean }).holdSettings = false;
  });
  await expect(composer(page)).toBeVisible();
  await expect(cadence).toBeFocused();
  await expect(composer(page)).not.toBeFocused();

  // Opened with nothing else in hand, the text has the focus at once.
  await page.keyboard.press('Escape');
  await expect(composer(page)).toBeHidden();
  await startReply(page);
});

test('Ctrl+Enter sends the reply from any of its fields, not only the text', async ({ page }) => {
  await openInbox(page);
  const recipient = await startReply(page);
  await composer(page).fill('Happy to help with the fence on Saturday.');
  await page.getByRole('checkbox', { name: 'Add a content warning' }).check();
  const warning = page.getByRole('textbox', { name: 'Content warning' });
  await warning.fill('garden plans');
  await warning.press('Control+Enter');
  await expect(composer(page)).toBeHidden();
  await expect(notice(page)).toContainText(`Your reply to ${recipient}:`);
  await notice(page).getByRole('button', { name: 'Undo send' }).click();

  // The draft is back; from the send-time choices it goes too.
  await expect(composer(page)).toHaveValue('Happy to help with the fence on Saturday.');
  const now = page.getByRole('radio', { name: 'Now' });
  await now.check();
  await now.press('Control+Enter');
  await expect(composer(page)).toBeHidden();
});

test('the notice of a reply on its way covers none of the next reply’s send-time choices', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openInbox(page);
  const first = await startReply(page);
  await composer(page).fill('Lovely to hear from you; yes to Saturday.');
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(notice(page)).toContainText(`Your reply to ${first}: Goes out in`);

  // The next conversation, answered while the first reply still cools off.
  await page.keyboard.press('j');
  await startReply(page);
  await expect(notice(page)).toBeVisible();
  const choices = page.getByRole('group', { name: 'When it goes out' });
  await choices.scrollIntoViewIfNeeded();
  const covered = async (): Promise<boolean> => {
    const a = await notice(page).boundingBox();
    const b = await choices.boundingBox();
    if (a === null || b === null) return false;
    return (
      a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height
    );
  };
  await page.screenshot({ path: 'test-results/e2e/composer-with-notice.png' });
  expect(await covered()).toBe(false);
  // Every choice and the send button take a click where they are drawn.
  await page.getByRole('radio', { name: 'Now' }).click({ timeout: 5_000 });
  await expect(page.getByRole('radio', { name: 'Now' })).toBeChecked();
  expect(await seriousA11yViolations(page)).toEqual([]);
});

test('each keystroke shows at once in the counter and in whether the reply can be sent; the content warning shares the limit', async ({
  page,
}) => {
  await openInbox(page);
  await startReply(page);
  const counter = page.getByText(/ characters (left|over the limit)$/);
  const limit = Number((await counter.textContent())?.match(/^(\d+) characters left$/)?.[1]);
  expect(limit).toBeGreaterThan(10);
  const send = page.getByRole('button', { name: 'Send reply' });
  const discard = page.getByRole('button', { name: 'Discard draft…' });
  const shorten = page.getByText('Shorten it to fit before sending.');
  await expect(send).toBeDisabled();
  await expect(discard).toBeDisabled();

  // Key by key: the counter follows every character, and a reply with words can go.
  for (const [i, key] of [...'Hi!'].entries()) {
    await composer(page).press(key);
    await expect(counter).toHaveText(`${limit - i - 1} characters left`);
  }
  await expect(send).toBeEnabled();
  await expect(discard).toBeEnabled();
  await expect(page.getByText('Draft saved')).toBeVisible();

  // One character too many: it says so, and it cannot be sent until it fits.
  await composer(page).fill('a'.repeat(limit));
  await composer(page).press('End');
  await composer(page).press('b');
  await expect(counter).toHaveText('1 characters over the limit');
  await expect(send).toBeDisabled();
  await expect(shorten).toBeVisible();
  await composer(page).press('Backspace');
  await expect(counter).toHaveText('0 characters left');
  await expect(send).toBeEnabled();
  await expect(shorten).toBeHidden();

  // The content warning counts against the same limit, as Mastodon counts it.
  await page.getByRole('checkbox', { name: 'Add a content warning' }).check();
  await page.getByRole('textbox', { name: 'Content warning' }).fill('cw');
  await expect(counter).toHaveText('2 characters over the limit');
  await expect(send).toBeDisabled();
  await page.getByRole('checkbox', { name: 'Add a content warning' }).uncheck();
  await expect(counter).toHaveText('0 characters left');

  // Only spaces left: nothing to send, nothing to discard.
  await composer(page).fill('   ');
  await expect(send).toBeDisabled();
  await expect(discard).toBeDisabled();
  await expect(page.getByText('Draft saved')).toBeHidden();
});
