import type { SchemaVersion } from './schema-version';

/**
 * Version 11: local search. `searchPosts` holds one row per post with its words as a multi-entry
 * index (see `shared/search/post-search-row.ts`); `searchBuild` remembers how far the index of a
 * store made before this version has been built (in the background, after the first view: see
 * `search-index-build.ts`). A store made at this version or later indexes every post as it is
 * written, so it has no build to do: the upgrade alone marks one to do.
 */
export const v11: SchemaVersion = {
  version: 11,
  stores: {
    searchPosts: 'id, *keys',
    searchBuild: 'id',
  },
  async upgrade(transaction) {
    await transaction.table('searchBuild').put({ id: 'posts', after: null });
  },
};
