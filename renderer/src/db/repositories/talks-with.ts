import type { Person, Post } from '@shared/domain';
import { localId } from '@shared/domain';
import { historyPost, type HistoryPost } from '@shared/session';
import type { SlowpostDb } from '../database';

/**
 * Who the user talks with: it changes as the user replies. Read with the session snapshot, which
 * keeps it (see talksDeps), or from the records when there is none.
 */
export interface TalksWith {
  readonly selfIds: readonly string[];
  readonly selves: readonly Person[];
  /** What the history reads of them (see HistoryPost): the snapshot keeps this much. */
  readonly ownPosts: readonly HistoryPost[];
  readonly answeredPosts: readonly HistoryPost[];
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
    ownPosts: ownPosts.map(historyPost),
    answeredPosts: answeredPosts.map(historyPost),
    answeredAuthors,
  };
}

/**
 * The records `readTalks` looked for, found or not: the session snapshot that keeps the answer is
 * removed by a write to any of them (see session-snapshot-guard), and by any new post by one of
 * `selves` (a reply the answer does not hold yet).
 */
export function talksDeps(talks: TalksWith): {
  readonly posts: string[];
  readonly people: string[];
  readonly selves: string[];
} {
  const answered = talks.ownPosts.flatMap((p) => (p.parent === null ? [] : [p.parent.id]));
  return {
    posts: [...new Set([...talks.ownPosts.map((p) => p.id), ...answered])],
    people: [...new Set([...talks.selfIds, ...talks.answeredPosts.map((p) => p.authorId)])],
    selves: [...talks.selfIds],
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
