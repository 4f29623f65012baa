import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Process boundaries (ARCHITECTURE.md): each layer may use only what runs where it runs.
 *
 * A flat-config block that sets a rule replaces that rule's options from earlier blocks, so two
 * overlapping blocks for `no-restricted-imports` would not add up: the later one would silently win.
 * Instead every layer below is one block, the layers' files do not overlap, and each block lists the
 * union of everything its files may not use (built from the named parts here). Each block sets the
 * same four rules, and carries the repo-wide `no-restricted-syntax` entries too.
 */

/** Repo-wide `no-restricted-syntax` entries (every boundary block repeats them). */
const FOCUSED_TESTS = {
  selector:
    "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
  message: 'Focused tests hide the rest of the suite.',
};

/** A `no-restricted-syntax` regex may not contain a slash: spell it as \x2F. */
const selectorRegex = (regex) => `/${regex.replaceAll('/', '\\x2F')}/`;

/** Code outside shared/ reaches it by its alias (@shared/x), never by climbing (../../../shared/x). */
const CLIMBS_INTO_SHARED = selectorRegex('^(\\.\\./)+shared/');
const SHARED_BY_ALIAS = {
  selector: [
    'ImportDeclaration',
    'ExportNamedDeclaration',
    'ExportAllDeclaration',
    'ImportExpression',
  ]
    .map((node) => `${node}[source.value=${CLIMBS_INTO_SHARED}]`)
    .join(', '),
  message:
    "Import shared code as '@shared/…' (the alias every build and tool knows), not by climbing.",
};

/**
 * Modules a layer may not import, by specifier regex: as a static import, an `export … from`,
 * a TypeScript `import x = require()`, and a dynamic `import()`.
 */
function noModules(regex, message) {
  return {
    patterns: [{ regex, message, caseSensitive: true }],
    syntax: [{ selector: `ImportExpression[source.value=${selectorRegex(regex)}]`, message }],
  };
}

/** Global names a layer may not use (a global reference, not a local of the same name). */
function noGlobals(names, message) {
  return { globals: names.map((name) => ({ name, message })) };
}

const ELECTRON = '^electron(/.*)?$';
const NODE = `^(node:.*|(${builtinModules.join('|')})(/.*)?)$`;
const RENDERER_LIBRARIES =
  '^(react|react-dom|dexie|dexie-react-hooks|zustand|dompurify|@tanstack/react-virtual)(/.*)?$';
/** A relative import that climbs into another top-level folder, e.g. ../../electron/main/x. */
const pathInto = (folder) => `^\\.\\.?/(.*/)?${folder}(/|$)`;

/** ESM only, and only literal specifiers, so lint can see everything that crosses a boundary. */
const ESM_ONLY = {
  ...noGlobals(
    ['require', 'module', 'exports', '__dirname', '__filename'],
    'Use an import: lint checks what each layer imports, and require() escapes it.',
  ),
  syntax: [
    {
      selector: "ImportExpression:not([source.type='Literal'])",
      message: 'import() takes a literal path, so lint can check what crosses the boundary.',
    },
  ],
};

/** The renderer is a sandboxed web page: no Electron, no Node.js, no main-process code. */
const RENDERER = [
  noModules(
    ELECTRON,
    'The renderer runs in a sandboxed page: talk to main through bridge/bridge.ts.',
  ),
  noModules(NODE, 'The renderer has no Node.js: keep node:* in electron/main.'),
  noModules(pathInto('electron'), 'The renderer may not import main-process code.'),
  noGlobals(
    ['process', 'Buffer', 'global', 'setImmediate', 'clearImmediate'],
    'The renderer has no Node.js: keep Node globals in electron/main.',
  ),
  ESM_ONLY,
];

const DOM_GLOBALS = [
  'window',
  'self',
  'document',
  'navigator',
  'location',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'HTMLElement',
  'DOMParser',
  'Worker',
];
const IO_GLOBALS = ['fetch', 'WebSocket', 'XMLHttpRequest', 'EventSource'];
const NODE_GLOBALS = ['process', 'Buffer', 'global', 'setImmediate', 'clearImmediate'];

