import { postSearchRow } from '@shared/search/post-search-row';
import type { SlowpostDb } from '../database';

/** How far the search index of a store made before it existed has been built. */
export interface SearchBuildRow {
  readonly id: 'posts';
  /** The last post id indexed (posts are read in id order); null before the first. */
  readonly after: string | null;
}

const CHUNK = 500;

/**
 * Indexes one more chunk of the posts a store held before the search index existed (version 11
 * marks the build to do; new posts are indexed as they are written). Returns whether more is
 * left. Each chunk is one transaction, so a build stopped by a reload goes on where it was.
 */
export async function buildSearchIndexChunk(db: SlowpostDb, chunk = CHUNK): Promise<boolean> {
  return db.transaction('rw', [db.posts, db.searchPosts, db.searchBuild], async () => {
    const build = await db.searchBuild.get('posts');
    if (build === undefined) return false;
    const posts = await (
      build.after === null ? db.posts.orderBy(':id') : db.posts.where(':id').above(build.after)
    )
      .limit(chunk)
      .toArray();
    await db.searchPosts.bulkPut(posts.map(postSearchRow));
    const last = posts[posts.length - 1];
    if (posts.length < chunk || last === undefined) {
      await db.searchBuild.delete('posts');
      return false;
    }
    await db.searchBuild.put({ id: 'posts', after: last.id });
    return true;
  });
}

/** Whether the index still lacks posts stored before it existed. */
export async function searchIndexBuilding(db: SlowpostDb): Promise<boolean> {
  return (await db.searchBuild.get('posts')) !== undefined;
}

/**
 * Builds what is left of the index, a chunk at a time whenever the page is idle, so the first
 * view and the user's keys never wait for it. Returns a stop.
 */
export function buildSearchIndexInBackground(
  db: SlowpostDb,
  /** Runs `run` when the page is next idle; returns a cancel. */
  idle: (run: () => void) => () => void,
): () => void {
  let stopped = false;
  let cancel = (): void => undefined;
  const next = (): void => {
    cancel = idle(() => {
      void buildSearchIndexChunk(db).then(
        (more) => {
          if (more && !stopped) next();
        },
        () => undefined, // the store closed (a reload): the next start goes on
      );
    });
  };
  next();
  return () => {
    stopped = true;
    cancel();
  };
}
