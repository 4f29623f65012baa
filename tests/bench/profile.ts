import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';
import { benchPage, buildBenchPage, coldOpen, openBenchBrowser, seed } from './browser';
import { measureComposer } from './composer';
import { traceTimeline } from './timeline-trace';
import { summarizeProfile, type CpuProfile } from './cpu-profile-summary';
import { installKeyTimer, keyTimes, pressMeasured, stats } from './interaction';

// `node --import tsx tests/bench/profile.ts` (after `npx electron-vite build`): a CPU profile and a
// trace of triage keystrokes and of composer keystrokes on the quick dataset, summed by the
// renderer's own source functions (through its source map) and by the browser's rendering steps.
// A tool for finding what a keystroke costs; it measures nothing the bench reports.

const PRESSES = 40;
/** Where the raw profiles and traces are written (for `--summarize` or DevTools). */
// Kept for a closer look (e.g. in DevTools): SLOWPOST_PROFILE_DIR, or the system's tmp.
const OUT_DIR = process.env.SLOWPOST_PROFILE_DIR ?? join(tmpdir(), 'slowpost-profile');

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  cat: string;
  ts?: number;
  tid?: number;
  args?: unknown;
}

/** Self and total time by original source function, per keystroke. */
function summarize(profile: CpuProfile): Promise<string> {
  return summarizeProfile(profile, { per: PRESSES, unit: 'ms/key' });
}

function summarizeTrace(events: TraceEvent[]): string {
  const sums = new Map<string, { ms: number; n: number }>();
  for (const e of events) {
    if (e.ph !== 'X' || e.dur === undefined) continue;
    const s = sums.get(e.name) ?? { ms: 0, n: 0 };
    s.ms += e.dur / 1000;
    s.n += 1;
    sums.set(e.name, s);
  }
  const wanted = [
    'UpdateLayoutTree',
    'Layout',
    'Paint',
    'PrePaint',
    'Layerize',
    'Commit',
    'EventDispatch',
    'FunctionCall',
    'RunMicrotasks',
    'v8.run',
    'TimerFire',
    'HitTest',
    'ParseHTML',
    'Decode Image',
    'ImageDecodeTask',
    'RasterTask',
    'ProfileCall',
    'FireAnimationFrame',
    'ScheduleStyleRecalculation',
    'InvalidateLayout',
    'RecalculateStyles',
    'UpdateLayer',
    'IntersectionObserverController::computeIntersections',
  ];
  return [...sums]
    .filter(([name]) => wanted.includes(name))
    .sort((a, b) => b[1].ms - a[1].ms)
    .map(
      ([name, s]) =>
        `  ${(s.ms / PRESSES).toFixed(2).padStart(7)} ms/key  ${String(s.n).padStart(5)}×  ${name}`,
    )
    .join('\n');
}

/** The same keystrokes twice: once under the CPU profiler, once traced (not both at once). */
async function traced(
  page: Page,
  cdp: CDPSession,
  run: () => Promise<void>,
): Promise<{ profile: CpuProfile; trace: TraceEvent[] }> {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await run();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  const events = await traceTimeline<TraceEvent>(cdp, run);
  void page;
  return { profile, trace: events };
}

// Where a keystroke's time goes, measured in the page: waiting to be handled, the handlers and
// the render they cause (to the frame's animation callbacks), and drawing the frame.
const PHASES = `(() => {
  window.__phases = [];
  const selected = () =>
    document.querySelector('[role="listbox"][aria-label="Conversations"] [aria-selected="true"]')?.id ?? null;
  window.addEventListener('keydown', (event) => {
    // Typing is measured on its own (composerPart): watching its keys every frame would be a
    // second loop of work in every composer frame (as interaction.ts's timer says).
    const target = event.target;
    if (target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA'].includes(target.tagName))) return;
    const t0 = event.timeStamp;
    const start = performance.now() - t0;
    const before = selected();
    let frames = 0;
    const check = (rafAt) => {
      frames += 1;
      const inRaf = performance.now();
      if (event.key === 'q' || selected() !== before) {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => window.__phases.push({ key: event.key, start,
          toFrame: inRaf - t0, frames, draw: performance.now() - inRaf, total: performance.now() - t0 });
        channel.port2.postMessage(0);
      } else if (performance.now() - t0 < 1000) requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  }, { capture: true });
})()`;

async function phases(page: Page, key: string): Promise<string> {
  const all = await page.evaluate(
    () => (window as unknown as { __phases: Record<string, number | string>[] }).__phases,
  );
  const mine = all.filter((p) => p.key === key);
  const pick = (name: string) => stats(mine.map((p) => Number(p[name])));
  const f = (name: string) => {
    const st = pick(name);
    return `${name} p50 ${st.median.toFixed(1)} p95 ${st.p95.toFixed(1)}`;
  };
  return `  ${key}: ${['start', 'toFrame', 'frames', 'draw', 'total'].map(f).join(' | ')}`;
}

