import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from '@playwright/test';
import type { BrowserContext, Page } from '@playwright/test';
import { startHost } from '../host/host-server';
import type { RunningHost } from '../host/host-server';
import { codeSplitting } from '../../scripts/code-splitting';
import { chromiumLaunchOptions } from '../support/chromium';
import type { Preset } from './dataset';

const root = resolve(__dirname, '../..');

/**
 * Builds the bench page (the app's repositories and the dataset generator) and the reference page
 * (one line of text, no framework) into out/bench.
 */
/** `sourcemap`: for the profiling tools, which name the source functions. */
export async function buildBenchPage({ sourcemap = false } = {}): Promise<void> {
  const { build } = await import('vite');
  const page = join(root, 'tests/bench/page');
  await build({
    root: page,
    base: '/bench/',
    logLevel: 'warn',
    build: {
      outDir: join(root, 'out/bench'),
      emptyOutDir: true,
      sourcemap,
      rollupOptions: {
        input: { index: join(page, 'index.html'), reference: join(page, 'reference.html') },
        output: { codeSplitting },
      },
    },
  });
}

/** Where the loopback host serves the reference page (beside the bench page). */
export const REFERENCE_PAGE = '/bench/reference.html';

export interface BenchBrowser {
  readonly host: RunningHost;
  /** Closes every page's browser and removes its profile, then the host. */
  close(): Promise<void>;
  /** Internal: the pages' browsers, each with its own profile folder. */
  readonly profiles: { context: BrowserContext; dir: string }[];
}

export async function openBenchBrowser(now: number): Promise<BenchBrowser> {
  const host = await startHost({
    rendererDir: join(root, 'out/renderer'),
    benchDir: join(root, 'out/bench'),
    port: 0,
    manualClockStart: now,
  });
  const profiles: { context: BrowserContext; dir: string }[] = [];
  return {
    host,
    profiles,
    close: async () => {
      for (const { context, dir } of profiles.splice(0)) {
        await context.close();
        await rm(dir, { recursive: true, force: true });
      }
      await host.close();
    },
  };
}

/**
 * A page in a browser of its own with a fresh profile on disk (its own IndexedDB, stored as the
 * desktop app stores it: a browser context Playwright makes keeps IndexedDB in memory, which holds
 * at most about 1.6 GB — less than the long history with its search index). The page runs on real
 * time; main's services run on a manual clock stopped at the seed's "now", so no delivery comes in
 * the middle of a bench.
 */
export async function benchPage(bench: BenchBrowser): Promise<Page> {
  const dir = await mkdtemp(join(tmpdir(), 'slowpost-bench-'));
  const options = chromiumLaunchOptions();
  const context = await chromium.launchPersistentContext(dir, {
    ...options,
    args: [...(options.args ?? []), '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    viewport: { width: 1280, height: 800 },
    timezoneId: 'UTC',
  });
  bench.profiles.push({ context, dir });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(`${bench.host.origin}/bench/`);
  await page.waitForFunction(() => 'slowpostBench' in window);
  return page;
}

export type SeedResult = {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  batchP50Ms: number;
  batchP95Ms: number;
};

export async function seed(page: Page, preset: Preset['name'], now: number): Promise<SeedResult> {
  return page.evaluate(([p, n]) => window.slowpostBench.seed(p, n), [preset, now] as const);
}

export async function seedWithoutSearchIndex(
  page: Page,
  preset: Preset['name'],
  now: number,
): Promise<SeedResult> {
  return page.evaluate(([p, n]) => window.slowpostBench.seedWithoutSearchIndex(p, n), [
    preset,
    now,
  ] as const);
}

export async function seedHistory(
  page: Page,
  preset: Preset['name'],
  now: number,
): Promise<{ seconds: number }> {
  return page.evaluate(([p, n]) => window.slowpostBench.seedHistory(p, n), [preset, now] as const);
}

export async function rawPut(page: Page, preset: Preset['name'], now: number): Promise<SeedResult> {
  return page.evaluate(([p, n]) => window.slowpostBench.rawPut(p, n), [preset, now] as const);
}

export async function emptyStore(page: Page, now: number): Promise<void> {
  await page.evaluate((n) => window.slowpostBench.empty(n), now);
}

/**
 * Navigation start to the app's first real view, in ms (the app marks it); with `path`, to the
 * same mark on another page of the host (the reference page).
 */
export async function coldOpen(page: Page, origin: string, path = '/'): Promise<number> {
  await page.goto(`${origin}${path}`);
  await page.waitForFunction(
    () => performance.getEntriesByName('slowpost:first-view').length > 0,
    undefined,
    {
      timeout: 120_000,
    },
  );
  return page.evaluate(
    () => performance.getEntriesByName('slowpost:first-view')[0]?.startTime ?? NaN,
  );
}
