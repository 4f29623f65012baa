/** Types for electron-fuses.mjs (plain JavaScript so `node scripts/check-packaging.mjs` runs it). */
export declare const REQUIRED_FUSES: Readonly<Record<string, { value: boolean; why: string }>>;

export declare function fuseProblems(config: {
  electronFuses?: Record<string, unknown> | null;
  asar?: unknown;
}): string[];
