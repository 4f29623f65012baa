import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import type { RunningHost } from '../host/host-server';
import { answerAuthorizePage } from '../servers/mastodon-contract/authorize-driver';
import {
  startContractServer,
  type ContractServer,
} from '../servers/mastodon-contract/contract-server';
import { startHttpTestServer, type HttpTestServer } from '../support/http-test-server';
import { conversations, passWelcome, seriousA11yViolations } from './support/app';
import { startOwnHost } from './support/test-host';

// Issue 13's acceptance: no request leaves the page for a remote image. People's avatars and
// their posts' media point at remote hosts — alice's Mastodon server (a stateful Mastodon server
// on 127.0.0.1) and a picture host of their own on another port. The page asks main for the
// pictures; main fetches what it may, stores it, and the page shows it from its own origin. What
// main may not or could not fetch shows as a calm initial.

test.use({ timezoneId: 'UTC', locale: 'en-GB' });

const AVATAR = readFileSync(join(__dirname, '../../resources/icon.png'));

let server: ContractServer;
let pictures: HttpTestServer;
let host: RunningHost;

test.beforeEach(async () => {
  // A picture host elsewhere: plain http on a host that is none of alice's servers, so main
  // never fetches from it (and the page must not either).
  pictures = await startHttpTestServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end(AVATAR);
  });
  let origin = '';
  server = await startContractServer({
    users: [
      'alice',
      { username: 'bob', displayName: 'Bob Okafor' },
      { username: 'carol', displayName: 'Carol Quist' },
      { username: 'dora', displayName: 'Dora Lindqvist' },
    ],
    files: { '/system/avatars/bob.png': { type: 'image/png', body: AVATAR } },
    pictures: {
      avatarFor: (username) =>
        username === 'bob'
          ? `${origin}/system/avatars/bob.png`
          : username === 'carol'
            ? `${pictures.origin}/carol.png`
            : // dora's picture is gone from the server: it answers 404.
              `${origin}/system/avatars/${username}.png`,
      mediaFor: (username) => [
        { url: `${pictures.origin}/media/${username}-garden.png`, description: 'A raised bed' },
        { url: `${origin}/system/media/${username}-shed.png`, description: 'The shed' },
      ],
    },
  });
  origin = server.origin;
  for (const friend of ['bob', 'carol', 'dora']) server.follow('alice', friend);
  server.mention('bob', 'alice', 'The beans are up! Come and see on Saturday?');
  server.mention('carol', 'alice', 'Could you bring the spare trowels back?');
  server.mention('dora', 'alice', 'Seed swap at the library next week.');
  host = await startOwnHost();
});
test.afterEach(async () => {
  await host.close();
  await server.stop();
  await pictures.close();
});

/** Every request the page makes, with where it went. */
function recordRequests(page: Page): URL[] {
  const seen: URL[] = [];
  page.on('request', (request) => seen.push(new URL(request.url())));
  return seen;
}

async function signInAsAlice(page: Page): Promise<void> {
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await expect(conversations(page).first()).toBeVisible();
  await page.getByRole('button', { name: 'Remove demo data' }).click();
  await page
    .getByRole('dialog', { name: 'Remove the demo?' })
    .getByRole('button', { name: 'Remove demo data' })
    .click();
  await page.getByRole('textbox', { name: 'Your Mastodon server or address' }).fill(server.origin);
  const opened = host.openedLinks.length;
  await page.getByRole('button', { name: 'Sign in…' }).click();
  await expect.poll(() => host.openedLinks.length).toBeGreaterThan(opened);
  // alice approves on her server's own page, in "her browser".
  const answer = await answerAuthorizePage(host.openedLinks.at(-1) ?? '', {
    decision: 'approve',
    username: 'alice',
    password: 'alice-password',
  });
  await fetch(answer.location ?? '');
  await expect(page.getByRole('region', { name: 'This delivery' })).toContainText(
    'Your first delivery',
  );
}

function rowOf(page: Page, text: string): Locator {
  return conversations(page).filter({ hasText: text });
}

/** Whether the face in `scope` is a picture from the page's own origin that actually drew. */
async function drawnPicture(scope: Locator): Promise<{ src: string; width: number } | null> {
  const image = scope.locator('img.avatar__image');
  if ((await image.count()) === 0) return null;
  return image.first().evaluate((img: HTMLImageElement) => ({
    src: img.src,
    width: img.complete ? img.naturalWidth : 0,
  }));
}

async function drawnWidth(scope: Locator): Promise<number> {
  return (await drawnPicture(scope))?.width ?? 0;
}

