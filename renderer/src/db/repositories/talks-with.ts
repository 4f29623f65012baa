import type { Person, Post } from '../../../../shared/domain';
import { localId } from '../../../../shared/domain';
import type { SlowpostDb } from '../database';

/** Who the user talks with: what a session reads live (it changes as the user replies). */
export interface TalksWith {
  readonly selfIds: readonly string[];
  readonly selves: readonly Person[];
  readonly ownPosts: readonly Post[];
  readonly answeredPosts: readonly Post[];
  /** The authors of the posts the user answered, in the order of those posts. */
  readonly answeredAuthors: readonly Person[];
}

/** The user's accounts, their own people records, their posts and the posts they answered. */
export async function readTalks(db: SlowpostDb): Promise<TalksWith> {
  const accounts = await db.accounts.toArray();
  const selfIds = accounts.map((a) => localId(a.id, a.networkUserId));
  const [selves, ownPosts] = await Promise.all([
    db.people.bulkGet(selfIds),
    db.posts.where('authorId').anyOf(selfIds).toArray(),
  ]);
  const answeredPosts = (
    await db.posts.bulkGet([
      ...new Set(ownPosts.flatMap((p) => (p.parent === null ? [] : [p.parent.id]))),
    ])
  ).filter((p): p is Post => p !== undefined);
  const answeredAuthors = (
    await db.people.bulkGet([...new Set(answeredPosts.map((p) => p.authorId))])
  ).filter((p): p is Person => p !== undefined);
  return {
    selfIds,
    selves: selves.filter((p): p is Person => p !== undefined),
    ownPosts,
    answeredPosts,
    answeredAuthors,
  };
}

/**
 * What a session is built from besides the delivered records, as one string: the same key means
 * the same session from the same delivered records.
 */
export function sessionBuildKey(talks: TalksWith): string {
  return JSON.stringify([
    talks.selfIds,
    talks.selves,
    // What a person's history reads of a post (see historyFromPosts).
    [...talks.ownPosts, ...talks.answeredPosts].map((p) => [
      p.id,
      p.isOwn,
      p.authorId,
      p.threadId,
      p.createdAt,
      p.parent?.id ?? null,
    ]),
    talks.answeredAuthors,
  ]);
}
