import type { Transaction } from 'dexie';

/**
 * One step of the schema ladder. A new version is a new numbered file added to `ladder.ts`, with
 * the tables' index specs and, when data must change shape, an `upgrade` that rewrites it.
 * Every version after the first comes with an upgrade test in `ladder.test.ts`.
 */
export interface SchemaVersion {
  readonly version: number;
  readonly stores: Readonly<Record<string, string | null>>;
  readonly upgrade?: (transaction: Transaction) => Promise<void>;
}
