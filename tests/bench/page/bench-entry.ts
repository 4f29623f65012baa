import './bluesky-sync-page';
import './search-page';
import './search-profile-page';
import type { ActivityBatch } from '@shared/connectors/connector';
import { sanitizeBatch } from '@shared/connectors/sanitize-batch';
import { DemoSetting, WelcomeSetting } from '@shared/settings/setting-definitions';
import { SlowpostDatabase } from '../../../renderer/src/db/database';
import { searchIndexKeeper } from '../../../renderer/src/db/search-index-keeper';
import {
  closeOpenDeliveries,
  makeDelivery,
} from '../../../renderer/src/db/repositories/deliveries';
import { ingestPage } from '../../../renderer/src/db/repositories/ingest-page';
import { writeSetting } from '../../../renderer/src/db/repositories/settings';
import { PRESETS, benchAccount, generateBatches } from '../dataset';
import type { Account } from '@shared/domain';
import { ACCOUNT_HEADER } from '@shared/connectors/gateway';
import { createMastodonConnector } from '../../../renderer/src/connectors/mastodon/mastodon-connector';
import { syncAccount } from '../../../renderer/src/sync/sync-account';
import type { Preset, RawBatch } from '../dataset';

// The bench page: served next to the app (same origin, same IndexedDB), never part of it.

/** The sync boundary, as the sync runs it: every item parsed with the domain schemas. */
function parseBatch(raw: RawBatch): ActivityBatch {
  const { batch, problems } = sanitizeBatch({
    ...raw,
    nextCursor: null,
    hasMore: false,
    problems: [],
  });
  // The bench's data is all good: a skipped item would make the figures count less work.
  if (problems.length > 0) throw new Error(`bench data skipped: ${problems[0]?.message ?? ''}`);
  return batch;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

export interface SeedResult {
  readonly items: number;
  readonly seconds: number;
  readonly itemsPerSecond: number;
  readonly batchP50Ms: number;
  readonly batchP95Ms: number;
}

/**
 * Writes the preset through the sync path (sanitizeBatch, then ingestPage: one transaction per
 * batch), timing each batch. All but the last `deliveryItems` arrive before an earlier, closed
 * delivery; the rest arrive later and form the one open delivery the session benches use.
 */
async function seed(presetName: Preset['name'], now: number): Promise<SeedResult> {
  const db = new SlowpostDatabase();
  const result = await timedIngest(db, presetName, now);
  // A long-time user: most people are let in; a few are new and meet the screener.
  await db.people
    .filter((p) => !p.isSelf && Number(p.networkId.slice(1)) % 50 !== 0)
    .modify({ screening: 'let-in' });
  await makeDelivery(db, { kind: 'scheduled', slot: now, now });
  db.close();
  return result;
}

/**
 * What the search index costs at ingest: the same ingest as {@link seed}, into a store of its own
 * whose posts are written without their index rows (the index's middleware taken off).
 */
async function seedWithoutSearchIndex(
  presetName: Preset['name'],
  now: number,
): Promise<SeedResult> {
  const db = new SlowpostDatabase('slowpost-bench-no-search-index');
  db.unuse({ stack: 'dbcore', name: searchIndexKeeper.name ?? '' });
  const result = await timedIngest(db, presetName, now);
  db.close();
  await db.delete();
  return result;
}

/** The preset through the sync path into a fresh `db`, only the pages timed. */
async function timedIngest(
  db: SlowpostDatabase,
  presetName: Preset['name'],
  now: number,
): Promise<SeedResult> {
  const preset = PRESETS[presetName];
  await db.delete();
  await db.open();
  await writeSetting(db, DemoSetting, { state: 'removed', anchor: null }, now);
  // Past the first-run welcome: the bench measures the cold open of the inbox.
  await writeSetting(db, WelcomeSetting, { choice: 'skipped' }, now);
  await db.accounts.add(benchAccount(now - 30 * 86_400_000));
  const earlier = now - 3 * 3_600_000;
  const firstOpenBatch = Math.floor((preset.items - preset.deliveryItems) / 1000);
  const batchMs: number[] = [];
  let index = 0;
  let closedEarlier = false;
  // Only the sync path is timed (parse, then store); the delivery made between the older
  // items and the open delivery's is setup for the session benches, not ingest.
  for (const raw of generateBatches(preset, now - 20 * 86_400_000, now - 60_000)) {
    const late = index >= firstOpenBatch;
    if (late && !closedEarlier) {
      await makeDelivery(db, { kind: 'scheduled', slot: earlier, now: earlier });
      await closeOpenDeliveries(db, earlier);
      // The earlier delivery stands for history the user has been through: nothing of it waits
      // to be brought back into the open delivery the session benches measure.
      await db.carryOvers.clear();
      closedEarlier = true;
    }
    const t0 = performance.now();
    await ingestPage(db, 'bench', parseBatch(raw), late ? now - 1000 : earlier - 1000);
    batchMs.push(performance.now() - t0);
    index += 1;
  }
  const seconds = batchMs.reduce((sum, ms) => sum + ms, 0) / 1000;
  return {
    items: preset.items,
    seconds,
    itemsPerSecond: preset.items / seconds,
    batchP50Ms: percentile(batchMs, 50),
    batchP95Ms: percentile(batchMs, 95),
  };
}

/**
 * A store with a long history behind the open delivery, seeded fast (not timed): everything but
 * the open delivery's items is written straight into the stores as the sync path would leave it
 * (already delivered by an earlier, closed delivery); the open delivery's items then go through
 * the sync path, which summarises their threads from every stored post.
 */
async function seedHistory(presetName: Preset['name'], now: number): Promise<{ seconds: number }> {
  const preset = PRESETS[presetName];
  const started = performance.now();
  const db = new SlowpostDatabase();
  await db.delete();
  await db.open();
  await writeSetting(db, DemoSetting, { state: 'removed', anchor: null }, now);
  await writeSetting(db, WelcomeSetting, { choice: 'skipped' }, now);
  await db.accounts.add(benchAccount(now - 400 * 86_400_000));
  const earlier = now - 3 * 3_600_000;
  const closed = await makeDelivery(db, { kind: 'scheduled', slot: earlier, now: earlier });
  await closeOpenDeliveries(db, earlier);
  await db.carryOvers.clear();
  const firstOpenBatch = Math.floor((preset.items - preset.deliveryItems) / 1000);
  let index = 0;
  for (const raw of generateBatches(preset, now - 400 * 86_400_000, now - 60_000)) {
    const batch = parseBatch(raw);
    if (index >= firstOpenBatch) {
      await ingestPage(db, 'bench', batch, now - 1000);
    } else {
      await db.transaction('rw', [db.people, db.posts, db.activity], async () => {
        await db.people.bulkPut(
          batch.people.map((p) => ({
            ...p,
            screening: 'unknown' as const,
            notes: '',
            keepInTouchDays: null,
            firstSeenAt: earlier - 1000,
          })),
        );
        await db.posts.bulkPut(batch.posts.map((p) => ({ ...p, arrivedAt: earlier - 1000 })));
        await db.activity.bulkPut(
          batch.activity.map((a) => ({ ...a, arrivedAt: earlier - 1000, deliveryId: closed.id })),
        );
      });
    }
    index += 1;
  }
  await db.people
    .filter((p) => !p.isSelf && Number(p.networkId.slice(1)) % 50 !== 0)
    .modify({ screening: 'let-in' });
  await makeDelivery(db, { kind: 'scheduled', slot: now, now });
  db.close();
  return { seconds: (performance.now() - started) / 1000 };
}

/**
 * The physical limit: the same records (already parsed and mapped) put with the raw IndexedDB
 * API, one transaction per batch, into a database with the same stores and indexes.
 */
async function rawPut(presetName: Preset['name'], now: number): Promise<SeedResult> {
  const preset = PRESETS[presetName];
  const name = 'slowpost-raw-bench';
  await new Promise<void>((resolve) => {
    const del = indexedDB.deleteDatabase(name);
    del.onsuccess = del.onerror = del.onblocked = () => resolve();
  });
  // Same stores and indexes as the app's schema, created through Dexie, written without it.
  const shape = new SlowpostDatabase(name);
  await shape.open();
  shape.close();
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(new Error(String(open.error)));
  });
  const batches = [...generateBatches(preset, now - 20 * 86_400_000, now - 60_000)].map(parseBatch);
  const batchMs: number[] = [];
  const started = performance.now();
  for (const batch of batches) {
    const t0 = performance.now();
    await new Promise<void>((resolve, reject) => {
      const tx = db.transaction(['people', 'posts', 'activity'], 'readwrite');
      for (const p of batch.people)
        tx.objectStore('people').put({
          ...p,
          screening: 'unknown',
          notes: '',
          keepInTouchDays: null,
          firstSeenAt: now,
        });
      for (const p of batch.posts) tx.objectStore('posts').put({ ...p, arrivedAt: now });
      for (const a of batch.activity)
        tx.objectStore('activity').put({ ...a, arrivedAt: now, deliveryId: '' });
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(new Error(String(tx.error)));
    });
    batchMs.push(performance.now() - t0);
  }
  const seconds = (performance.now() - started) / 1000;
  db.close();
  return {
    items: preset.items,
    seconds,
    itemsPerSecond: preset.items / seconds,
    batchP50Ms: percentile(batchMs, 50),
    batchP95Ms: percentile(batchMs, 95),
  };
}

