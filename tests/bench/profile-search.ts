import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { startHost } from '../host/host-server';
import { chromiumLaunchOptions } from '../support/chromium';
import { buildBenchPage, rawPut, seed, seedHistory } from './browser';
import { PRESETS } from './dataset';
import { measureSearch } from './search';

// `node --import tsx tests/bench/profile-search.ts [--seed] [--history] [--rounds=N] [--parts]`:
// where a search keystroke's time goes, on the 100k preset (`--history`: the long history's
// `large` preset). The store is kept in a browser profile under /tmp between runs
// (SLOWPOST_PROFILE_DIR: another one, e.g. to compare two index layouts), so a change to the
// query is measured again without seeding: `--seed` (re)writes it through the sync path, and
// then also prints the ingest ratio against raw puts. A tool; the bench reports the figures.

const root = join(__dirname, '../..');

async function main(): Promise<void> {
  const history = process.argv.includes('--history');
  const reseed = process.argv.includes('--seed');
  const rounds = Number(
    process.argv.find((a) => a.startsWith('--rounds='))?.slice('--rounds='.length) ?? 15,
  );
  const preset = PRESETS[history ? 'large' : 'full'];
  await buildBenchPage();
  const now = Date.UTC(2026, 10, 20, 12);
  const dir =
    process.env['SLOWPOST_PROFILE_DIR'] ??
    join('/tmp', `slowpost-search-profile-${preset.name}${history ? '-history' : ''}`);
  await mkdir(dir, { recursive: true });
  const host = await startHost({
    rendererDir: join(root, 'out/renderer'),
    benchDir: join(root, 'out/bench'),
    port: Number(process.env['SLOWPOST_PROFILE_PORT'] ?? 5441),
    manualClockStart: now,
  });
  const options = chromiumLaunchOptions();
  const context = await chromium.launchPersistentContext(dir, {
    ...options,
    viewport: { width: 1280, height: 800 },
    timezoneId: 'UTC',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(`${host.origin}/bench/`);
    await page.waitForFunction(() => 'slowpostBench' in window);
    if (reseed) {
      if (history) {
        const seeded = await seedHistory(page, preset.name, now);
        console.log(`seeded the history in ${seeded.seconds.toFixed(0)} s`);
      } else {
        const raw = await rawPut(page, preset.name, now);
        const ingest = await seed(page, preset.name, now);
        console.log(
          `ingest ${Math.round(ingest.itemsPerSecond)}/s vs raw ${Math.round(raw.itemsPerSecond)}/s: ${(raw.itemsPerSecond / ingest.itemsPerSecond).toFixed(2)}× slower (page p50 ${ingest.batchP50Ms.toFixed(0)} ms vs raw ${raw.batchP50Ms.toFixed(0)} ms)`,
        );
      }
      await page.waitForTimeout(10_000);
    }
    const figures = await measureSearch(page, rounds);
    console.log(
      `search: p50 ${figures.p50Ms.toFixed(1)} ms / p95 ${figures.p95Ms.toFixed(1)} ms; opening ${figures.openMs.toFixed(1)} ms`,
    );
    console.log(
      `  slowest (the p95 and above): ${figures.slowest.map((s) => `${s.query.trim()} ${s.ms.toFixed(1)}`).join(', ')}`,
    );
    for (const [q, f] of Object.entries(figures.perQuery))
      console.log(
        `  ${JSON.stringify(q).padEnd(22)} median ${f.medianMs.toFixed(1)} ms, ${f.conversations} conversations`,
      );
    if (process.argv.includes('--parts')) {
      const parts = await page.evaluate(
        (r) => window.slowpostSearchProfile.searchProfile(r),
        rounds,
      );
      for (const [k, v] of Object.entries(parts))
        console.log(`  ${k.padEnd(48)} ${typeof v === 'number' ? v.toFixed(2) : v}`);
    }
  } finally {
    await context.close();
    await host.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