/** Composer keystrokes, typed as the bench types them, once profiled and once traced. */
async function composerPart(page: Page, cdp: CDPSession, out: string[]): Promise<void> {
  let composerTimes = { typed: [] as number[], floor: [] as number[] };
  const composerRun = await traced(page, cdp, async () => {
    composerTimes = await measureComposer(page, PRESSES, 5);
  });
  const c = stats(composerTimes.typed);
  const cf = stats(composerTimes.floor);
  out.push(
    `== composer p95 ${c.p95.toFixed(1)} vs floor ${cf.p95.toFixed(1)} (${(c.p95 / cf.p95).toFixed(2)}×), median ${c.median.toFixed(1)} vs ${cf.median.toFixed(1)}`,
    '== composer trace',
    summarizeTrace(composerRun.trace),
    '== composer cpu',
    await summarize(composerRun.profile),
  );
  await writeFile(join(OUT_DIR, 'composer.cpuprofile'), JSON.stringify(composerRun.profile));
  await writeFile(join(OUT_DIR, 'composer-trace.json'), JSON.stringify(composerRun.trace));
}

async function main(): Promise<void> {
  const saved = process.argv.indexOf('--summarize');
  if (saved !== -1) {
    const file = process.argv[saved + 1] ?? '';
    console.log(await summarize(JSON.parse(await readFile(file, 'utf8')) as CpuProfile));
    return;
  }
  await buildBenchPage();
  const now = Date.now();
  const bench = await openBenchBrowser(now);
  try {
    const page = await benchPage(bench);
    await seed(page, 'quick', now);
    await page.waitForTimeout(5_000);
    await coldOpen(page, bench.host.origin);
    await coldOpen(page, bench.host.origin);
    await page
      .getByRole('listbox', { name: 'Conversations' })
      .getByRole('option')
      .first()
      .waitFor();
    await installKeyTimer(page);
    await pressMeasured(page, 'e', 5);
    await mkdir(OUT_DIR, { recursive: true });
    if (process.argv.includes('--composer-only')) {
      const out: string[] = [];
      await composerPart(page, await page.context().newCDPSession(page), out);
      console.log(out.join('\n'));
      return;
    }
    console.log(
      '== replaceState',
      await page.evaluate(`(() => {
        const base = location.pathname + location.search;
        const hash = location.hash;
        const time = (f) => {
          const t0 = performance.now();
          for (let i = 0; i < 30; i++) f(i);
          return ((performance.now() - t0) / 30).toFixed(2);
        };
        const r = {
          replace: time((i) => history.replaceState(null, '', base + '#conversation=x' + i)),
          same: time(() => history.replaceState(null, '', base + '#conversation=same')),
          links: document.querySelectorAll('a[href]').length,
          nodes: document.getElementsByTagName('*').length,
        };
        history.replaceState(null, '', base + hash);
        return JSON.stringify(r);
      })()`),
    );
    // Unprofiled first: the figures as the bench would see them.
    await page.evaluate(PHASES);
    await pressMeasured(page, 'q', PRESSES);
    await pressMeasured(page, 'e', PRESSES);
    console.log(`== phases\n${await phases(page, 'q')}\n${await phases(page, 'e')}`);
    const e = stats((await keyTimes(page, 'e')).slice(5));
    const q = stats(await keyTimes(page, 'q'));
    const cdp = await page.context().newCDPSession(page);
    const out: string[] = [];
    const floorRun = await traced(page, cdp, () => pressMeasured(page, 'q', PRESSES));
    out.push('== floor (q) trace', summarizeTrace(floorRun.trace));
    const triageRun = await traced(page, cdp, () => pressMeasured(page, 'e', PRESSES));
    out.push(
      `== triage e p95 ${e.p95.toFixed(1)} ms vs floor ${q.p95.toFixed(1)} (${(e.p95 / q.p95).toFixed(2)}×), median ${e.median.toFixed(1)}`,
      '== triage trace',
      summarizeTrace(triageRun.trace),
      '== triage cpu',
      await summarize(triageRun.profile),
    );
    await writeFile(join(OUT_DIR, 'triage.cpuprofile'), JSON.stringify(triageRun.profile));
    await writeFile(join(OUT_DIR, 'triage-trace.json'), JSON.stringify(triageRun.trace));
    if (!process.argv.includes('--triage-only')) await composerPart(page, cdp, out);
    console.log(out.join('\n'));
  } finally {
    await bench.close();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
