import type { Account } from '@shared/domain';
import { startContractServer } from '../servers/mastodon-contract/contract-server';
import { MASTODON_RATE_BUDGET } from '../servers/mastodon-contract/rate-limiter';
import { benchPage, type BenchBrowser } from './browser';

export interface MastodonSyncResult {
  readonly notifications: number;
  /** Activity items stored (grouped favourites and boosts become one item per person). */
  readonly items: number;
  readonly seconds: number;
  readonly itemsPerSecond: number;
  /** Requests the sync made to the server, and Mastodon's default budget (300 per 5 min). */
  readonly requests: number;
  readonly budget: { readonly limit: number; readonly periodSeconds: number };
  readonly requestCounts: Readonly<Record<string, number>>;
}

const PEOPLE = 200;

/**
 * A sync of `notifications` Mastodon notifications in the app's own code (the Mastodon connector,
 * the sync boundary, the store) in Chromium, through the loopback host's real gateway, from the
 * stateful contract server: how fast, and how many of the server's requests it spends. The
 * mix is a busy account's: mostly mentions and replies in many conversations, then favourites,
 * boosts and follows.
 */
export async function measureMastodonSync(
  bench: BenchBrowser,
  notifications: number,
): Promise<MastodonSyncResult> {
  const people = Array.from({ length: PEOPLE }, (_, i) => `friend${i}`);
  // A generous server, so the sync is never held back and the bench counts what it spends
  // against Mastodon's default budget (300 requests per 5 minutes).
  const server = await startContractServer({
    users: ['alice', ...people],
    rateLimit: { limit: 100 * MASTODON_RATE_BUDGET.limit },
  });
  try {
    const alice = [...server.state.accounts.values()].find((a) => a.username === 'alice');
    if (alice === undefined) throw new Error('no alice on the contract server');
    const own = server.post('alice', { text: 'What are you growing this year?' });
    const aliceHas = (): number =>
      server.state.notifications.reduce((n, x) => n + Number(x.accountId === alice.id), 0);
    let made = 0;
    for (let i = 0; made < notifications; i += 1) {
      const from = people[i % PEOPLE] ?? 'friend0';
      const kind = i % 20;
      if (kind < 12) {
        server.mention(from, 'alice', `About the garden, part ${i}`);
      } else if (kind < 15) {
        server.reply(from, own.id, `Beans, mostly (${i})`);
      } else if (kind < 18) {
        server.favourite(from, server.post('alice', { text: `Note ${i}` }).id);
      } else if (kind < 19) {
        server.boost(from, own.id);
      } else {
        server.follow(from, 'alice');
      }
      made = aliceHas();
    }
    const accountId = 'm-bench0000mastodn';
    await bench.host.network.vault.saveCredential({
      accountId,
      network: 'mastodon',
      origin: server.origin,
      networkUserId: alice.id,
      handle: `@alice@${server.host}`,
      accessToken: server.tokenFor('alice'),
      refresh: null,
      scope: 'read write',
      clientId: 'bench',
      clientSecret: 'bench',
      createdAt: Date.now(),
    });
    const account: Account = {
      id: accountId,
      network: 'mastodon',
      handle: `@alice@${server.host}`,
      displayName: 'Alice',
      serverOrigin: server.origin,
      networkUserId: alice.id,
      isDemo: false,
      addedAt: Date.now(),
      // From the start of time, not the first sync's bound: the bench wants every notification.
      syncCursor: 'mastodon:0',
      lastSyncedAt: null,
    };
    const before = server.requestTotal();
    const page = await benchPage(bench);
    const synced = await page.evaluate((a) => window.slowpostBench.mastodonSync(a), account);
    await page.context().close();
    return {
      notifications: made,
      items: synced.items,
      seconds: synced.seconds,
      itemsPerSecond: synced.items / synced.seconds,
      requests: server.requestTotal() - before,
      budget: MASTODON_RATE_BUDGET,
      requestCounts: server.requestCounts(),
    };
  } finally {
    await server.stop();
  }
}
