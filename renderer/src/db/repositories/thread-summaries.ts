import type { Person, Post, Thread } from '@shared/domain';
import type { SlowpostDb } from '../database';
import { isReleased } from './released';
import { releasedAuthorIds, sameSummary, summaryOf } from './thread-summary';

/**
 * Rebuilds each thread's list summary from the posts that deliveries have released (see
 * `summaryOf`). A thread with nothing released yet keeps its previous summary (or has none); a
 * summary that would not change is not rewritten.
 */
export async function summariseThreads(
  db: SlowpostDb,
  threadIds: readonly string[],
  upTo: number,
): Promise<void> {
  if (threadIds.length === 0) return;
  const [existing, postsByThread] = await Promise.all([
    db.threads.bulkGet([...threadIds]),
    readThreadPosts(db, threadIds),
  ]);
  const peopleById = await readPeople(
    db,
    releasedAuthorIds([...postsByThread.values()].flat(), upTo),
  );
  await writeSummaries(db, threadIds, existing, postsByThread, upTo, peopleById);
}

/** Every stored post of each thread: one index read per thread, all in flight at once. */
export async function readThreadPosts(
  db: SlowpostDb,
  threadIds: readonly string[],
): Promise<Map<string, Post[]>> {
  const lists = await Promise.all(
    threadIds.map((id) => db.posts.where('threadId').equals(id).toArray()),
  );
  return new Map(threadIds.map((id, index) => [id, lists[index] ?? []]));
}

/**
 * The threads whose summaries name any of these people: those with a released stored post by
 * them. The author index is read for keys only; posts in `known` (the batch's, as stored) are not
 * read again, and a newcomer usually has no other stored post.
 */
export async function threadsShowing(
  db: SlowpostDb,
  personIds: readonly string[],
  known: ReadonlyMap<string, Post>,
  upTo: number,
): Promise<string[]> {
  if (personIds.length === 0) return [];
  const ids = await db.posts
    .where('authorId')
    .anyOf([...personIds])
    .primaryKeys();
  const others = ids.filter((id) => !known.has(id));
  const read = others.length === 0 ? [] : await db.posts.bulkGet(others);
  const posts = [...ids.flatMap((id) => known.get(id) ?? []), ...read];
  return posts.flatMap((p) => (p !== undefined && isReleased(p, upTo) ? [p.threadId] : []));
}

export async function readPeople(
  db: SlowpostDb,
  ids: readonly string[],
): Promise<Map<string, Person>> {
  const people = await db.people.bulkGet([...ids]);
  const byId = new Map<string, Person>();
  for (const person of people) if (person !== undefined) byId.set(person.id, person);
  return byId;
}

/** Summarises each thread from its posts and stores the summaries that changed. */
export async function writeSummaries(
  db: SlowpostDb,
  threadIds: readonly string[],
  existing: readonly (Thread | undefined)[],
  postsByThread: ReadonlyMap<string, readonly Post[]>,
  upTo: number,
  peopleById: ReadonlyMap<string, Person>,
): Promise<void> {
  const changed: Thread[] = [];
  threadIds.forEach((threadId, index) => {
    const before = existing[index];
    const next = summaryOf(threadId, postsByThread.get(threadId) ?? [], upTo, peopleById, before);
    if (next !== null && (before === undefined || !sameSummary(before, next))) changed.push(next);
  });
  if (changed.length > 0) await db.threads.bulkPut(changed);
}
