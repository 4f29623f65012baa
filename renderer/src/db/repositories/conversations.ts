import type { Person, Post, Thread } from '@shared/domain';
import { isReleased, releasedUpTo } from './released';
import type { SlowpostDb } from '../database';

export interface ThreadDetail {
  readonly thread: Thread;
  /** Oldest first. */
  readonly posts: readonly Post[];
  readonly people: ReadonlyMap<string, Person>;
}

export async function loadThread(db: SlowpostDb, threadId: string): Promise<ThreadDetail | null> {
  return db.transaction('r', [db.threads, db.posts, db.people, db.deliveries], async () => {
    const thread = await db.threads.get(threadId);
    if (thread === undefined) return null;
    const upTo = await releasedUpTo(db);
    const stored = await db.posts.where('threadId').equals(threadId).toArray();
    // Nothing shows before its delivery: posts that arrived since wait for the next one.
    const posts = stored
      .filter((p) => isReleased(p, upTo))
      .sort((a, b) => a.createdAt - b.createdAt);
    const authors = await db.people.bulkGet([...new Set(posts.map((p) => p.authorId))]);
    const people = new Map<string, Person>();
    for (const person of authors) if (person !== undefined) people.set(person.id, person);
    return { thread, posts, people };
  });
}
