import type { Person, Post, Thread } from '../../../../shared/domain';
import type { SlowpostDb } from '../database';

/** Conversations for the list, newest activity first; muted threads are left out. */
export async function listConversations(db: SlowpostDb): Promise<Thread[]> {
  const threads = await db.threads.orderBy('lastActivityAt').reverse().toArray();
  return threads.filter((t) => t.triage !== 'muted');
}

export interface ThreadDetail {
  readonly thread: Thread;
  /** Oldest first. */
  readonly posts: readonly Post[];
  readonly people: ReadonlyMap<string, Person>;
}

export async function loadThread(db: SlowpostDb, threadId: string): Promise<ThreadDetail | null> {
  return db.transaction('r', [db.threads, db.posts, db.people], async () => {
    const thread = await db.threads.get(threadId);
    if (thread === undefined) return null;
    const posts = (await db.posts.where('threadId').equals(threadId).toArray()).sort(
      (a, b) => a.createdAt - b.createdAt,
    );
    const authors = await db.people.bulkGet([...new Set(posts.map((p) => p.authorId))]);
    const people = new Map<string, Person>();
    for (const person of authors) if (person !== undefined) people.set(person.id, person);
    return { thread, posts, people };
  });
}
