import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The process boundaries are enforced by the repo's own eslint.config.mjs: each snippet below is
 * linted as if it lived at `filePath`, with the real config. Type information is switched off for
 * these snippets (they are not files of a tsconfig project, and no boundary rule needs types); every
 * other rule, the boundary rules included, comes from the config as it is.
 */
const repoRoot = join(import.meta.dirname, '../..');
const BOUNDARY_RULES = new Set([
  '@typescript-eslint/no-restricted-imports',
  'no-restricted-imports',
  'no-restricted-globals',
  'no-restricted-syntax',
]);

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: repoRoot, overrideConfig: [tseslint.configs.disableTypeChecked] });
}, 120_000);

/** Boundary errors (and parse errors, which have no rule) for `code` placed at `filePath`. */
async function boundaryErrors(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repoRoot, filePath) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === null || BOUNDARY_RULES.has(m.ruleId))
    .map((m) => `${m.line} ${m.ruleId ?? 'parse'}: ${m.message}`);
}

interface Violation {
  readonly what: string;
  readonly filePath: string;
  readonly code: string;
  /** One entry per expected error: `<line> <rule>` and a pattern its message matches. */
  readonly expected: readonly (readonly [string, RegExp])[];
}

async function expectViolation({ filePath, code, expected }: Violation): Promise<void> {
  const errors = await boundaryErrors(filePath, code);
  expect(errors, errors.join('\n')).toHaveLength(expected.length);
  expected.forEach(([where, message], index) => {
    expect(errors[index]).toMatch(new RegExp(`^${where}: `));
    expect(errors[index]).toMatch(message);
  });
}

const RESTRICTED_IMPORT = '@typescript-eslint/no-restricted-imports';
const RAW_IPC = /No raw IPC/;