test('avatars and media on remote hosts: the page never requests them; main stores what it may and the page shows it from its own origin, with an initial for the rest', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const requests = recordRequests(page);
  await signInAsAlice(page);

  // All three conversations arrived; bob's face is his picture, served by the app itself.
  const bob = rowOf(page, 'beans are up');
  const carol = rowOf(page, 'spare trowels');
  const dora = rowOf(page, 'Seed swap');
  await expect(bob).toHaveCount(1);
  await expect(carol).toHaveCount(1);
  await expect(dora).toHaveCount(1);
  await expect.poll(() => drawnWidth(bob)).toBeGreaterThan(0);
  const bobPicture = await drawnPicture(bob);
  expect(new URL(bobPicture?.src ?? '').origin).toBe(host.origin);
  expect(new URL(bobPicture?.src ?? '').pathname).toMatch(/^\/avatars\/[0-9a-f]{64}\.png$/);

  // carol's picture is on a host main does not fetch from; dora's is gone (404): initials.
  await expect(carol.locator('.avatar--placeholder')).toHaveAttribute('data-initial', 'C');
  await expect(dora.locator('.avatar--placeholder')).toHaveAttribute('data-initial', 'D');
  expect(await drawnPicture(carol)).toBeNull();
  expect(await drawnPicture(dora)).toBeNull();
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(__dirname, 'screenshots', 'avatars-inbox.png') });

  // The thread shows bob's face beside his post, and the composer's person card a large one.
  await bob.click();
  const post = page.getByRole('article', { name: /^Bob Okafor,/ });
  await expect(post).toBeVisible();
  await expect.poll(() => drawnWidth(post)).toBeGreaterThan(0);
  // Its media are words and a way to open them in the browser, never loaded by the page.
  const attachments = post.getByRole('list', { name: 'Attachments' });
  await expect(attachments.getByRole('listitem')).toHaveText([
    /Image: A raised bed/,
    /Image: The shed/,
  ]);
  const opened = host.openedLinks.length;
  await attachments.getByRole('button', { name: 'Open image 1 in your browser' }).click();
  await expect
    .poll(() => host.openedLinks.slice(opened))
    .toEqual([`${pictures.origin}/media/bob-garden.png`]);
  await page.keyboard.press('r');
  const card = page.getByRole('complementary', { name: 'About Bob Okafor' });
  await expect.poll(() => drawnWidth(card)).toBeGreaterThan(0);
  // The thread beside the composer shows the post's media list too: one axe run covers both.
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(__dirname, 'screenshots', 'avatars-composer.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: join(__dirname, 'screenshots', 'avatars-composer-dark.png') });

  // Not one request from the page went to a remote host: only to its own origin.
  const elsewhere = requests.filter((url) => url.origin !== host.origin);
  expect(elsewhere.map((url) => url.href)).toEqual([]);
  // The picture host's own log: nobody asked it for anything (main refuses plain http there).
  expect(pictures.received.map((r) => r.url)).toEqual([]);
  // alice's server was asked for bob's picture once, by main; never for the posts' media.
  const counts = server.requestCounts();
  expect(counts['GET /system/avatars/bob.png']).toBe(1);
  expect(
    Object.keys(counts).filter((operation) => operation.startsWith('GET /system/media/')),
  ).toEqual([]);
  // (A picture's path is no API operation: the 404 for dora's is not a contract matter.)
  expect(server.violations().filter((v) => !v.path.startsWith('/system/'))).toEqual([]);

  // After a reload (the composer stays open) the picture comes from what main stored, without
  // asking the server again.
  await page.reload();
  await expect
    .poll(() => drawnWidth(page.getByRole('article', { name: /^Bob Okafor,/ })))
    .toBeGreaterThan(0);
  expect(server.requestCounts()['GET /system/avatars/bob.png']).toBe(1);
  expect(requests.filter((url) => url.origin !== host.origin)).toEqual([]);
});

test('the demo’s people have no pictures: calm initials, light and dark, and nothing asked of main', async ({
  page,
}) => {
  const requests = recordRequests(page);
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  const first = conversations(page).first();
  await expect(first).toBeVisible();
  await expect(first.locator('.avatar--placeholder')).toHaveAttribute('data-initial', /^\S$/u);
  // The initial is drawn, not text: the row still reads as the person and their message.
  expect(await first.locator('.avatar').innerText()).toBe('');
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(__dirname, 'screenshots', 'avatars-demo.png') });
  await page.emulateMedia({ colorScheme: 'dark' });
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(__dirname, 'screenshots', 'avatars-demo-dark.png') });
  expect(requests.filter((url) => url.pathname.includes('avatars'))).toEqual([]);
  expect(requests.filter((url) => url.origin !== host.origin)).toEqual([]);
});
