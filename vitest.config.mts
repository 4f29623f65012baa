import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { alias: { '@shared': resolve(import.meta.dirname, 'shared') } },
  test: {
    include: [
      'shared/**/*.test.ts',
      'electron/**/*.test.ts',
      'renderer/**/*.test.ts',
      'tests/integration/**/*.test.ts',
      'tests/servers/**/*.test.ts',
      'tests/lint/**/*.test.ts',
      'scripts/**/*.test.ts',
    ],
    environment: 'node',
    setupFiles: ['tests/setup/vitest.setup.ts'],
    restoreMocks: true,
    // A busy 2-core machine can run a test several times slower than an idle one; the heavy
    // tests (properties, random histories, whole simulated days) set budgets of their own.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // `npm run test:soak`: the outbox's property test at full length, printing what it found.
    provide: { outboxSoak: process.env['SLOWPOST_OUTBOX_SOAK'] === '1' },
  },
});
