import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  benchPage,
  buildBenchPage,
  coldOpen,
  openBenchBrowser,
  seed,
  seedHistory,
} from './browser';
import { summarizeProfile, type CpuProfile } from './cpu-profile-summary';
import { PRESETS } from './dataset';

// `node --import tsx tests/bench/profile-open.ts [--full] [--history]`, after `npx electron-vite build`:
// seeds a preset, then profiles one cold open (CPU profile through the DevTools protocol) and
// prints where its time went: the app's `slowpost:*` marks and the functions that cost most.
// Writes the profile to test-results/cold-open.cpuprofile (open it in Chromium's DevTools).

async function main(): Promise<void> {
  const full = process.argv.includes('--full');
  // `--history`: the same delivery behind the long history (100,000 stored; 1,000,000 with --full).
  const history = process.argv.includes('--history');
  const preset = PRESETS[history ? (full ? 'year' : 'large') : full ? 'full' : 'quick'];
  await buildBenchPage();
  const now = Date.now();
  const bench = await openBenchBrowser(now);
  try {
    const page = await benchPage(bench);
    if (history) await seedHistory(page, preset.name, now);
    else await seed(page, preset.name, now);
    await page.waitForTimeout(10_000);
    for (let i = 0; i < 3; i++)
      console.log(`cold open: ${(await coldOpen(page, bench.host.origin)).toFixed(0)} ms`);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await page.goto('about:blank');
    await cdp.send('Profiler.start');
    const opened = await coldOpen(page, bench.host.origin);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as {
      profile: CpuProfile;
    };
    console.log(`profiled cold open: ${opened.toFixed(0)} ms`);
    const marks = await page.evaluate(() =>
      performance
        .getEntriesByType('mark')
        .concat(performance.getEntriesByType('measure'))
        .filter((e) => e.name.startsWith('slowpost'))
        .map(
          (e) =>
            `${e.startTime.toFixed(0).padStart(6)} ms ${e.name}${e.duration > 0 ? ` (${e.duration.toFixed(0)} ms)` : ''}`,
        ),
    );
    console.log(marks.join('\n'));
    // A string: tsx would name the arrow functions with a helper the page does not have.
    // The first screen's record, then the whole view's (read after the first paint).
    const records = await page.evaluate<
      {
        id: string;
        times: number[];
        bytes: number;
        parse: number;
        fields: string;
      }[]
    >(`(async () => {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open('slowpost');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(new Error('open failed'));
      });
      const get = (id) => new Promise((resolve) => {
        const request = db.transaction('sessionSnapshots').objectStore('sessionSnapshots').get(id);
        request.onsuccess = () => resolve(request.result);
      });
      const out = [];
      for (const id of ['first', 'view']) {
      const times = [];
      let value;
      for (let i = 0; i < 3; i++) {
        const t0 = performance.now();
        value = await get(id);
        times.push(performance.now() - t0);
      }
      const json = JSON.stringify(value);
      const fields = Object.entries(value ?? {}).map(([k, v]) => k + ' ' + (JSON.stringify(v).length / 1e6).toFixed(2) + ' MB').join(', ');
      const t1 = performance.now();
      JSON.parse(json);
      const parse = performance.now() - t1;
      out.push({ id, times, bytes: json.length, parse, fields });
      }
      db.close();
      return out;
    })()`);
    for (const raw of records)
      console.log(
        `record '${raw.id}': ${(raw.bytes / 1e6).toFixed(2)} MB as JSON (${raw.fields}); get ${raw.times.map((t) => t.toFixed(0)).join(', ')} ms; JSON.parse ${raw.parse.toFixed(0)} ms`,
      );
    await writeFile(
      join(__dirname, '../../test-results/cold-open.cpuprofile'),
      JSON.stringify(profile),
    );
    console.log(await summarizeProfile(profile, { per: 1, unit: 'ms' }));
  } finally {
    await bench.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
