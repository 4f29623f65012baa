import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Middleware } from 'dexie';
import type { Post } from '@shared/domain';
import { postSearchRow } from '@shared/search/post-search-row';

const POSTS = 'posts';
const SEARCH = 'searchPosts';

/**
 * Keeps the search index true to the posts, for every writer (the sync, a sent reply, the demo,
 * removing an account, the bench): each write to `posts` writes the same posts' index rows, and
 * each removal removes them, in the same transaction. Read-write transactions on `posts` also take
 * the index's table. Deliveries need nothing: a post's row says when it arrived, and a search
 * reads only the part of the index that deliveries have released (see `post-search-row.ts`).
 */
export const searchIndexKeeper: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'search-index-keeper',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === SEARCH)) return {};
    const index = down.table(SEARCH);
    return {
      transaction(stores, mode, options) {
        const widen = mode === 'readwrite' && stores.includes(POSTS) && !stores.includes(SEARCH);
        return down.transaction(widen ? [...stores, SEARCH] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        if (name !== POSTS) return table;
        return {
          ...table,
          async mutate(req) {
            if (!hasSearchTable(req.trans)) return table.mutate(req); // an upgrade before 12
            const [result] = await Promise.all([table.mutate(req), index.mutate(indexWrite(req))]);
            return result;
          },
        };
      },
    };
  },
};

/** The write to the index that goes with a write to the posts. */
function indexWrite(req: DBCoreMutateRequest): DBCoreMutateRequest {
  switch (req.type) {
    case 'add':
    case 'put':
      return {
        type: 'put',
        trans: req.trans,
        values: (req.values as readonly Post[]).map(postSearchRow),
      };
    case 'delete':
      return { type: 'delete', trans: req.trans, keys: req.keys };
    case 'deleteRange':
      // The index's rows have the posts' ids: the same range holds the same posts' rows.
      return { type: 'deleteRange', trans: req.trans, range: req.range };
  }
}

function hasSearchTable(trans: DBCoreTransaction): boolean {
  const names = (trans as { objectStoreNames?: { contains(name: string): boolean } })
    .objectStoreNames;
  return names === undefined || names.contains(SEARCH);
}
