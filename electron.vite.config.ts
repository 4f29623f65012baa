import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const alias = { '@shared': resolve(__dirname, 'shared') };

/**
 * The Bluesky client (`@atproto/api`) loads only with a Bluesky account, but as one chunk it would
 * be over a megabyte: its lexicon table alone is over 400 kB, and each @atproto package brings its
 * own copy of zod 3. Four parts, each under the 500 kB warning, fetched side by side (a group
 * takes its modules' dependencies along, so the lexicon table's go first, in a part of their own).
 */
const codeSplitting = {
  groups: [
    { name: 'atproto-zod', test: /node_modules[\\/]@atproto[\\/].*[\\/]zod[\\/]/, priority: 4 },
    {
      name: 'atproto-lexicon',
      test: /node_modules[\\/]@atproto[\\/](lexicon|syntax|common-web|lex-data|lex-json)[\\/]/,
      priority: 3,
    },
    {
      name: 'atproto-lexicons',
      test: /node_modules[\\/]@atproto[\\/]api[\\/]dist[\\/]client[\\/]lexicons\.js$/,
      priority: 2,
    },
    { name: 'atproto', test: /node_modules[\\/]@atproto[\\/]/, priority: 1 },
  ],
};

export default defineConfig({
  main: {
    resolve: { alias },
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { index: resolve(__dirname, 'electron/main/index.ts') } },
    },
  },
  preload: {
    resolve: { alias },
    build: {
      outDir: 'out/preload',
      // The sandboxed preload cannot `require` anything but electron: bundle everything into one CJS file.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    resolve: { alias },
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      sourcemap: true,
      // electron-vite leaves the renderer unminified by default; a third of the bytes to parse
      // is a third less time before the first view.
      minify: true,
      rollupOptions: {
        input: { index: resolve(__dirname, 'renderer/index.html') },
        output: { codeSplitting },
      },
    },
    worker: { format: 'es', rollupOptions: { output: { codeSplitting } } },
  },
});
