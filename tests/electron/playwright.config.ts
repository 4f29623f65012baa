import { defineConfig } from '@playwright/test';

// The Electron smoke suite: the packaged-shape app in a real Electron. It runs wherever an Electron
// binary is installed and says plainly when it is skipped (see scripts/electron-binary.ts).
export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  workers: 1,
  reporter: [['list']],
  outputDir: '../../test-results/electron',
  globalSetup: './report-availability.ts',
});
