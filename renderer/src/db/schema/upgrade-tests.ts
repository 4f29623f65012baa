import type { SlowpostDatabase } from '../database';

/**
 * One entry per schema version after the first: `seed` writes data as the previous version stored
 * it (the database is opened at `toVersion - 1`), `verify` checks it after the upgrade. The ladder
 * test fails when a version has none.
 */
export interface UpgradeTest {
  readonly toVersion: number;
  readonly seed: (db: SlowpostDatabase) => Promise<void>;
  readonly verify: (db: SlowpostDatabase) => Promise<void>;
}

export const UPGRADE_TESTS: readonly UpgradeTest[] = [];
