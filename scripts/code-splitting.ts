// How the renderer's chunks are split (electron.vite.config.ts; the bench page's build uses it too).

/**
 * The Bluesky client (`@atproto/api`) loads only with a Bluesky account, but as one chunk it would
 * be over a megabyte: its lexicon table alone is over 400 kB, and each @atproto package brings its
 * own copy of zod 3. Four parts, each under the 500 kB warning, fetched side by side (a group
 * takes its modules' dependencies along, so the lexicon table's go first, in a part of their own).
 */
export const codeSplitting = {
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
