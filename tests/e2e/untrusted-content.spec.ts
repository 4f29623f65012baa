import { expect, test } from '@playwright/test';
import { DEMO_XSS_GLOBAL, DEMO_XSS_POST_ID } from '../../shared/demo/constants';
import { openInbox, readRecord } from './support/app';

test('script and onerror payloads inside a post never run', async ({ page }) => {
  await openInbox(page);
  const post = await readRecord<{ threadId: string; contentHtml: string }>(
    page,
    'posts',
    DEMO_XSS_POST_ID,
  );
  expect(post?.contentHtml).toContain('<script>');
  expect(post?.contentHtml).toContain('onerror=');

  await page.goto(`/#conversation=${encodeURIComponent(post?.threadId ?? '')}`);
  const article = page.getByRole('article', { name: /Tariq/ }).first();
  await expect(article).toBeVisible();
  // The harmless text of the post is shown…
  await expect(article).toContainText(/\S{10,}/);
  // …and nothing of the payload survived sanitizing: no script element, no handler attribute.
  expect(await article.locator('script').count()).toBe(0);
  expect(await article.locator('[onerror]').count()).toBe(0);
  expect(await page.locator('.thread img').count()).toBe(0);
  await page.waitForTimeout(200); // give a broken sanitizer's onerror a chance to fire
  expect(
    await page.evaluate(
      (name) => (window as unknown as Record<string, unknown>)[name],
      DEMO_XSS_GLOBAL,
    ),
  ).toBeUndefined();
});

test('a link in a post opens in the browser through the checked bridge, not in the app', async ({
  page,
  request,
}) => {
  await openInbox(page);
  const post = await readRecord<{ threadId: string }>(page, 'posts', DEMO_XSS_POST_ID);
  await page.goto(`/#conversation=${encodeURIComponent(post?.threadId ?? '')}`);
  const article = page.getByRole('article', { name: /Tariq/ }).first();
  await expect(article).toBeVisible();
  const link = article.getByRole('link').first();
  await expect(link).toBeVisible();
  const href = await link.getAttribute('href');
  const before = page.url();
  await link.click();
  await expect
    .poll(async () => (await (await request.get('/__host/opened-links')).json()) as string[])
    .toContain(new URL(href ?? '').href);
  expect(page.url()).toBe(before);
});
