import type { Account } from '@shared/domain';
import {
  startBlueskyNetwork,
  type BlueskyNetwork,
  type BlueskyUser,
  type RecordRef,
} from '../servers/bluesky/bluesky-network';
import { benchPage, type BenchBrowser } from './browser';

export interface BlueskySyncResult {
  /** Notifications the network holds for alice (what the AppView indexed). */
  readonly notifications: number;
  /** Activity items stored by the sync. */
  readonly items: number;
  readonly skipped: number;
  readonly seconds: number;
  readonly itemsPerSecond: number;
  /** Batches the sync stored (100 notifications each). */
  readonly pages: number;
  /** How long making the notifications on the local network took (not part of the figure). */
  readonly setupSeconds: number;
}

/** People writing to alice at once; each makes `notifications / WRITERS` of her notifications. */
const WRITERS = 50;
const ALICE_POSTS = 40;

/**
 * A sync of `notifications` Bluesky notifications from the local Bluesky network (dev-env: the
 * Bluesky team's PDS and AppView) in the app's own code (the Bluesky connector, the sync boundary,
 * the store) in Chromium, through the loopback host's real gateway. The notifications are real:
 * `WRITERS` people write records to the PDS side by side (which is how it stays within minutes), and the AppView indexes them as it does any record: mentions (posts
 * with a mention facet), replies to alice's posts, likes and reposts of them, follows.
 */
export async function measureBlueskySync(
  bench: BenchBrowser,
  notifications: number,
  log: (message: string) => void = () => undefined,
): Promise<BlueskySyncResult> {
  const setupStarted = Date.now();
  const network = await startBlueskyNetwork();
  try {
    const alice = await network.createUser('alice');
    const writers: BlueskyUser[] = [];
    for (let i = 0; i < WRITERS; i += 10) {
      writers.push(
        ...(await Promise.all(
          Array.from({ length: Math.min(10, WRITERS - i) }, (_, j) =>
            network.createUser(`writer${i + j}`),
          ),
        )),
      );
    }
    const own: RecordRef[] = [];
    for (let i = 0; i < ALICE_POSTS; i += 1) {
      own.push(await network.post(alice, `What are you growing this year? (${i})`));
    }
    await network.processAll();
    log(`bluesky: ${WRITERS} writers and alice's posts ready; writing…`);

    const perWriter = Math.ceil(notifications / WRITERS);
    // Every record a millisecond apart from every other, as people write: dev-env's AppView pages
    // notifications by time alone, so records made in the same millisecond would be lost at a
    // page's edge.
    const firstAt = Date.now() - notifications - 60_000;
    let made = 0;
    const plans = writers.map((writer, w) => {
      const count = Math.min(perWriter, notifications - w * perWriter);
      made += Math.max(0, count);
      const at = firstAt + w * perWriter;
      return { writer, writes: writesFor(writer, alice, own, Math.max(0, count), at) };
    });
    await Promise.all(plans.map(({ writer, writes }) => applyAll(network, writer, writes)));
    await processAllPatiently(network);
    let held = await countNotifications(network, alice);
    for (let round = 0; round < 10; round += 1) {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await processAllPatiently(network);
      const again = await countNotifications(network, alice);
      log(`bluesky: ${again} notifications indexed so far`);
      if (again === held && again >= made) break;
      held = again;
    }
    const setupSeconds = (Date.now() - setupStarted) / 1000;
    log(
      `bluesky: ${made} records written, ${held} notifications indexed, in ${setupSeconds.toFixed(0)} s`,
    );

    const session = (await network.login(alice.handle, alice.appPassword)).session;
    if (session === undefined) throw new Error('alice could not sign in');
    const accountId = 'b-bench0000bluesky';
    await bench.host.network.vault.saveCredential({
      accountId,
      network: 'bluesky',
      origin: network.pds.url,
      networkUserId: alice.did,
      handle: alice.handle,
      accessToken: session.accessJwt,
      refresh: { token: session.refreshJwt, expiresAt: null },
      scope: '',
      clientId: null,
      clientSecret: null,
      createdAt: Date.now(),
    });
    const account: Account = {
      id: accountId,
      network: 'bluesky',
      handle: alice.handle,
      displayName: 'Alice',
      serverOrigin: network.pds.url,
      networkUserId: alice.did,
      isDemo: false,
      addedAt: Date.now(),
      // From the oldest, not the first sync's bound: the bench wants every notification.
      syncCursor: 'bluesky:0',
      lastSyncedAt: null,
    };
    const page = await benchPage(bench);
    const synced = await page.evaluate((a) => window.slowpostBenchBluesky.blueskySync(a), account);
    await page.context().close();
    return {
      notifications: held,
      items: synced.items,
      skipped: synced.skipped,
      seconds: synced.seconds,
      itemsPerSecond: synced.items / synced.seconds,
      pages: synced.pages,
      setupSeconds,
    };
  } finally {
    await network.stop();
  }
}

