import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import { htmlToVisibleText } from '@shared/text/html-to-text';
import { conversations, passWelcome, readAll, seriousA11yViolations } from './support/app';
import { moveClocks, timedHostForEachTest } from './support/test-host';

// Wednesday 25 November 2026, London (UTC in winter).
const at = (hh: number, mm = 0, day = 25) => Date.UTC(2026, 10, day, hh, mm);

test.use({ timezoneId: 'Europe/London', locale: 'en-GB' });

const host = timedHostForEachTest(at(6));

const searchDialog = (page: Page) => page.getByRole('dialog', { name: 'Search' });
const searchBox = (page: Page) =>
  searchDialog(page).getByRole('combobox', { name: 'Find conversations, people and drafts' });
const group = (page: Page, name: string) =>
  searchDialog(page)
    .getByRole('listbox', { name: 'Results' })
    .getByRole('group', { name })
    .getByRole('option');

interface StoredPost {
  id: string;
  contentHtml: string;
  arrivedAt: number;
  isOwn: boolean;
}

const textOf = (post: StoredPost) =>
  htmlToVisibleText(post.contentHtml).replace(/\s+/g, ' ').trim();

/** A post the store holds that no delivery has released yet, whose text no released post has. */
async function aWaitingPost(page: Page): Promise<string | undefined> {
  const posts = await readAll<StoredPost>(page, 'posts');
  const upTo = Math.max(
    0,
    ...(await readAll<{ releasedUpTo: number }>(page, 'deliveries')).map((d) => d.releasedUpTo),
  );
  const released = posts.filter((p) => p.isOwn || p.arrivedAt <= upTo).map(textOf);
  return posts
    .filter((p) => !p.isOwn && p.arrivedAt > upTo)
    .map(textOf)
    .find((text) => text.length > 30 && !released.some((r) => r.includes(text.slice(0, 30))));
}

test('search finds a delivered post, a person by a private note and a draft; Enter opens, Escape goes back', async ({
  page,
}) => {
  await page.clock.install({ time: at(6) });
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await expect(conversations(page).first()).toBeVisible();

  // A draft and a private note about the person answered, written in the composer and left.
  await page.keyboard.press('r');
  const composer = page.getByRole('textbox', { name: /^Your reply to / });
  await expect(composer).toBeFocused();
  const title =
    (await page.getByRole('heading', { level: 1, name: /^Reply to / }).textContent()) ?? '';
  const recipient = title.replace(/^Reply to /, '');
  await composer.fill('Shall we bring the accordion to the seed swap?');
  await page
    .getByRole('textbox', { name: `Your private notes about ${recipient}` })
    .fill("Her grandmother's olive grove is near Kalamata.");
  await expect(page.getByText('Saved only on this computer; never sent.')).toBeVisible();
  await expect(page.getByText('Draft saved')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(composer).toBeHidden();

  // `/` opens search from the inbox; the box has the focus.
  await page.keyboard.press('/');
  await expect(searchBox(page)).toBeFocused();

  // A person, by a word only in the user's private note about them (accents and case folded).
  await searchBox(page).fill('KALAMATA');
  await expect(group(page, 'People')).toHaveCount(1);
  await expect(group(page, 'People')).toContainText(recipient);
  await expect(group(page, 'People').locator('mark')).toHaveText(['Kalamata']);

  // The draft.
  await searchBox(page).fill('accordion');
  await expect(group(page, 'Drafts')).toContainText('Shall we bring the accordion');
  await expect(group(page, 'Drafts').locator('mark')).toHaveText(['accordion']);

  // A delivered post, by a word in it; Enter opens its conversation, Escape comes back.
  await searchBox(page).fill('metronome');
  const found = group(page, 'Conversations');
  await expect(found.first()).toContainText('clicking like a metronome');
  await expect(found.first().locator('mark').first()).toHaveText('metronome');
  await expect(found.first()).toHaveAttribute('aria-selected', 'true');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: 'tests/e2e/screenshots/search-results.png' });
  await searchBox(page).press('Enter');
  const heading = searchDialog(page).getByRole('heading', { level: 2, name: /conversation with/i });
  await expect(heading).toBeFocused();
  await expect(searchDialog(page)).toContainText('clicking like a metronome at 120 bpm');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(searchBox(page)).toBeFocused();
  await expect(searchBox(page)).toHaveValue('metronome');

  // Escape again closes search; Ctrl+K opens it even from a text field.
  await page.keyboard.press('Escape');
  await expect(searchDialog(page)).toBeHidden();
  await page.keyboard.press('Control+k');
  await expect(searchBox(page)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(searchDialog(page)).toBeHidden();
});

test('a post waiting for its delivery is not found until that delivery comes', async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install({ time: at(6) });
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await expect(conversations(page).first()).toBeVisible();

  // The morning goes by: the demo's people write; nothing of it is delivered before 09:00.
  await moveClocks(page, host, at(8, 30));
  let waiting: string | undefined;
  await expect(async () => {
    waiting = await aWaitingPost(page);
    expect(waiting).toBeDefined();
  }).toPass();
  const text = waiting ?? '';
  const words = [...new Set(text.split(/[^\p{L}\p{N}']+/u))]
    .sort((a, b) => b.length - a.length)
    .slice(0, 3)
    .join(' ');
  const start = text.slice(0, 30);

  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await searchBox(page).fill(`${words} `);
  await expect(searchDialog(page).getByRole('status')).toContainText(/Found|Nothing found/);
  await expect(searchDialog(page).getByRole('listbox', { name: 'Results' })).not.toContainText(
    start,
  );
  await page.keyboard.press('Escape');

  // The 09:00 delivery releases it: now it is found.
  await moveClocks(page, host, at(9, 1));
  await expect(page.getByRole('region', { name: 'This delivery' })).toContainText('09:00');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await searchBox(page).fill(`${words} `);
  await expect(group(page, 'Conversations').filter({ hasText: start })).toHaveCount(1);
});

test.describe('in the dark', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 760, height: 800 } });

  test('search is calm and accessible in dark mode on a narrow window', async ({ page }) => {
    await page.clock.install({ time: at(6) });
    await page.goto(`${host.origin}/`);
    await passWelcome(page);
    await expect(conversations(page).first()).toBeVisible();
    await page.keyboard.press('Control+k');
    await searchBox(page).fill('metronome');
    await expect(group(page, 'Conversations').first()).toContainText('metronome');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.screenshot({ path: 'tests/e2e/screenshots/search-results-dark-760.png' });
  });
});