const violations: Violation[] = [
  // The renderer: a sandboxed page.
  {
    what: "renderer: import('electron')",
    filePath: 'renderer/src/lint-probe.ts',
    code: "export const electron = await import('electron');\n",
    expected: [['1 no-restricted-syntax', /sandboxed page: talk to main through bridge/]],
  },
  {
    what: "renderer: require('electron')",
    filePath: 'renderer/src/lint-probe.ts',
    code: "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const electron: unknown = require('electron');\n",
    expected: [['2 no-restricted-globals', /'require'.*Use an import/]],
  },
  {
    what: 'renderer: a static import of electron',
    filePath: 'renderer/src/features/lint-probe.tsx',
    code: "import { ipcRenderer } from 'electron';\nexport const raw = ipcRenderer;\n",
    expected: [[`1 ${RESTRICTED_IMPORT}`, /sandboxed page/]],
  },
  {
    what: "renderer: import('node:fs')",
    filePath: 'renderer/src/lint-probe.ts',
    code: "export const fs = await import('node:fs');\n",
    expected: [['1 no-restricted-syntax', /The renderer has no Node\.js/]],
  },
  {
    what: 'renderer: an import() lint cannot read',
    filePath: 'renderer/src/lint-probe.ts',
    code: "const name = 'electron';\nexport const electron = await import(name);\n",
    expected: [['2 no-restricted-syntax', /literal path/]],
  },
  {
    what: 'renderer: main-process code',
    filePath: 'renderer/src/lint-probe.ts',
    code: "export { registerIpc } from '../../electron/main/ipc/register-ipc';\n",
    expected: [[`1 ${RESTRICTED_IMPORT}`, /may not import main-process code/]],
  },
  {
    what: 'renderer: process',
    filePath: 'renderer/src/lint-probe.ts',
    code: 'export const env = process.env;\n',
    expected: [['1 no-restricted-globals', /'process'.*no Node\.js/]],
  },

  // The preload: sandboxed, no Node.js, its only IPC is the bridge's transport.
  {
    what: 'preload: node:fs',
    filePath: 'electron/preload/lint-probe.ts',
    code: "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    expected: [[`1 ${RESTRICTED_IMPORT}`, /'node:fs'.*preload is sandboxed/]],
  },
  {
    what: "preload: a bare builtin ('fs')",
    filePath: 'electron/preload/lint-probe.ts',
    code: "import fs from 'fs';\nexport const read = fs.readFileSync;\n",
    expected: [[`1 ${RESTRICTED_IMPORT}`, /'fs'.*preload is sandboxed/]],
  },
  {
    what: "preload: import('node:child_process')",
    filePath: 'electron/preload/index.ts',
    code: "export const cp = await import('node:child_process');\n",
    expected: [['1 no-restricted-syntax', /preload is sandboxed/]],
  },
  {
    what: 'preload: ipcRenderer outside the bridge file',
    filePath: 'electron/preload/lint-probe.ts',
    code: "import { ipcRenderer } from 'electron';\nexport const send = () => ipcRenderer.send('x');\n",
    expected: [[`1 ${RESTRICTED_IMPORT}`, RAW_IPC]],
  },
  {
    what: 'preload bridge: ipcRenderer.send',
    filePath: 'electron/preload/index.ts',
    code: "import { ipcRenderer } from 'electron';\nbuildApi({ invoke: (channel: string) => ipcRenderer.send(channel) });\n",
    expected: [
      [
        '2 no-restricted-syntax',
        /Only ipcRenderer\.invoke, ipcRenderer\.on, ipcRenderer\.removeListener/,
      ],
    ],
  },
  {
    what: 'preload bridge: ipcRenderer exposed to the page',
    filePath: 'electron/preload/index.ts',
    code: "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('raw', ipcRenderer);\n",
    expected: [['2 no-restricted-syntax', /ipcRenderer itself never leaves this file/]],
  },
  {
    what: 'preload bridge: ipcRenderer.invoke outside buildApi()',
    filePath: 'electron/preload/index.ts',
    code: "import { contextBridge, ipcRenderer } from 'electron';\ncontextBridge.exposeInMainWorld('invoke', (c: string) => ipcRenderer.invoke(c));\n",
    expected: [['2 no-restricted-syntax', /only in the transport handed to buildApi/]],
  },
  {
    what: 'preload bridge: ipcRenderer under another name',
    filePath: 'electron/preload/index.ts',
    code: "import { ipcRenderer as ipc } from 'electron';\nbuildApi({ invoke: (c: string) => ipc.send(c) });\n",
    expected: [['1 no-restricted-syntax', /Import ipcRenderer under its own name/]],
  },

  // shared/: pure TypeScript, no DOM, no I/O, no Node.js.
  ...(
    [
      ['fetch', "export const get = () => fetch('https://example.org/');\n", /does no I\/O/],
      [
        'globalThis.fetch',
        "export const get = () => globalThis.fetch('x');\n",
        /'globalThis'.*global object/,
      ],
      ['self.fetch', "export const get = () => self.fetch('x');\n", /'self'.*no DOM/],
      ['window.fetch', "export const get = () => window.fetch('x');\n", /'window'.*no DOM/],
      [
        'WebSocket',
        "export const open = () => new WebSocket('wss://x');\n",
        /'WebSocket'.*does no I\/O/,
      ],
      [
        'XMLHttpRequest',
        'export const xhr = () => new XMLHttpRequest();\n',
        /'XMLHttpRequest'.*does no I\/O/,
      ],
      [
        'EventSource',
        "export const sse = () => new EventSource('x');\n",
        /'EventSource'.*does no I\/O/,
      ],
      ['process', "export const debug = process.env['DEBUG'];\n", /'process'.*no Node\.js globals/],
      [
        'setImmediate',
        'export const soon = (f: () => void) => setImmediate(f);\n',
        /'setImmediate'.*no Node\.js/,
      ],
      ['Buffer', "export const bytes = Buffer.from('x');\n", /'Buffer'.*no Node\.js/],
      [
        'require',
        "// eslint-disable-next-line @typescript-eslint/no-require-imports\nexport const fs: unknown = require('fs');\n",
        /'require'.*Use an import/,
      ],
    ] as const
  ).map(([name, code, message]): Violation => ({
    what: `shared: ${name}`,
    filePath: 'shared/text/lint-probe.ts',
    code,
    expected: [[`${code.startsWith('//') ? 2 : 1} no-restricted-globals`, message]],
  })),
  {
    what: 'shared: dexie and node:*',
    filePath: 'shared/outbox/lint-probe.ts',
    code: "import Dexie from 'dexie';\nimport { join } from 'node:path';\nexport const both = [Dexie, join];\n",
    expected: [
      [`1 ${RESTRICTED_IMPORT}`, /'dexie'.*pure TypeScript/],
      [`2 ${RESTRICTED_IMPORT}`, /'node:path'.*runs on both sides/],
    ],
  },
  {
    what: 'shared tests: fetch (they may read process.env, but still do no I/O)',
    filePath: 'shared/outbox/lint-probe.test.ts',
    code: "export const soak = process.env['SLOWPOST_SOAK'];\nexport const get = () => fetch('x');\n",
    expected: [['2 no-restricted-globals', /'fetch'.*does no I\/O/]],
  },
  {
    what: "shared: import('electron')",
    filePath: 'shared/lint-probe.ts',
    code: "export const electron = await import('electron');\n",
    expected: [['1 no-restricted-syntax', /pure TypeScript/]],
  },

  // Main-process services: no Electron, and (like all of electron/) no renderer libraries.
  {
    what: 'main services: dexie and electron, both reported',
    filePath: 'electron/main/services/lint-probe.ts',
    code: "import Dexie from 'dexie';\nimport { app } from 'electron';\nexport const both = [Dexie, app];\n",
    expected: [
      [`1 ${RESTRICTED_IMPORT}`, /'dexie'.*renderer libraries/],
      [`2 ${RESTRICTED_IMPORT}`, /'electron'.*run without Electron/],
    ],
  },
  {
    what: 'main services: renderer code',
    filePath: 'electron/main/services/lint-probe.ts',
    code: "export { openDatabase } from '../../../renderer/src/db/database';\n",
    expected: [[`1 ${RESTRICTED_IMPORT}`, /Main may not import renderer code/]],
  },

  // Raw IPC in main: only register-ipc.ts, and only ipcMain.handle there.
  ...(['handle', 'on', 'handleOnce', 'once'] as const).map((method): Violation => ({
    what: `main glue: ipcMain.${method}`,
    filePath: 'electron/main/lint-probe.ts',
    code: `import { ipcMain } from 'electron';\nipcMain.${method}('x', () => undefined);\n`,
    expected: [
      [`1 ${RESTRICTED_IMPORT}`, /'ipcMain' import from 'electron' is restricted.*No raw IPC/],
    ],
  })),
  {
    what: 'main glue: ipcMain through a default import',
    filePath: 'electron/main/window/lint-probe.ts',
    code: "import electron from 'electron';\nelectron.ipcMain.on('x', () => undefined);\n",
    expected: [['2 no-restricted-syntax', RAW_IPC]],
  },
  {
    what: "main glue: a window's own webContents.ipc",
    filePath: 'electron/main/lint-probe.ts',
    code: "import type { BrowserWindow } from 'electron';\nexport const raw = (w: BrowserWindow) => w.webContents.ipc.handle('x', () => 1);\n",
    expected: [['2 no-restricted-syntax', RAW_IPC]],
  },
  {
    what: 'main glue: dexie',
    filePath: 'electron/main/lint-probe.ts',
    code: "import Dexie from 'dexie';\nexport const db = Dexie;\n",
    expected: [[`1 ${RESTRICTED_IMPORT}`, /renderer libraries/]],
  },
  ...(['on', 'handleOnce', 'once', 'removeHandler'] as const).map((method): Violation => ({
    what: `register-ipc: ipcMain.${method}`,
    filePath: 'electron/main/ipc/register-ipc.ts',
    code: `import { ipcMain } from 'electron';\nipcMain.${method}('x', () => undefined);\n`,
    expected: [['2 no-restricted-syntax', /Only ipcMain\.handle here/]],
  })),
  {
    what: 'register-ipc: ipcRenderer',
    filePath: 'electron/main/ipc/register-ipc.ts',
    code: "import { ipcRenderer } from 'electron';\nexport const raw = ipcRenderer;\n",
    expected: [[`1 ${RESTRICTED_IMPORT}`, RAW_IPC]],
  },

  // Everywhere: shared code by its alias, not by climbing to it.
  ...(
    [
      [
        'renderer/src/features/lint-probe.ts',
        "export { parseUnknown } from '../../../shared/validation/parse-unknown';\n",
      ],
      [
        'electron/main/services/lint-probe.ts',
        "import { parseUnknown } from '../../../shared/validation/parse-unknown';\nexport const p = parseUnknown;\n",
      ],
      [
        'tests/integration/lint-probe.test.ts',
        "export const lazy = () => import('../../shared/validation/parse-unknown');\n",
      ],
    ] as const
  ).map(([filePath, code]): Violation => ({
    what: `${filePath.split('/')[0] ?? ''}: a climb into shared/`,
    filePath,
    code,
    expected: [['1 no-restricted-syntax', /Import shared code as '@shared\/…'/]],
  })),

  // Everywhere else (tests, scripts): no raw IPC either.
  {
    what: 'tests: ipcMain',
    filePath: 'tests/electron/lint-probe.spec.ts',
    code: "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n",
    expected: [[`1 ${RESTRICTED_IMPORT}`, RAW_IPC]],
  },
];

