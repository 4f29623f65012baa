import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  benchPage,
  buildBenchPage,
  coldOpen,
  emptyStore,
  openBenchBrowser,
  rawPut,
  REFERENCE_PAGE,
  seed,
  seedHistory,
  seedWithoutSearchIndex,
} from './browser';
import { measureBlueskySync } from './bluesky-sync';
import { measureCalm } from './calm';
import { PRESETS } from './dataset';
import { measureComposer } from './composer';
import { measureMastodonSync } from './mastodon-sync';
import { measureSearch } from './search';
import { settleThen } from './settle';
import { installKeyTimer, keyTimes, pressMeasured, stats } from './interaction';

// `npm run bench` (100k items) or `npm run bench -- --quick` (10k): measures what users feel in
// the production renderer build in Chromium, each figure against a baseline measured in the same
// run, and writes bench/results/latest.json and latest.md. Never asserts anything.

interface Row {
  readonly measure: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
}

const OPEN_RUNS = 5;
const TRIAGE_PRESSES = 60;
const COMPOSER_KEYS = 120;
const SEARCH_ROUNDS = 40;
const MASTODON_NOTIFICATIONS = 10_000;
const BLUESKY_NOTIFICATIONS = 10_000;

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  // For working on the app's own figures: no network syncs, results written apart (never the
  // README's table).
  const appOnly = process.argv.includes('--app-only');
  const preset = PRESETS[quick ? 'quick' : 'full'];
  const started = Date.now();
  const log = (message: string) =>
    console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${message}`);
  await buildBenchPage();
  const now = Date.now();
  const bench = await openBenchBrowser(now);
  try {
    // Ingest: the sync path vs raw IndexedDB puts of the same records.
    const page = await benchPage(bench);
    log(`raw IndexedDB put of ${preset.items} items…`);
    const raw = await rawPut(page, preset.name, now);
    // Each write starts on a settled store, as the first one does: a write right behind another
    // would share the machine with the store's background work after it (see settle.ts).
    await settleThen(log, `sync path without the search index, ${preset.items} items`);
    const noIndex = await seedWithoutSearchIndex(page, preset.name, now);
    await settleThen(log, `sync path (parse → map → store) of ${preset.items} items`);
    const ingest = await seed(page, preset.name, now);
    // What the search index adds to each page of ingest (its rows are written in the sync's own
    // transaction, so its cost is inside the ingest figure too).
    const indexCost = `${Math.round(noIndex.itemsPerSecond).toLocaleString('en')}/s without the index, ${Math.round(ingest.itemsPerSecond).toLocaleString('en')}/s with it: +${(100 * (noIndex.itemsPerSecond / ingest.itemsPerSecond - 1)).toFixed(0)}% time (${(raw.itemsPerSecond / noIndex.itemsPerSecond).toFixed(2)}× raw without it)`;

    // A user searches and opens the app long after the history was written; right after a bulk
    // write the store is still busy in the background, so the bench lets it settle first.
    const settled = await settleThen(log, 'search queries');
    const search = await measureSearch(page, SEARCH_ROUNDS);

    // Cold open with everything stored and a 5,000-item delivery open.
    log('cold open, full store…');
    await coldOpen(page, bench.host.origin); // warm-up
    const opens: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) opens.push(await coldOpen(page, bench.host.origin));
    await page
      .getByRole('listbox', { name: 'Conversations' })
      .getByRole('option')
      .first()
      .waitFor();

    // Memory once the session is open.
    await page.evaluate(() => (window as unknown as { gc?: () => void }).gc?.());
    const heapBytes = await page.evaluate(
      () =>
        (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory
          ?.usedJSHeapSize ?? NaN,
    );

    // Triage: `e` (done) to the next conversation painted; baseline: a key the app ignores.
    log('triage keystrokes…');
    await installKeyTimer(page);
    await pressMeasured(page, 'e', 5); // warm-up
    await pressMeasured(page, 'q', TRIAGE_PRESSES);
    await pressMeasured(page, 'e', TRIAGE_PRESSES);
    const triage = stats((await keyTimes(page, 'e')).slice(5));
    const floor = stats(await keyTimes(page, 'q'));
    const sessionSize = Number(
      await page
        .getByRole('listbox', { name: 'Conversations' })
        .getByRole('option')
        .first()
        .getAttribute('aria-setsize'),
    );

    // Composer: keystroke to paint while the draft autosaves, on the next conversation.
    log('composer keystrokes…');
    const composerRun = await measureComposer(page, COMPOSER_KEYS);
    const composer = stats(composerRun.typed);
    const composerFloor = stats(composerRun.floor);

    // Baseline for cold open: the same page with an empty store. The empty app's own baseline is
    // a fixed reference: a static page of one line of text that marks the same first view. The
    // two take turns, so a busy moment on the machine falls on both.
    log('cold open, empty store, and the reference page…');
    const emptyPage = await benchPage(bench);
    await emptyStore(emptyPage, now);
    await coldOpen(emptyPage, bench.host.origin);
    await coldOpen(emptyPage, bench.host.origin, REFERENCE_PAGE);
    const emptyOpens: number[] = [];
    const referenceOpens: number[] = [];
    for (let i = 0; i < OPEN_RUNS; i++) {
      emptyOpens.push(await coldOpen(emptyPage, bench.host.origin));
      referenceOpens.push(await coldOpen(emptyPage, bench.host.origin, REFERENCE_PAGE));
    }
    const openEmpty = stats(emptyOpens);
    const openReference = stats(referenceOpens);

    // The same session behind a long history: what is stored should not matter.
    const longPreset = PRESETS[quick ? 'large' : 'year'];
    log(`a long history: ${longPreset.items.toLocaleString('en')} stored, seeded straight in…`);
    const longPage = await benchPage(bench);
    const longSeed = await seedHistory(longPage, longPreset.name, now);
    log(`seeded in ${longSeed.seconds.toFixed(0)} s`);
    const longSettled = await settleThen(log, 'search queries behind the long history');
    const longSearch = await measureSearch(longPage, SEARCH_ROUNDS);
    const long = await measureSession(longPage, bench.host.origin);
    log(`long history measured (cold open median ${ms(long.open.median)})`);

    log('calm: a simulated day…');
    const calm = await measureCalm(200);
    const longFigures = `cold open median ${ms(long.open.median)} vs empty ${ms(openEmpty.median)} (${(long.open.median / openEmpty.median).toFixed(2)}×); triage p95 ${ms(long.triage.p95)} vs floor ${ms(long.floor.p95)} (${(long.triage.p95 / long.floor.p95).toFixed(2)}×); heap ${(long.heapBytes / 2 ** 20).toFixed(1)} MB`;
    if (appOnly) {
      const figures = {
        ingest: `${Math.round(ingest.itemsPerSecond)}/s vs raw ${Math.round(raw.itemsPerSecond)}/s (${(raw.itemsPerSecond / ingest.itemsPerSecond).toFixed(2)}× slower)`,
        searchIndexAtIngest: indexCost,
        coldOpen: `median ${ms(stats(opens).median)} vs empty ${ms(openEmpty.median)} (${(stats(opens).median / openEmpty.median).toFixed(2)}×)`,
        emptyColdOpen: `median ${ms(openEmpty.median)} vs reference page ${ms(openReference.median)} (${(openEmpty.median / openReference.median).toFixed(2)}×)`,
        triage: `p95 ${ms(triage.p95)} vs floor ${ms(floor.p95)} (${(triage.p95 / floor.p95).toFixed(2)}×)`,
        composer: `p95 ${ms(composer.p95)} vs floor ${ms(composerFloor.p95)} (${(composer.p95 / composerFloor.p95).toFixed(2)}×)`,
        heap: `${(heapBytes / 2 ** 20).toFixed(1)} MB`,
        [`history${longPreset.items}`]: longFigures,
        search: `p50 ${ms(search.p50Ms)} / p95 ${ms(search.p95Ms)} (${preset.items} stored; opening search ${ms(search.openMs)})`,
        [`search${longPreset.items}`]: `p50 ${ms(longSearch.p50Ms)} / p95 ${ms(longSearch.p95Ms)} (${longPreset.items} stored; opening search ${ms(longSearch.openMs)}; ${(longSearch.p95Ms / search.p95Ms).toFixed(2)}× the p95 with ${(longPreset.items / preset.items).toFixed(0)}× the store)`,
        searchPerQuery: {
          [preset.items]: search.perQuery,
          [longPreset.items]: longSearch.perQuery,
        },
      };
      console.log(JSON.stringify(figures, null, 2));
      return;
    }

    log(`Mastodon sync of ${MASTODON_NOTIFICATIONS.toLocaleString('en')} notifications…`);
    const mastodon = await measureMastodonSync(bench, MASTODON_NOTIFICATIONS);
    log(`Bluesky sync of ${BLUESKY_NOTIFICATIONS.toLocaleString('en')} notifications…`);
    const bluesky = await measureBlueskySync(bench, BLUESKY_NOTIFICATIONS, log);

    const open = stats(opens);
    const rows: Row[] = [
      {
        measure: `Ingest: items/s through the sync path (${preset.items.toLocaleString('en')} items)`,
        value: `${Math.round(ingest.itemsPerSecond).toLocaleString('en')}/s`,
        baseline: `raw IndexedDB put ${Math.round(raw.itemsPerSecond).toLocaleString('en')}/s`,
        ratio: `${(raw.itemsPerSecond / ingest.itemsPerSecond).toFixed(2)}× slower`,
        target: 'within 1.5×',
      },
      {
        measure: `Search index's cost at ingest: the same ingest into a store without the index (${preset.items.toLocaleString('en')} items)`,
        value: `${Math.round(ingest.itemsPerSecond).toLocaleString('en')}/s with it`,
        baseline: `${Math.round(noIndex.itemsPerSecond).toLocaleString('en')}/s without it (${(raw.itemsPerSecond / noIndex.itemsPerSecond).toFixed(2)}× raw)`,
        ratio: `+${(100 * (noIndex.itemsPerSecond / ingest.itemsPerSecond - 1)).toFixed(0)}% time`,
        target: 'counted inside the ingest ratio',
      },
      {
        measure: `Cold open to the session view (${preset.items.toLocaleString('en')} stored, settled ${(settled.ms / 1000).toFixed(0)} s after the write; ${preset.deliveryItems.toLocaleString('en')}-item delivery open), median / p95`,
        value: `${ms(open.median)} / ${ms(open.p95)}`,
        baseline: `empty store ${ms(openEmpty.median)}`,
        ratio: `${(open.median / openEmpty.median).toFixed(2)}×`,
        target: 'at most 1.3×',
      },
      {
        measure:
          "Cold open, empty store (no accounts): the app's first view vs a static page of one line of text, median / p95",
        value: `${ms(openEmpty.median)} / ${ms(openEmpty.p95)}`,
        baseline: `reference page ${ms(openReference.median)}`,
        ratio: `${(openEmpty.median / openReference.median).toFixed(2)}×`,
        target: '—',
      },
      {
        measure: `Triage: \`e\` to next conversation painted, p50 / p95 (${sessionSize.toLocaleString('en')} conversations)`,
        value: `${ms(triage.median)} / ${ms(triage.p95)}`,
        baseline: `key to next paint, no work: p95 ${ms(floor.p95)}`,
        ratio: `${(triage.p95 / floor.p95).toFixed(2)}×`,
        target: 'at most 1.25×',
      },
      {
        measure: `Composer: keystroke to paint, p50 / p95 (${composer.n} keys at a typist's pace, ${composerRun.autosaves}+ draft autosaves meanwhile)`,
        value: `${ms(composer.median)} / ${ms(composer.p95)}`,
        baseline: `Shift between the keys, to next paint, no work: p95 ${ms(composerFloor.p95)} (${composerFloor.n} presses)`,
        ratio: `${(composer.p95 / composerFloor.p95).toFixed(2)}×`,
        target: 'at most 1.1×',
      },
      {
        measure: `Memory: JS heap with the ${preset.deliveryItems.toLocaleString('en')}-item delivery open`,
        value: `${(heapBytes / 2 ** 20).toFixed(1)} MB`,
        baseline: '—',
        ratio: '—',
        target: 'under 150 MB',
      },
      {
        measure: `Cold open behind a long history (${longPreset.items.toLocaleString('en')} stored, seeded in ${longSeed.seconds.toFixed(0)} s, settled ${(longSettled.ms / 1000).toFixed(0)} s; ${longPreset.deliveryItems.toLocaleString('en')}-item delivery open), median / p95`,
        value: `${ms(long.open.median)} / ${ms(long.open.p95)}`,
        baseline: `empty store ${ms(openEmpty.median)}`,
        ratio: `${(long.open.median / openEmpty.median).toFixed(2)}×`,
        target: 'at most 1.3×',
      },
      {
        measure: `Triage behind a long history (${longPreset.items.toLocaleString('en')} stored), p50 / p95 (${long.sessionSize.toLocaleString('en')} conversations)`,
        value: `${ms(long.triage.median)} / ${ms(long.triage.p95)}`,
        baseline: `key to next paint, no work: p95 ${ms(long.floor.p95)}`,
        ratio: `${(long.triage.p95 / long.floor.p95).toFixed(2)}×`,
        target: 'at most 1.25×',
      },
      {
        measure: `Memory: JS heap with the delivery open behind a long history (${longPreset.items.toLocaleString('en')} stored)`,
        value: `${(long.heapBytes / 2 ** 20).toFixed(1)} MB`,
        baseline: '—',
        ratio: '—',
        target: 'under 150 MB',
      },
      {
        measure: `Search: query to results, p50 / p95 (${preset.items.toLocaleString('en')} stored; ${search.queries} queries: common and rare words, two words, Japanese, Chinese, accented, prefixes; posts, people and drafts)`,
        value: `${ms(search.p50Ms)} / ${ms(search.p95Ms)}`,
        baseline: `opening search (reading everyone once) ${ms(search.openMs)}`,
        ratio: '—',
        target: 'p95 at most 30 ms',
      },
      {
        measure: `Search behind a long history (${longPreset.items.toLocaleString('en')} stored), p50 / p95`,
        value: `${ms(longSearch.p50Ms)} / ${ms(longSearch.p95Ms)}`,
        baseline: `p95 with ${preset.items.toLocaleString('en')} stored ${ms(search.p95Ms)}`,
        ratio: `${(longSearch.p95Ms / search.p95Ms).toFixed(2)}× for ${(longPreset.items / preset.items).toFixed(0)}× the store`,
        target: 'grows much slower than the store',
      },
      {
        measure: `Mastodon sync: ${mastodon.notifications.toLocaleString('en')} notifications from the contract server through the gateway (${mastodon.items.toLocaleString('en')} activity items)`,
        value: `${Math.round(mastodon.itemsPerSecond).toLocaleString('en')} items/s; ${mastodon.requests} requests`,
        baseline: `Mastodon's budget: ${mastodon.budget.limit} requests / ${mastodon.budget.periodSeconds / 60} min`,
        ratio: `${((100 * mastodon.requests) / mastodon.budget.limit).toFixed(0)}% of one budget`,
        target: 'under 100%',
      },
      {
        measure: 'Calm: interruptions per simulated day (default schedule, 200 incoming items)',
        value: String(calm.interruptions),
        baseline: `${calm.deliveries} deliveries`,
        ratio: (calm.interruptions / Math.max(1, calm.deliveries)).toFixed(2),
        target: '= number of deliveries',
      },
    ];
    rows.push({
      measure: `Bluesky sync: ${bluesky.notifications.toLocaleString('en')} notifications from the local Bluesky network (dev-env) through the gateway, one sync (${bluesky.pages} batches)`,
      value: `${Math.round(bluesky.itemsPerSecond).toLocaleString('en')} items/s (${bluesky.items.toLocaleString('en')} items in ${bluesky.seconds.toFixed(1)} s)`,
      baseline: `the sync path alone ${Math.round(ingest.itemsPerSecond).toLocaleString('en')}/s`,
      ratio: `${(ingest.itemsPerSecond / bluesky.itemsPerSecond).toFixed(2)}× slower`,
      target: '— (the network sets the pace)',
    });
    const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}, Chromium (Debian)`;
    const results = {
      when: new Date().toISOString(),
      preset: preset.name,
      machine,
      seconds: (Date.now() - started) / 1000,
      ingest,
      rawPut: raw,
      ingestWithoutSearchIndex: noIndex,
      settled,
      coldOpen: {
        full: open,
        empty: openEmpty,
        reference: openReference,
        runs: opens,
        emptyRuns: emptyOpens,
        referenceRuns: referenceOpens,
      },
      triage: { e: triage, floor, sessionSize },
      composer: { typed: composer, floor: composerFloor, autosaves: composerRun.autosaves },
      heapBytes,
      longHistory: {
        preset: longPreset,
        seedSeconds: longSeed.seconds,
        settled: longSettled,
        ...long,
      },
      search,
      longSearch,
      calm,
      mastodon,
      bluesky,
      rows,
    };
    const dir = join(__dirname, '../../bench/results');
    await mkdir(dir, { recursive: true });
    await writeFile(
      join(dir, quick ? 'latest-quick.json' : 'latest.json'),
      `${JSON.stringify(results, null, 2)}\n`,
    );
    const table = [
      '| Measure | Value | Baseline (same run) | Ratio | Target |',
      '| --- | --- | --- | --- | --- |',
      ...rows.map(
        (r) => `| ${r.measure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`,
      ),
      '',
      `Preset \`${preset.name}\`, measured ${results.when} on ${machine}, in ${results.seconds.toFixed(0)} s.`,
    ].join('\n');
    await writeFile(join(dir, quick ? 'latest-quick.md' : 'latest.md'), `${table}\n`);
    console.log(table);
  } finally {
    await bench.close();
  }
}

