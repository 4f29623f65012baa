import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_FUSES, fuseProblems } from './electron-fuses.mjs';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const { getConfig } = require('app-builder-lib/out/util/config/config') as {
  getConfig: (
    root: string,
    file: string,
    extra: null,
  ) => Promise<{ electronFuses?: Record<string, unknown> | null; asar?: unknown }>;
};

const allFuses = (): Record<string, boolean> =>
  Object.fromEntries(Object.entries(REQUIRED_FUSES).map(([name, { value }]) => [name, value]));

describe('the packaged app has its Electron fuses flipped', () => {
  it("the repo's electron-builder.yml sets every required fuse the safe way", async () => {
    const config = await getConfig(root, join(root, 'electron-builder.yml'), null);
    expect(fuseProblems(config)).toEqual([]);
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
    });
  });

  it("every required fuse is one electron-builder's own schema knows", () => {
    const scheme = require('app-builder-lib/scheme.json') as {
      definitions: { FuseOptionsV1: { properties: Record<string, unknown> } };
    };
    const known = Object.keys(scheme.definitions.FuseOptionsV1.properties);
    expect(known).toEqual(expect.arrayContaining(Object.keys(REQUIRED_FUSES)));
  });

  it('a config without electronFuses fails, naming the fuses to set', () => {
    const [problem, ...rest] = fuseProblems({ asar: true });
    expect(rest).toEqual([]);
    expect(problem).toMatch(/^electronFuses is missing/);
    for (const name of Object.keys(REQUIRED_FUSES)) expect(problem).toContain(name);
  });

  it('a config missing one fuse fails, naming that fuse', () => {
    const { runAsNode: _dropped, ...rest } = allFuses();
    expect(fuseProblems({ asar: true, electronFuses: rest })).toEqual([
      'electronFuses.runAsNode is missing: it must be false (ELECTRON_RUN_AS_NODE would turn the app binary into a plain Node.js)',
    ]);
  });

  it('a fuse set the wrong way fails, naming the fuse, its value and the one it needs', () => {
    const problems = fuseProblems({
      asar: true,
      electronFuses: {
        ...allFuses(),
        enableNodeCliInspectArguments: true,
        enableCookieEncryption: false,
      },
    });
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(
      /^electronFuses\.enableNodeCliInspectArguments is true: it must be false/,
    );
    expect(problems[1]).toMatch(/^electronFuses\.enableCookieEncryption is false: it must be true/);
  });

  it('only-load-from-ASAR without an ASAR archive is refused (the app would not start)', () => {
    expect(fuseProblems({ asar: false, electronFuses: allFuses() })).toEqual([
      'asar is false, but onlyLoadAppFromAsar is on: the packaged app would not start',
    ]);
  });
});
