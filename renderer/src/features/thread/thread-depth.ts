import type { Post } from '@shared/domain';

/** How deep each post sits in its thread (root = 0), following parent links within the thread. */
export function threadDepths(posts: readonly Post[]): Map<string, number> {
  const byId = new Map(posts.map((p) => [p.id, p]));
  const depths = new Map<string, number>();
  const depthOf = (post: Post, guard: number): number => {
    const known = depths.get(post.id);
    if (known !== undefined) return known;
    const parent = post.parent === null ? undefined : byId.get(post.parent.id);
    const depth = parent === undefined || guard > 200 ? 0 : depthOf(parent, guard + 1) + 1;
    depths.set(post.id, depth);
    return depth;
  };
  for (const post of posts) depthOf(post, 0);
  return depths;
}