interface SessionFigures {
  readonly open: ReturnType<typeof stats>;
  readonly opens: number[];
  readonly heapBytes: number;
  readonly triage: ReturnType<typeof stats>;
  readonly floor: ReturnType<typeof stats>;
  readonly sessionSize: number;
}

/** Cold opens, the heap with the session open, and triage keystrokes against their floor. */
async function measureSession(page: Page, origin: string): Promise<SessionFigures> {
  await coldOpen(page, origin); // warm-up
  const opens: number[] = [];
  for (let i = 0; i < OPEN_RUNS; i++) opens.push(await coldOpen(page, origin));
  const list = page.getByRole('listbox', { name: 'Conversations' });
  await list.getByRole('option').first().waitFor();
  await page.evaluate(() => (window as unknown as { gc?: () => void }).gc?.());
  const heapBytes = await page.evaluate(
    () =>
      (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ??
      NaN,
  );
  await installKeyTimer(page);
  await pressMeasured(page, 'e', 5); // warm-up
  await pressMeasured(page, 'q', TRIAGE_PRESSES);
  await pressMeasured(page, 'e', TRIAGE_PRESSES);
  const sessionSize = Number(await list.getByRole('option').first().getAttribute('aria-setsize'));
  return {
    open: stats(opens),
    opens,
    heapBytes,
    triage: stats((await keyTimes(page, 'e')).slice(5)),
    floor: stats(await keyTimes(page, 'q')),
    sessionSize,
  };
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
