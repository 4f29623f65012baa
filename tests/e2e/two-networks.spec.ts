import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import type { RunningHost } from '../host/host-server';
import {
  blueskyNetworkUnavailable,
  startBlueskyNetwork,
  type BlueskyNetwork,
  type BlueskyUser,
} from '../servers/bluesky/bluesky-network';
import {
  accessToken,
  snac2Unavailable,
  startSnac2,
  type Snac2Server,
} from '../servers/snac2/snac2-server';
import {
  conversationList,
  conversations,
  keepAppReachableOffline,
  passWelcome,
  readAll,
  seriousA11yViolations,
} from './support/app';
import { approveOnSnac, closeInbox, nextSlotAfter, snacApi } from './support/live-accounts';
import { placesHolding } from './support/secrets';
import { moveClocks, startTimedHost } from './support/test-host';

// One person with a Mastodon account (on a real snac2) and a Bluesky account (on the Bluesky
// team's own local network: PLC, PDS, AppView), both connected to Slowpost in Chromium through the
// loopback host, whose vault, gateway and sign-in are the desktop app's own.

const unavailable = snac2Unavailable() ?? blueskyNetworkUnavailable();
test.skip(unavailable !== null, `two-network e2e SKIPPED: ${unavailable ?? ''}`);
test.use({ timezoneId: 'UTC', locale: 'en-GB' });

let snac: Snac2Server;
let sky: BlueskyNetwork;
let skyAlice: BlueskyUser;
let skyBob: BlueskyUser;
let host: RunningHost | undefined;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  snac = await startSnac2({ users: ['alice', 'bob'] });
  sky = await startBlueskyNetwork();
  skyAlice = await sky.createUser('alice');
  skyBob = await sky.createUser('bob');
  // On both networks, alice follows bob (before she ever used Slowpost): he is no stranger to her.
  const alice = await accessToken(snac, 'alice');
  const found = (await snacApi(snac, alice, '/api/v1/accounts/lookup?acct=bob')) as { id: string };
  await snacApi(snac, alice, `/api/v1/accounts/${found.id}/follow`, { method: 'POST' });
  await sky.follow(skyAlice, skyBob);
  await sky.processAll();
});
test.afterAll(async () => {
  await snac?.stop();
  await sky?.stop();
});
test.afterEach(async () => {
  await host?.close();
});

/** Connects alice's Mastodon account from the empty inbox, through snac's own sign-in page. */
async function addMastodon(page: Page, running: RunningHost): Promise<void> {
  await page.getByRole('textbox', { name: 'Your Mastodon server or address' }).fill(snac.origin);
  const opened = running.openedLinks.length;
  await page.getByRole('button', { name: 'Sign in…' }).click();
  await approveOnSnac(page, running, snac, 'alice', opened);
  await expect(page.getByRole('region', { name: 'This delivery' })).toContainText(
    'Your first delivery',
  );
}

/** Connects alice's Bluesky account in Settings with an app password, as a person would. */
async function addBluesky(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await settings.getByRole('button', { name: 'Add a Bluesky account…' }).click();
  const form = settings.getByRole('form', { name: 'Add a Bluesky account' });
  await form.getByRole('textbox', { name: 'Your handle or email' }).fill(skyAlice.handle);
  await form.getByLabel('App password').fill(skyAlice.appPassword);
  // The local network's handles resolve through its own PDS: name it, as for a self-hosted one.
  await form.getByText('Is your account on your own server?').click();
  await form.getByRole('textbox', { name: 'Your server (optional)' }).fill(sky.pds.url);
  await form.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(settings.getByRole('listitem', { name: `Bluesky, ${skyAlice.handle}` })).toBeVisible(
    { timeout: 30_000 },
  );
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(__dirname, 'screenshots', 'two-networks-settings.png') });
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();
}

interface StoredAccount {
  id: string;
  network: string;
  handle: string;
}

/** Writes a reply to the open conversation and sends it now; waits until it is sent. */
async function replyNow(page: Page, text: string): Promise<void> {
  await page.keyboard.press('r');
  await page.getByRole('textbox', { name: /^Your reply to / }).fill(text);
  await page.getByRole('radio', { name: 'Now' }).check();
  await page.getByRole('button', { name: 'Send reply' }).click();
  await expect(page.getByRole('region', { name: 'Reply on its way' })).toContainText('was sent', {
    timeout: 30_000,
  });
}

