import { expect, test } from '@playwright/test';
import { DEMO_TRACKER_HOST, DEMO_XSS_GLOBAL, DEMO_XSS_POST_ID } from '@shared/demo/constants';
import {
  conversationList,
  openInbox,
  readAll,
  readRecord,
  seriousA11yViolations,
  writeRecords,
} from './support/app';

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

// A 1×1 GIF, so a request that does get through is answered and seen, not lost to DNS.
const PIXEL = Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64');

test('a tracking pixel in a post is never requested, not even one that got past the sanitizer', async ({
  page,
}) => {
  // Every request the page makes for the tracker's host, and how each ended; a request that is
  // let out of the page reaches this route and is answered.
  const requested = new Map<string, string>();
  page.on('request', (request) => {
    if (new URL(request.url()).hostname === DEMO_TRACKER_HOST)
      requested.set(request.url(), 'asked');
  });
  page.on('requestfailed', (request) => {
    if (requested.has(request.url()))
      requested.set(request.url(), request.failure()?.errorText ?? 'failed');
  });
  await page.route(`https://${DEMO_TRACKER_HOST}/**`, (route) => {
    requested.set(route.request().url(), 'sent to the network');
    return route.fulfill({ contentType: 'image/gif', body: PIXEL });
  });
  await openInbox(page);
  const post = await readRecord<{ threadId: string; contentHtml: string }>(
    page,
    'posts',
    DEMO_XSS_POST_ID,
  );
  expect(post?.contentHtml).toContain(`<img src="https://${DEMO_TRACKER_HOST}/p.gif"`);

  await page.goto(`/#conversation=${encodeURIComponent(post?.threadId ?? '')}`);
  const article = page.getByRole('article', { name: /Tariq/ }).first();
  await expect(article).toBeVisible();
  // The sanitizer drops the pixel: the page never even asks for it.
  expect(await article.locator('img').count()).toBe(0);
  expect([...requested.keys()]).toEqual([]);

  // Suppose the sanitizer let one through: the page's Content-Security-Policy still refuses it.
  const outcome = await page.evaluate(
    (src) =>
      new Promise<string>((resolve) => {
        document.addEventListener('securitypolicyviolation', (event) => {
          if (event.blockedURI.includes(new URL(src).hostname))
            resolve(`blocked by ${event.effectiveDirective}`);
        });
        const pixel = document.createElement('img');
        pixel.alt = '';
        pixel.addEventListener('load', () => resolve('loaded'));
        pixel.src = src;
        document.body.append(pixel);
      }),
    `https://${DEMO_TRACKER_HOST}/p.gif?past-the-sanitizer`,
  );
  expect(outcome).toBe('blocked by img-src');
  await expect.poll(() => [...requested.values()]).toEqual(['csp']);
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

interface StoredPost {
  id: string;
  threadId: string;
  contentHtml: string;
  isOwn: boolean;
}

test('a link Mastodon shortened reads as it does there: no "https://", a long tail cut with "…"', async ({
  page,
}) => {
  await openInbox(page);
  const posts = await readAll<StoredPost>(page, 'posts');
  const post = posts.find((p) => !p.isOwn && p.contentHtml.includes('class="ellipsis"'));
  expect(post, 'the demo has a shortened link').toBeDefined();
  const html = post?.contentHtml ?? '';
  const href = /<a href="([^"]+)"[^>]*><span class="invisible">/.exec(html)?.[1] ?? '';
  const shown = /<span class="ellipsis">([^<]*)<\/span>/.exec(html)?.[1] ?? '';
  expect(href).toMatch(/^https:\/\//);

  await page.goto(`/#conversation=${encodeURIComponent(post?.threadId ?? '')}`);
  const link = page.locator(`.thread a[href="${href}"]`).first();
  await expect(link).toBeVisible();
  await expect(link).toHaveText(`${shown}…`);
  await expect(page.getByRole('link', { name: `${shown}…` }).first()).toHaveAttribute('href', href);
});

test('a post with nothing to read says so calmly, never as an empty quote', async ({ page }) => {
  await openInbox(page);
  const threadId = decodeURIComponent(/conversation=([^&]+)/.exec(page.url())?.[1] ?? '');
  expect(threadId).not.toBe('');
  // A picture-only post, as Mastodon sends it: the text is an empty paragraph.
  const posts = await readAll<StoredPost>(page, 'posts');
  const theirs = posts.filter((p) => p.threadId === threadId && !p.isOwn);
  expect(theirs.length).toBeGreaterThan(0);
  await writeRecords(
    page,
    'posts',
    theirs.map((p) => ({ ...p, contentHtml: '<p><br></p>' })),
  );
  await page.reload();

  const selectedRow = conversationList(page).locator('[role="option"][aria-selected="true"]');
  await expect(selectedRow).toContainText('A post with no text');
  const thread = page.getByRole('region', { name: /conversation with/i });
  await expect(thread.getByRole('article').filter({ hasNotText: /^You/ }).first()).toContainText(
    'No text in this post.',
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.keyboard.press('l');
  await page.getByRole('button', { name: 'Replies' }).click();
  const later = page.getByRole('region', { name: 'Reply later' });
  await expect(later).toContainText('A post with no text');
  await expect(later).not.toContainText('“”');
});