/** shared/ is pure TypeScript that runs on both sides: no platform, no DOM, no I/O. */
const SHARED_WITHOUT_NODE_GLOBALS = [
  noModules(ELECTRON, 'shared/ is pure TypeScript: no electron, react, dexie or DOM libraries.'),
  noModules(
    RENDERER_LIBRARIES,
    'shared/ is pure TypeScript: no electron, react, dexie or DOM libraries.',
  ),
  noModules(NODE, 'shared/ runs on both sides: no node:*.'),
  noModules(
    `${pathInto('renderer')}|${pathInto('electron')}|${pathInto('tests')}`,
    'shared/ may not depend on either process.',
  ),
  noGlobals(DOM_GLOBALS, 'shared/ has no DOM.'),
  noGlobals(IO_GLOBALS, 'shared/ does no I/O: the caller passes in what talks to the network.'),
  noGlobals(
    ['globalThis'],
    'shared/ does not reach into the global object (globalThis.fetch and the like): take what you need as a parameter.',
  ),
  ESM_ONLY,
];
const SHARED = [
  ...SHARED_WITHOUT_NODE_GLOBALS,
  noGlobals(NODE_GLOBALS, 'shared/ runs on both sides: no Node.js globals.'),
];

/** Everything under electron/: no renderer libraries, no renderer code. */
const ELECTRON_WIDE = [
  noModules(RENDERER_LIBRARIES, 'The main process does not use renderer libraries.'),
  noModules(pathInto('renderer'), 'Main may not import renderer code.'),
];

/** Services and the pure helpers run without Electron (tests, the loopback host use them as is). */
const WITHOUT_ELECTRON = [
  noModules(
    ELECTRON,
    'Services must run without Electron: pass the Electron part in from the glue.',
  ),
];

/** The sandboxed preload: Electron's renderer modules only, no Node.js. */
const PRELOAD = [
  noModules(NODE, 'The preload is sandboxed: no node:*, only what it needs from electron.'),
  ESM_ONLY,
];

/**
 * Raw IPC. Main answers every contract channel through one dispatcher, registered in
 * electron/main/ipc/register-ipc.ts; the preload's only IPC is the transport it hands to
 * buildApi() in electron/preload/index.ts.
 */
const RAW_IPC_MESSAGE =
  'No raw IPC: add the channel to shared/ipc/contract.ts and its handler to bridge-handlers.ts (only register-ipc.ts touches ipcMain, only the preload bridge touches ipcRenderer).';
const ipcImport = (name) => ({
  paths: [{ name: 'electron', importNames: [name], message: RAW_IPC_MESSAGE }],
});
const NO_IPC_MEMBERS = {
  // `electron.ipcMain` through a default import, and the per-window `webContents.ipc`.
  syntax: [
    {
      selector: 'MemberExpression[property.name=/^(ipcMain|ipcRenderer|ipc)$/]',
      message: RAW_IPC_MESSAGE,
    },
  ],
};
const NO_IPC_MAIN = [ipcImport('ipcMain'), NO_IPC_MEMBERS];
const NO_IPC_RENDERER = [ipcImport('ipcRenderer')];
/** Where an IPC object may be imported: only under its own name, only these methods. */
function onlyIpc(name, methods, where) {
  return {
    syntax: [
      {
        selector: `ImportSpecifier[imported.name='${name}'][local.name!='${name}']`,
        message: `Import ${name} under its own name, so lint can follow it.`,
      },
      {
        selector: `Identifier[name='${name}']:not(MemberExpression > Identifier.object, ImportSpecifier > Identifier)`,
        message: `${name} itself never leaves this file: call its methods here.`,
      },
      {
        selector: `MemberExpression[object.name='${name}'][property.name!=/^(${methods.join('|')})$/]`,
        message: `Only ${methods.map((m) => `${name}.${m}`).join(', ')} here. ${RAW_IPC_MESSAGE}`,
      },
      ...(where === undefined
        ? []
        : [
            {
              selector: `MemberExpression[object.name='${name}']:not(${where.selector} *)`,
              message: `${name} is used only ${where.description}.`,
            },
          ]),
    ],
  };
}

