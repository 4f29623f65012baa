import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { Page } from '@playwright/test';
import { startHost } from '../host/host-server';
import { chromiumLaunchOptions } from '../support/chromium';
import { buildBenchPage, coldOpen, seed } from './browser';
import { measureComposer } from './composer';
import { installKeyTimer, keyTimes, pressMeasured, stats } from './interaction';
import { traceTimeline } from './timeline-trace';

// `node --import tsx tests/bench/interaction-ab.ts <renderer build A> <renderer build B> [rounds]
// [--triage-only|--composer-only]`: the bench's triage and composer figures for two renderer
// builds (copies of out/renderer), taking turns in one browser, so both see the same busy machine.
// Each build gets its own host and page (its own origin and store, seeded alike with the quick
// preset). A tool for comparing a change; it measures nothing the bench reports. With `--cost`,
// each round also traces the triage keys and sums the main thread's own CPU time (the trace's
// thread durations, which a busy machine does not inflate as it does wall time): the key's frame
// (from the keydown to the frame that shows it) and the work that follows until the next key.

const root = resolve(__dirname, '../..');
const PRESSES = 30;
const KEYS = 40;

interface TraceEvent {
  readonly name: string;
  readonly ph: string;
  readonly ts: number;
  readonly dur?: number;
  readonly tdur?: number;
  readonly tid: number;
  readonly args?: { readonly data?: { readonly type?: string } };
}

interface KeyCost {
  /** The keydown's handlers (the render they cause included). */
  readonly handler: number;
  /** From the keydown to the end of the first frame drawn after it: handler, style, layout, paint. */
  readonly frame: number;
  /** Everything after that frame until the next key. */
  readonly after: number;
  /** The longest single piece of that (what a next key could wait behind). */
  readonly longest: number;
  /** The frame's CPU time by kind of work (the trace's event names). */
  readonly parts: ReadonlyMap<string, number>;
}

const FRAME_END = new Set(['Layerize', 'Commit']);

function keyCosts(events: readonly TraceEvent[], key: string): KeyCost[] {
  const keys = events
    .filter((e) => e.name === 'EventDispatch' && e.ph === 'X' && e.args?.data?.type === 'keydown')
    .sort((a, b) => a.ts - b.ts);
  const tid = keys[0]?.tid;
  // Top-level pieces of the main thread: those not inside the one before.
  const top: TraceEvent[] = [];
  let end = 0;
  for (const e of events
    .filter((x) => x.tid === tid && x.ph === 'X' && x.dur !== undefined)
    .sort((a, b) => a.ts - b.ts)) {
    if (e.ts < end) continue;
    top.push(e);
    end = e.ts + (e.dur ?? 0);
  }
  void key;
  const costs: KeyCost[] = [];
  for (let k = 0; k < keys.length; k++) {
    const down = keys[k];
    if (down === undefined) continue;
    const next = keys[k + 1]?.ts ?? Infinity;
    const mine = top.filter((e) => e.ts >= down.ts && e.ts < next);
    const frameEnd = mine.findIndex((e) => FRAME_END.has(e.name));
    const cpu = (list: readonly TraceEvent[]) =>
      list.reduce((sum, e) => sum + (e.tdur ?? e.dur ?? 0), 0) / 1000;
    const frame = frameEnd === -1 ? mine : mine.slice(0, frameEnd + 1);
    const after = frameEnd === -1 ? [] : mine.slice(frameEnd + 1);
    const parts = new Map<string, number>();
    for (const e of frame) {
      parts.set(e.name, (parts.get(e.name) ?? 0) + (e.tdur ?? e.dur ?? 0) / 1000);
    }
    costs.push({
      parts,
      handler: (down.tdur ?? down.dur ?? 0) / 1000,
      frame: cpu(frame),
      after: cpu(after),
      longest: Math.max(0, ...after.map((e) => (e.tdur ?? e.dur ?? 0) / 1000)),
    });
  }
  return costs;
}

function fmtCosts(costs: readonly KeyCost[]): string {
  const part = (name: 'handler' | 'frame' | 'after' | 'longest') => {
    const s = stats(costs.map((c) => c[name]));
    return `${name} p50 ${s.median.toFixed(2)} p95 ${s.p95.toFixed(2)}`;
  };
  const parts = new Map<string, number>();
  for (const c of costs) {
    for (const [name, ms] of c.parts) parts.set(name, (parts.get(name) ?? 0) + ms / costs.length);
  }
  const frame = [...parts]
    .sort((a, b) => b[1] - a[1])
    .map(([name, ms]) => `${name} ${ms.toFixed(2)}`)
    .join(', ');
  return `${(['handler', 'frame', 'after', 'longest'] as const).map(part).join(' | ')} ms CPU (n ${costs.length}); frame, mean: ${frame}`;
}

interface Side {
  readonly name: string;
  readonly page: Page;
  readonly origin: string;
  readonly triage: number[];
  readonly triageFloor: number[];
  readonly typed: number[];
  readonly typedFloor: number[];
  readonly costs: KeyCost[];
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
        costs: [],
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
          if (process.argv.includes('--cost')) {
            const cdp = await page.context().newCDPSession(page);
            const events = await traceTimeline<TraceEvent>(cdp, () =>
              pressMeasured(page, 'e', PRESSES),
            );
            const costs = keyCosts(events, 'e');
            side.costs.push(...costs);
            console.log(`round ${round + 1} ${side.name} triage cost: ${fmtCosts(costs)}`);
            await cdp.detach();
          }
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
      if (side.costs.length > 0)
        console.log(`${side.name} all triage cost: ${fmtCosts(side.costs)}`);
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
