import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from '../support/chromium';

const port = Number(process.env['SLOWPOST_E2E_PORT'] ?? 5318);
const root = join(__dirname, '../..');

// End to end: the production renderer build (out/renderer, from `npm run build`) in real Chromium,
// served with the real main-process services by the loopback host. Real IndexedDB, real reloads.
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  outputDir: join(root, 'test-results/e2e'),
  // Generous: CI machines are small and busy, and axe-core alone can take many seconds there.
  // A test that hangs still fails; none asserts on speed.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: chromiumLaunchOptions(),
    viewport: { width: 1280, height: 800 },
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'node --import tsx tests/host/serve.ts',
    cwd: root,
    env: { SLOWPOST_HOST_PORT: String(port) },
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