/** An empty store (no accounts, demo removed): the baseline for cold open. */
async function empty(now: number): Promise<void> {
  const db = new SlowpostDatabase();
  await db.delete();
  await db.open();
  await writeSetting(db, DemoSetting, { state: 'removed', anchor: null }, now);
  await writeSetting(db, WelcomeSetting, { choice: 'skipped' }, now);
  db.close();
}

declare global {
  interface Window {
    slowpostBench: {
      seed: typeof seed;
      seedHistory: typeof seedHistory;
      seedWithoutSearchIndex: typeof seedWithoutSearchIndex;
      rawPut: typeof rawPut;
      empty: typeof empty;
      mastodonSync: typeof mastodonSync;
    };
  }
}

/**
 * Syncs a Mastodon account through the app's own connector and sync path, against the loopback
 * host's gateway (which holds the account's token): every page until the server has no more.
 */
async function mastodonSync(account: Account): Promise<{ items: number; seconds: number }> {
  const db = new SlowpostDatabase();
  await db.delete();
  await db.open();
  await writeSetting(db, DemoSetting, { state: 'removed', anchor: null }, Date.now());
  await db.accounts.add(account);
  const connector = createMastodonConnector({
    account,
    baseUrl: location.origin,
    headers: { [ACCOUNT_HEADER]: account.id },
  });
  const started = performance.now();
  // One sync stops at what one call may look up; the next goes on from its cursor.
  for (let round = 0; round < 200; round += 1) {
    const summary = await syncAccount(db, connector, Date.now, () => undefined);
    if (summary.newActivity === 0) break;
  }
  const seconds = (performance.now() - started) / 1000;
  const items = await db.activity.count();
  db.close();
  return { items, seconds };
}

window.slowpostBench = { seed, seedHistory, seedWithoutSearchIndex, rawPut, empty, mastodonSync };
