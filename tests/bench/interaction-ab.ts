import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startHost } from '../host/host-server';
import { chromiumLaunchOptions } from '../support/chromium';
import { buildBenchPage, coldOpen, seed } from './browser';
import { measureComposer } from './composer';
import { installKeyTimer, keyTimes, pressMeasured, stats } from './interaction';

// `node --import tsx tests/bench/interaction-ab.ts <renderer build A> <renderer build B> [rounds]
// [--triage-only|--composer-only]`: the bench's triage and composer figures for two renderer
// builds (copies of out/renderer), taking turns in one browser, so both see the same busy machine.
// Each build gets its own host and page (its own origin and store, seeded alike with the quick
// preset). A tool for comparing a change; it measures nothing the bench reports.

const root = resolve(__dirname, '../..');
const PRESSES = 30;
const KEYS = 40;

interface Side {
  readonly name: string;
  readonly page: Page;
  readonly origin: string;
  readonly triage: number[];
  readonly triageFloor: number[];
  readonly typed: number[];
  readonly typedFloor: number[];
  readonly close: () => Promise<void>;
}

const fmt = (values: readonly number[], floor: readonly number[]): string => {
  const t = stats(values);
  const f = stats(floor);
  return `p50 ${t.median.toFixed(1)} p95 ${t.p95.toFixed(1)} (n ${t.n}) | floor p50 ${f.median.toFixed(1)} p95 ${f.p95.toFixed(1)} (n ${f.n}) → ${(t.p95 / f.p95).toFixed(2)}×`;
};

async function main(): Promise<void> {
  const args = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const [dirA, dirB, roundsArg] = args;
  if (dirA === undefined || dirB === undefined) throw new Error('usage: interaction-ab.ts <A> <B>');
  const rounds = Number(roundsArg ?? '4');
  const doTriage = !process.argv.includes('--composer-only');
  const doComposer = !process.argv.includes('--triage-only');
  await buildBenchPage();
  const now = Date.now();
  const browser = await chromium.launch(chromiumLaunchOptions());
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
        triage: [],
        triageFloor: [],
        typed: [],
        typedFloor: [],
        close: () => host.close(),
      });
    }
    await sides[0]?.page.waitForTimeout(5_000);
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? sides : [...sides].reverse();
      for (const side of order) {
        const { page } = side;
        await coldOpen(page, side.origin);
        await page
          .getByRole('listbox', { name: 'Conversations' })
          .getByRole('option')
          .first()
          .waitFor();
        await installKeyTimer(page);
        if (doTriage) {
          await pressMeasured(page, 'e', 5);
          await pressMeasured(page, 'q', PRESSES);
          await pressMeasured(page, 'e', PRESSES);
          const e = (await keyTimes(page, 'e')).slice(5);
          const q = await keyTimes(page, 'q');
          side.triage.push(...e);
          side.triageFloor.push(...q);
          console.log(`round ${round + 1} ${side.name} triage: ${fmt(e, q)}`);
        }
        if (doComposer) {
          await page.keyboard.press('j');
          const run = await measureComposer(page, KEYS, 5);
          side.typed.push(...run.typed);
          side.typedFloor.push(...run.floor);
          console.log(`round ${round + 1} ${side.name} composer: ${fmt(run.typed, run.floor)}`);
        }
      }
    }
    for (const side of sides) {
      if (doTriage) console.log(`${side.name} all triage: ${fmt(side.triage, side.triageFloor)}`);
      if (doComposer) console.log(`${side.name} all composer: ${fmt(side.typed, side.typedFloor)}`);
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