/** What each layer may do: these produce no boundary error, so the checks can fail both ways. */
const allowed: readonly { what: string; filePath: string; code: string }[] = [
  {
    what: 'renderer: the bridge, Dexie, React, fetch and a lazy screen',
    filePath: 'renderer/src/lint-probe.tsx',
    code: [
      "import { useState } from 'react';",
      "import Dexie from 'dexie';",
      "import { parseUnknown } from '@shared/validation/parse-unknown';",
      "import { bridge } from './bridge/bridge';",
      'export const parts = [useState, Dexie, parseUnknown, bridge];',
      "export const ping = () => fetch('/__host/ping');",
      "export const lazy = () => import('./features/settings/SettingsDialog');",
      '',
    ].join('\n'),
  },
  {
    what: 'preload: the real bridge file',
    filePath: 'electron/preload/index.ts',
    code: readFileSync(join(repoRoot, 'electron/preload/index.ts'), 'utf8'),
  },
  {
    what: 'shared: zod, luxon, timers and crypto',
    filePath: 'shared/schedule/lint-probe.ts',
    code: [
      "import { DateTime } from 'luxon';",
      "import { z } from 'zod';",
      'export const at = (iso: string) => DateTime.fromISO(iso);',
      'export const id = z.string().default(() => crypto.randomUUID());',
      'export const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));',
      '',
    ].join('\n'),
  },
  {
    what: 'main services: node:*, zod and shared code',
    filePath: 'electron/main/services/lint-probe.ts',
    code: [
      "import { join } from 'node:path';",
      "import { z } from 'zod';",
      "import { parseUnknown } from '@shared/validation/parse-unknown';",
      'export const parts = [join, z, parseUnknown];',
      '',
    ].join('\n'),
  },
  {
    what: 'main glue: Electron, but no raw IPC',
    filePath: 'electron/main/lint-probe.ts',
    code: [
      "import { app, BrowserWindow, safeStorage, shell } from 'electron';",
      "import { join } from 'node:path';",
      'export const parts = [app, BrowserWindow, safeStorage, shell, join];',
      "export const emit = (w: BrowserWindow) => w.webContents.send('deliveries:due', {});",
      '',
    ].join('\n'),
  },
  {
    what: 'register-ipc: the real file',
    filePath: 'electron/main/ipc/register-ipc.ts',
    code: readFileSync(join(repoRoot, 'electron/main/ipc/register-ipc.ts'), 'utf8'),
  },
];

describe('lint enforces the process boundaries', { timeout: 120_000 }, () => {
  it.each(violations)('fails: $what', expectViolation);
  it.each(allowed)('allows: $what', async ({ filePath, code }) => {
    expect(await boundaryErrors(filePath, code)).toEqual([]);
  });
});
