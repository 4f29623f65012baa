import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'http',
  'https',
  'net',
  'crypto',
  'url',
  'util',
  'stream',
  'worker_threads',
];

/** Process boundaries (ARCHITECTURE.md): each layer may import only what runs where it runs. */
const boundaries = [
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message:
                'The renderer runs in a sandboxed page: talk to main through bridge/bridge.ts.',
            },
            {
              group: NODE_BUILTINS,
              message: 'The renderer has no Node.js: keep node:* in electron/main.',
            },
            {
              group: ['**/electron/**'],
              message: 'The renderer may not import main-process code.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                'electron',
                'electron/*',
                'react',
                'react/*',
                'react-dom',
                'react-dom/*',
                'dexie',
                'dexie-react-hooks',
                'zustand',
                'dompurify',
              ],
              message: 'shared/ is pure TypeScript: no electron, react, dexie or DOM libraries.',
            },
            { group: NODE_BUILTINS, message: 'shared/ runs on both sides: no node:*.' },
            {
              group: ['**/renderer/**', '**/electron/**', '**/tests/**'],
              message: 'shared/ may not depend on either process.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...[
          'window',
          'document',
          'navigator',
          'localStorage',
          'sessionStorage',
          'indexedDB',
          'HTMLElement',
          'DOMParser',
          'fetch',
        ].map((name) => ({
          name,
          message: 'shared/ has no DOM and does no I/O.',
        })),
      ],
    },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['react', 'react/*', 'react-dom', 'dexie', 'dexie-react-hooks', 'zustand'],
              message: 'The main process does not use renderer libraries.',
            },
            { group: ['**/renderer/**'], message: 'Main may not import renderer code.' },
          ],
        },
      ],
    },
  },
  {
    // Services, the bridge dispatcher and the security helpers run without Electron (tests, the
    // loopback host): Electron glue lives in the other files.
    files: [
      'electron/main/services/**/*.ts',
      'electron/main/ipc/bridge-*.ts',
      'electron/main/security/trusted-url.ts',
      'electron/main/security/content-security-policy.ts',
      'electron/main/window/window-state.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['electron', 'electron/*'],
              message:
                'Services must run without Electron: pass the Electron part in from the glue.',
            },
            { group: ['**/renderer/**'], message: 'Main may not import renderer code.' },
          ],
        },
      ],
    },
  },
];

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
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
          message: 'Focused tests hide the rest of the suite.',
        },
      ],
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