interface Write {
  readonly collection: string;
  readonly value: object;
}

/**
 * One writer's records, each one notification for alice: a follow, then likes and reposts of
 * alice's posts (once each per post), replies to them, and mentions for the rest.
 */
function writesFor(
  writer: BlueskyUser,
  alice: BlueskyUser,
  own: readonly RecordRef[],
  count: number,
  firstAt: number,
): Write[] {
  let made = 0;
  const create = (collection: string, value: object): Write => ({
    collection,
    value: { $type: collection, ...value, createdAt: new Date(firstAt + made++).toISOString() },
  });
  const writes: Write[] = [create('app.bsky.graph.follow', { subject: alice.did })];
  const ref = (post: RecordRef) => ({ uri: post.uri, cid: post.cid });
  for (const post of own) {
    if (writes.length >= Math.floor(count * 0.2)) break;
    writes.push(create('app.bsky.feed.like', { subject: ref(post) }));
  }
  for (const post of own.slice(0, Math.floor(count * 0.04))) {
    writes.push(create('app.bsky.feed.repost', { subject: ref(post) }));
  }
  const replies = Math.floor(count * 0.15);
  for (let i = 0; i < replies; i += 1) {
    const post = own[i % own.length];
    if (post === undefined) break;
    writes.push(
      create('app.bsky.feed.post', {
        text: `Beans, mostly (${writer.handle}, ${i})`,
        reply: { root: ref(post), parent: ref(post) },
      }),
    );
  }
  const mention = `@${alice.handle}`;
  const mentionBytes = Buffer.byteLength(mention, 'utf8');
  for (let i = 0; writes.length < count; i += 1) {
    writes.push(
      create('app.bsky.feed.post', {
        text: `${mention} about the garden, part ${i} 🌱`,
        facets: [
          {
            index: { byteStart: 0, byteEnd: mentionBytes },
            features: [{ $type: 'app.bsky.richtext.facet#mention', did: alice.did }],
          },
        ],
      }),
    );
  }
  return writes.slice(0, count);
}

/**
 * The writer's records, one `com.atproto.repo.createRecord` each, as an app writes them. (Many per
 * `applyWrites` would be faster, but dev-env's AppView then indexes only some of them.)
 */
async function applyAll(network: BlueskyNetwork, writer: BlueskyUser, writes: Write[]) {
  const token = network.agent(writer).session?.accessJwt;
  if (token === undefined) throw new Error(`${writer.handle} has no session`);
  for (const write of writes) {
    const response = await fetch(`${network.pds.url}/xrpc/com.atproto.repo.createRecord`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ repo: writer.did, collection: write.collection, record: write.value }),
    });
    if (!response.ok) {
      throw new Error(
        `createRecord for ${writer.handle}: ${response.status} ${await response.text()}`,
      );
    }
  }
}

/** How many notifications alice has, as her own agent lists them. */
async function countNotifications(network: BlueskyNetwork, alice: BlueskyUser): Promise<number> {
  let count = 0;
  let cursor: string | undefined;
  for (;;) {
    const { data } = await network
      .agent(alice)
      .listNotifications({ limit: 100, ...(cursor === undefined ? {} : { cursor }) });
    count += data.notifications.length;
    if (data.cursor === undefined || data.notifications.length === 0) return count;
    cursor = data.cursor;
  }
}

/** `processAll`, given more than one budget: indexing ten thousand records takes a while. */
async function processAllPatiently(network: BlueskyNetwork): Promise<void> {
  for (let round = 1; ; round += 1) {
    try {
      await network.processAll();
      return;
    } catch (error) {
      if (round >= 5) throw error;
    }
  }
}
