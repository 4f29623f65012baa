import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startHost } from '../host/host-server';
import { chromiumLaunchOptions } from '../support/chromium';
import { buildBenchPage, coldOpen, seed } from './browser';
import { measureComposer } from './composer';
import { stats } from './interaction';

// `node --import tsx tests/bench/composer-ab.ts <renderer build A> <renderer build B> [rounds]`:
// the bench's composer figure for two renderer builds (copies of out/renderer), taking turns in
// one browser, so both see the same busy machine. Each build gets its own host and page (its own
// origin and store, seeded alike). A tool for comparing a change; it measures nothing the bench
// reports.

const root = resolve(__dirname, '../..');
const KEYS = 60;

interface Side {
  readonly name: string;
  readonly page: Page;
  readonly origin: string;
  readonly typed: number[];
  readonly floor: number[];
  readonly close: () => Promise<void>;
}

async function main(): Promise<void> {
  const [dirA, dirB, roundsArg] = process.argv.slice(2);
  if (dirA === undefined || dirB === undefined) throw new Error('usage: composer-ab.ts <A> <B>');
  const rounds = Number(roundsArg ?? '4');
  await buildBenchPage();
  const now = Date.now();
  const options = chromiumLaunchOptions();
  const browser = await chromium.launch(options);
  const sides: Side[] = [];
  try {
    for (const [name, dir] of [
      ['A', dirA],
      ['B', dirB],
    ] as const) {
      const host = await startHost({
        rendererDir: resolve(dir),
        benchDir: join(root, 'out/bench'),
        port: 0,
        manualClockStart: now,
      });
      const context = await browser.newContext({
        viewport: { width: 1280, height: 800 },
        timezoneId: 'UTC',
      });
      const page = await context.newPage();
      await page.goto(`${host.origin}/bench/`);
      await page.waitForFunction(() => 'slowpostBench' in window);
      await seed(page, 'quick', now);
      sides.push({
        name,
        page,
        origin: host.origin,
        typed: [],
        floor: [],
        close: () => host.close(),
      });
    }
    await sides[0]?.page.waitForTimeout(5_000);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        await coldOpen(side.page, side.origin);
        await side.page
          .getByRole('listbox', { name: 'Conversations' })
          .getByRole('option')
          .first()
          .waitFor();
        // A conversation of its own each round (the draft stays short of the limit).
        for (let j = 0; j <= round; j++) await side.page.keyboard.press('j');
        const run = await measureComposer(side.page, KEYS, 5);
        side.typed.push(...run.typed);
        side.floor.push(...run.floor);
        const t = stats(run.typed);
        const f = stats(run.floor);
        console.log(
          `round ${round + 1} ${side.name}: typed p50 ${t.median.toFixed(1)} p95 ${t.p95.toFixed(1)} | floor p50 ${f.median.toFixed(1)} p95 ${f.p95.toFixed(1)} (${(t.p95 / f.p95).toFixed(2)}×)`,
        );
      }
    }
    for (const side of sides) {
      const sorted = [...side.typed].sort((a, b) => a - b);
      const at = (q: number) => (sorted[Math.floor(q * sorted.length)] ?? NaN).toFixed(1);
      console.log(
        `${side.name} typed by decile: ${[0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95].map(at).join(' ')}`,
      );
      const t = stats(side.typed);
      const f = stats(side.floor);
      console.log(
        `${side.name} all: typed p50 ${t.median.toFixed(1)} p95 ${t.p95.toFixed(1)} (n ${t.n}) | floor p50 ${f.median.toFixed(1)} p95 ${f.p95.toFixed(1)} (n ${f.n}) → ${(t.p95 / f.p95).toFixed(2)}×`,
      );
    }
  } finally {
    await browser.close();
    for (const side of sides) await side.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
