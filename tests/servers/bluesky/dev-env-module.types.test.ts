/**
 * The harness's hand-written types of dev-env and @atproto/api (dev-env-module.ts) must be true of
 * the installed packages: TypeScript checks the packages' own declarations against them.
 */
import { join } from 'node:path';
import ts from 'typescript';
import { beforeAll, describe, expect, it } from 'vitest';
import { devEnvUnavailable, networkPackageDir } from './dev-env-module';

const unavailable = devEnvUnavailable();
// .ci/run installs the network, so on CI a missing piece fails these tests instead of skipping them.
const skipped = unavailable !== null && process.env['CI'] !== 'true';
if (skipped) console.warn(`Bluesky harness type checks SKIPPED: ${unavailable}`);

/**
 * Compiles each source as a file of tests/servers/bluesky (one program for all) and returns
 * TypeScript's complaints about each.
 */
function complaints(sources: Readonly<Record<string, string>>): Record<string, string[]> {
  const files = new Map(
    Object.entries(sources).map(([name, source]) => [
      join(networkPackageDir, `${name}.virtual.ts`),
      source,
    ]),
  );
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2023,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    strict: true,
    noUncheckedIndexedAccess: true,
    esModuleInterop: true,
    skipLibCheck: true,
    noEmit: true,
    types: ['node'],
    typeRoots: [join(networkPackageDir, '../../../node_modules/@types')],
  };
  const host = ts.createCompilerHost(options);
  const disk = {
    getSourceFile: host.getSourceFile.bind(host),
    fileExists: host.fileExists.bind(host),
    readFile: host.readFile.bind(host),
  };
  host.getSourceFile = (name, language, ...rest) => {
    const source = files.get(name);
    return source === undefined
      ? disk.getSourceFile(name, language, ...rest)
      : ts.createSourceFile(name, source, language);
  };
  host.fileExists = (name) => files.has(name) || disk.fileExists(name);
  host.readFile = (name) => files.get(name) ?? disk.readFile(name);
  const program = ts.createProgram([...files.keys()], options, host);
  return Object.fromEntries(
    Object.keys(sources).map((name) => [
      name,
      ts
        .getPreEmitDiagnostics(
          program,
          program.getSourceFile(join(networkPackageDir, `${name}.virtual.ts`)),
        )
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n')),
    ]),
  );
}

const IMPORTS = `
import type * as DevEnv from '@atproto/dev-env';
import type * as Api from '@atproto/api';
import type { AtprotoApiModule, DevEnvModule } from './dev-env-module';
declare const devEnv: typeof DevEnv;
declare const api: typeof Api;
`;

describe.skipIf(skipped)('the harness types of dev-env and @atproto/api', () => {
  let found: Record<string, string[]>;
  beforeAll(() => {
    found = complaints({
      right: `${IMPORTS}
        export const checkedDevEnv: DevEnvModule = devEnv;
        export const checkedApi: AtprotoApiModule = api;
      `,
      wrong: `${IMPORTS}
        type Wrong = { readonly TestNetwork: { create(): Promise<{ readonly pds: { readonly url: number } }> } };
        export const wrong: Wrong = devEnv;
      `,
    });
  }, 120_000);

  it('are what the installed packages declare', () => {
    expect(found['right']).toEqual([]);
  });

  it('would be caught if they said something the packages do not', () => {
    expect(found['wrong']?.join('\n')).toMatch(/not assignable/);
  });
});
