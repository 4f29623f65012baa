import { expect, test } from '@playwright/test';
import { ACCOUNT_HEADER } from '@shared/connectors/gateway';
import type { RunningHost } from '../host/host-server';
import { snac2Unavailable, startSnac2, type Snac2Server } from '../servers/snac2/snac2-server';
import { seriousA11yViolations } from './support/app';
import { startOwnHost } from './support/test-host';

// The page's side of the network gateway, in real Chromium against a real Mastodon-API server
// (snac2): signing in through the server's own page in the browser, then a request to the page's
// own origin with the account header reaches the account's server with its token (no CORS, no
// preflight), and nothing of the sign-in is readable by the page.

const unavailable = snac2Unavailable();
if (unavailable !== null) console.warn(`network gateway e2e SKIPPED: ${unavailable}`);
test.skip(unavailable !== null, unavailable ?? '');

let host: RunningHost;
let snac: Snac2Server;

test.beforeEach(async () => {
  host = await startOwnHost();
  snac = await startSnac2({ users: ['alice', 'bob'] });
});
test.afterEach(async () => {
  await snac.stop();
  await host.close();
});

async function bridge<T>(channel: string, body: unknown): Promise<T> {
  const response = await fetch(`${host.origin}/__bridge/${channel}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: host.origin },
    body: JSON.stringify(body),
  });
  const result = (await response.json()) as { ok: boolean; value: T };
  expect(result.ok).toBe(true);
  return result.value;
}

test("signing in in the browser, then the page reaches the account's server through its own origin, never holding the token", async ({
  page,
  context,
}) => {
  const begun = await bridge<{ attemptId: string; authorizeUrl: string }>('accounts:beginSignIn', {
    network: 'mastodon',
    server: snac.origin,
    accountId: null,
  });
  const finished = bridge<{ id: string; handle: string }>('accounts:finishSignIn', {
    attemptId: begun.attemptId,
    code: null,
  });
  // "The system browser": the host recorded the page main asked it to open.
  expect(host.openedLinks.at(-1)).toBe(begun.authorizeUrl);
  const browserTab = await context.newPage();
  await browserTab.goto(begun.authorizeUrl);
  await browserTab.locator('input[name="login"]').fill('alice');
  await browserTab.locator('input[name="passwd"]').fill(snac.users.get('alice')?.password ?? '');
  await browserTab.getByRole('button', { name: 'OK' }).click();
  await expect(browserTab.getByRole('heading', { name: 'Signed in' })).toBeVisible();
  await expect(
    browserTab.getByText('You can close this tab and go back to Slowpost.'),
  ).toBeVisible();
  expect(await seriousA11yViolations(browserTab)).toEqual([]);
  const account = await finished;
  expect(account.handle).toMatch(/^@alice@localhost:\d+$/);

  await page.goto(`${host.origin}/`);
  const seen = await page.evaluate(
    async ([header, id]) => {
      const response = await fetch('/api/v1/accounts/verify_credentials', {
        headers: { [header]: id },
      });
      const withoutHeader = await fetch('/api/v1/accounts/verify_credentials');
      return {
        status: response.status,
        body: (await response.json()) as { username: string },
        withoutHeader: withoutHeader.status,
        cookie: document.cookie,
      };
    },
    [ACCOUNT_HEADER, account.id] as const,
  );
  expect(seen.status).toBe(200);
  expect(seen.body.username).toBe('alice');
  expect(seen.withoutHeader).toBe(404);
  expect(seen.cookie).toBe('');

  const token = (await host.network.vault.credential(account.id))?.accessToken ?? '';
  expect(token).not.toBe('');
  const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
  expect(storage).not.toContain(token);
});