test('a Mastodon and a Bluesky account in one inbox: one delivery brings both, each marked; replies go out from the right account, once; removing Bluesky leaves Mastodon untouched', async ({
  page,
  context,
}) => {
  test.setTimeout(300_000);
  const start = Date.now();
  const slot = nextSlotAfter(start);
  host = await startTimedHost(start, {
    blueskyIdentity: { handleResolver: sky.pds.url, plcDirectoryUrl: sky.plc.url, allowHttp: true },
  });
  await keepAppReachableOffline(context, host.origin);
  await page.clock.install({ time: start });
  await page.goto(`${host.origin}/`);
  await passWelcome(page);
  await page.getByRole('button', { name: 'Remove demo data' }).click();
  await page
    .getByRole('dialog', { name: 'Remove the demo?' })
    .getByRole('button', { name: 'Remove demo data' })
    .click();
  await expect(page.getByRole('heading', { name: 'Your inbox is empty' })).toBeVisible();

  await addMastodon(page, host);
  await addBluesky(page);
  const accounts = await readAll<StoredAccount>(page, 'accounts');
  const mastodon = accounts.find((a) => a.network === 'mastodon');
  const bluesky = accounts.find((a) => a.network === 'bluesky');
  expect(mastodon?.handle).toBe(`@alice@localhost:${snac.port}`);
  expect(bluesky?.handle).toBe(skyAlice.handle);
  await closeInbox(page);
  const closed = page.getByRole('heading', { name: 'The inbox is closed until the next delivery' });
  await expect(closed).toBeVisible();

  // bob mentions alice on each network; the app's background sync brings both in, and they wait.
  const bob = await accessToken(snac, 'bob');
  const onMastodon = (await snacApi(snac, bob, '/api/v1/statuses', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      status: `@alice Tomatoes or beans first (${start})?`,
      visibility: 'public',
    }),
  })) as { id: string };
  const onBluesky = await sky.mention(skyBob, skyAlice, `the seed library opens at ten (${start})`);
  await sky.processAll();
  const aliceOnSnac = await accessToken(snac, 'alice');
  await expect
    .poll(
      async () =>
        JSON.stringify(await snacApi(snac, aliceOnSnac, '/api/v1/notifications')).includes(
          onMastodon.id,
        ),
      { timeout: 30_000 },
    )
    .toBe(true);
  await moveClocks(page, host, slot - 15 * 60_000);
  const waiting = async () =>
    (await readAll<{ postId: string | null; deliveryId: string }>(page, 'activity')).filter(
      (a) =>
        a.deliveryId === '' &&
        (a.postId === `${mastodon?.id ?? ''}|${onMastodon.id}` ||
          a.postId === `${bluesky?.id ?? ''}|${onBluesky.uri}`),
    ).length;
  await expect.poll(waiting, { timeout: 60_000 }).toBe(2);
  await expect(closed).toBeVisible();

  // The next delivery brings both, each quietly marked with the account it came to.
  await moveClocks(page, host, slot);
  const fromMastodon = conversationList(page).getByRole('option', {
    name: new RegExp(`to @alice@localhost:${snac.port} on Mastodon`),
  });
  const fromBluesky = conversationList(page).getByRole('option', {
    name: new RegExp(`to ${skyAlice.handle.replace(/\./g, '\\.')} on Bluesky`),
  });
  await expect(fromMastodon.filter({ hasText: 'Tomatoes or beans' })).toHaveCount(1);
  await expect(fromBluesky.filter({ hasText: 'seed library' })).toHaveCount(1);
  expect(await conversations(page).count()).toBe(2);
  expect(await seriousA11yViolations(page)).toEqual([]);
  await page.screenshot({ path: join(__dirname, 'screenshots', 'two-networks.png') });

  // A reply to each, from the account the conversation came to.
  await fromBluesky.click();
  await page.keyboard.press('r');
  await expect(page.getByText(`Replying as ${skyAlice.handle} on Bluesky`)).toBeVisible();
  await page.keyboard.press('Escape');
  await replyNow(page, `See you at ten, @${skyBob.handle} (${start})`);
  await fromMastodon.click();
  await replyNow(page, `Beans, always beans (${start}).`);

  // Each network got exactly one reply, from alice's account there, in bob's thread.
  await expect
    .poll(
      async () => {
        const thread = (await snacApi(snac, bob, `/api/v1/statuses/${onMastodon.id}/context`)) as {
          descendants: { content: string; account: { username: string } }[];
        };
        return thread.descendants
          .filter((s) => s.content.includes('always beans'))
          .map((s) => s.account.username);
      },
      { timeout: 30_000 },
    )
    .toEqual(['alice']);
  await sky.processAll();
  const blueskyReplies = async (): Promise<{ did: string; mentions: string[] }[]> => {
    const { data } = await sky.agent(skyBob).getPostThread({ uri: onBluesky.uri });
    const replies = (data.thread as { replies?: unknown[] }).replies ?? [];
    return replies.flatMap((node) => {
      const post = (node as { post?: { author: { did: string }; record: unknown } }).post;
      const record = post?.record as
        { text?: string; facets?: { features: { $type: string; did?: string }[] }[] } | undefined;
      if (post === undefined || !(record?.text ?? '').includes('See you at ten')) return [];
      const mentions = (record?.facets ?? []).flatMap((f) =>
        f.features.flatMap((x) => (x.did === undefined ? [] : [x.did])),
      );
      return [{ did: post.author.did, mentions }];
    });
  };
  await expect
    .poll(blueskyReplies, { timeout: 30_000 })
    .toEqual([{ did: skyAlice.did, mentions: [skyBob.did] }]);

  // A while later (and a network drop), nothing has gone out again.
  await context.setOffline(true);
  await context.setOffline(false);
  await page.clock.runFor(5 * 60_000);
  await sky.processAll();
  expect(await blueskyReplies()).toHaveLength(1);

  // No token of either network ever reached the page.
  const vault = host.network.vault;
  const secrets = await Promise.all(
    [mastodon?.id ?? '', bluesky?.id ?? ''].map((id) => vault.credential(id)),
  );
  const tokens = secrets.flatMap((c) => [c?.accessToken ?? '', c?.refresh?.token ?? '']);
  expect(tokens.filter((t) => t.length > 10)).toHaveLength(3);
  for (const token of tokens.filter((t) => t.length > 0)) {
    expect(await placesHolding(page, token)).toEqual([]);
  }
  expect(await placesHolding(page, skyAlice.appPassword)).toEqual([]);

  // Removing the Bluesky account takes its conversations and sign-in, and nothing of Mastodon's.
  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const row = settings.getByRole('listitem', { name: `Bluesky, ${skyAlice.handle}` });
  await row.getByRole('button', { name: 'Remove…' }).click();
  await row.getByRole('button', { name: `Remove ${skyAlice.handle}` }).click();
  await expect(row).toBeHidden();
  await expect(
    settings.getByRole('listitem', { name: `Mastodon, @alice@localhost:${snac.port}` }),
  ).toBeVisible();
  await page.keyboard.press('Escape');
  const left = await readAll<StoredAccount>(page, 'accounts');
  expect(left.map((a) => a.network)).toEqual(['mastodon']);
  const posts = await readAll<{ id: string }>(page, 'posts');
  expect(posts.filter((p) => p.id.startsWith(`${bluesky?.id ?? ''}|`))).toEqual([]);
  expect(posts.some((p) => p.id === `${mastodon?.id ?? ''}|${onMastodon.id}`)).toBe(true);
  expect(await host.network.vault.credential(bluesky?.id ?? '')).toBeNull();
  expect(await host.network.vault.credential(mastodon?.id ?? '')).not.toBeNull();
  const outbox = await readAll<{ accountId: string; state: string }>(page, 'outbox');
  expect(outbox.map((o) => [o.accountId, o.state])).toEqual([[mastodon?.id ?? '', 'sent']]);
  const threads = await readAll<{ accountId: string }>(page, 'threads');
  expect(threads.length).toBeGreaterThan(0);
  expect(threads.every((t) => t.accountId === mastodon?.id)).toBe(true);
  await expect(fromBluesky).toHaveCount(0);
});