const PURE_MAIN = [
  'electron/main/services/**/*.ts',
  'electron/main/ipc/bridge-*.ts',
  'electron/main/security/trusted-url.ts',
  'electron/main/security/content-security-policy.ts',
  'electron/main/window/window-state.ts',
];
const REGISTER_IPC = 'electron/main/ipc/register-ipc.ts';
const PRELOAD_BRIDGE = 'electron/preload/index.ts';

/** One block per layer; `files` never overlap, so each file gets exactly its layer's union. */
const layers = [
  { files: ['renderer/**/*.{ts,tsx}'], parts: RENDERER },
  { files: ['shared/**/*.ts'], ignores: ['shared/**/*.test.ts'], parts: SHARED },
  // Tests of shared/ run in Vitest on Node: they may read process.env (the soak switch, say).
  { files: ['shared/**/*.test.ts'], parts: SHARED_WITHOUT_NODE_GLOBALS },
  {
    files: [PRELOAD_BRIDGE],
    parts: [
      ...ELECTRON_WIDE,
      ...PRELOAD,
      ...NO_IPC_MAIN,
      onlyIpc('ipcRenderer', ['invoke', 'on', 'removeListener'], {
        selector: "CallExpression[callee.name='buildApi']",
        description: 'in the transport handed to buildApi()',
      }),
    ],
  },
  {
    files: ['electron/preload/**/*.ts'],
    ignores: [PRELOAD_BRIDGE],
    parts: [...ELECTRON_WIDE, ...PRELOAD, ...NO_IPC_MAIN, ...NO_IPC_RENDERER],
  },
  { files: PURE_MAIN, parts: [...ELECTRON_WIDE, ...WITHOUT_ELECTRON] },
  {
    files: [REGISTER_IPC],
    parts: [...ELECTRON_WIDE, ...NO_IPC_RENDERER, onlyIpc('ipcMain', ['handle'])],
  },
  {
    files: ['electron/main/**/*.ts'],
    ignores: [...PURE_MAIN, REGISTER_IPC],
    parts: [...ELECTRON_WIDE, ...NO_IPC_MAIN, ...NO_IPC_RENDERER],
  },
  {
    // Tests, scripts and build configuration: no raw IPC either.
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    ignores: ['renderer/**', 'shared/**', 'electron/main/**', 'electron/preload/**'],
    parts: [...NO_IPC_MAIN, ...NO_IPC_RENDERER],
  },
];

function boundaryBlock({ files, ignores = [], parts }) {
  const all = (key) => parts.flatMap((part) => part[key] ?? []);
  return {
    files,
    ignores,
    rules: {
      'no-restricted-imports': 'off',
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { paths: all('paths'), patterns: all('patterns') },
      ],
      'no-restricted-globals': ['error', ...all('globals')],
      'no-restricted-syntax': ['error', FOCUSED_TESTS, SHARED_BY_ALIAS, ...all('syntax')],
    },
  };
}

const boundaries = layers.map(boundaryBlock);

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test-results/**',
      'playwright-report/**',
      'bench/results/**',
      'tests/e2e/.artifacts/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.node.json', './tsconfig.web.json', './tsconfig.e2e.json'],
        tsconfigRootDir: import.meta.dirname,
      },
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': [
        'error',
        { checksVoidReturn: { attributes: false } },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      // Implementing a Promise-returning interface with `async` and no await is fine.
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-restricted-syntax': ['error', FOCUSED_TESTS, SHARED_BY_ALIAS],
    },
  },
  {
    files: ['renderer/**/*.tsx', 'renderer/**/*.ts'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  ...boundaries,
  {
    files: ['**/*.mjs', '**/*.cjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
  },
);
