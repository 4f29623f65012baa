import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { benchPage, buildBenchPage, openBenchBrowser, seed } from './browser';
import { summarizeProfile, type CpuProfile } from './cpu-profile-summary';
import { PRESETS } from './dataset';

// `node --import tsx tests/bench/profile-ingest.ts` (after `npx electron-vite build`): a CPU
// profile of the bench's ingest (the quick preset's pages through the sync path: parse, then
// `ingestPage`), summed by source function per page of 1,000 items. A tool for finding what
// ingest costs; it measures nothing the bench reports. Writes test-results/ingest.cpuprofile.

async function main(): Promise<void> {
  const preset = PRESETS.quick;
  await buildBenchPage({ sourcemap: true });
  const now = Date.now();
  const bench = await openBenchBrowser(now);
  try {
    const page = await benchPage(bench);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
    await cdp.send('Profiler.start');
    const result = await seed(page, preset.name, now);
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    console.log(
      `ingest: ${Math.round(result.itemsPerSecond)} items/s, page p50 ${result.batchP50Ms.toFixed(0)} ms`,
    );
    await writeFile(
      join(__dirname, '../../test-results/ingest.cpuprofile'),
      JSON.stringify(profile),
    );
    console.log(await summarizeProfile(profile, { per: preset.items / 1000, unit: 'ms/page' }));
  } finally {
    await bench.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
