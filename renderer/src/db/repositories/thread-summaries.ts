import type { Person, Post, Thread } from '../../../../shared/domain';
import { htmlToPlainText } from '../../../../shared/text/html-to-text';
import { participantsLabel, snippetOf } from '../../../../shared/threads/thread-labels';
import type { SlowpostDb } from '../database';
import { isReleased } from './released';

/**
 * Rebuilds each thread's list summary (who is in it, its latest line) from the posts that
 * deliveries have released, so a list never previews something that has not been delivered.
 * A thread with nothing released yet keeps its previous summary (or has none).
 */
export async function summariseThreads(
  db: SlowpostDb,
  threadIds: readonly string[],
  upTo: number,
): Promise<void> {
  if (threadIds.length === 0) return;
  const existing = await db.threads.bulkGet([...threadIds]);
  const postsByThread = new Map<string, Post[]>();
  const posts = await db.posts
    .where('threadId')
    .anyOf([...threadIds])
    .toArray();
  for (const post of posts) {
    if (!isReleased(post, upTo)) continue;
    const list = postsByThread.get(post.threadId) ?? [];
    list.push(post);
    postsByThread.set(post.threadId, list);
  }
  const authors = await db.people.bulkGet([...new Set(posts.map((p) => p.authorId))]);
  const peopleById = new Map<string, Person>();
  for (const person of authors) if (person !== undefined) peopleById.set(person.id, person);

  const threads: Thread[] = [];
  threadIds.forEach((threadId, index) => {
    const visible = (postsByThread.get(threadId) ?? []).sort((a, b) => a.createdAt - b.createdAt);
    const first = visible[0];
    const last = visible[visible.length - 1];
    if (first === undefined || last === undefined) return;
    const root = visible.find((p) => p.id === threadId) ?? first;
    const participantIds = [...new Set(visible.map((p) => p.authorId))];
    const before = existing[index];
    threads.push({
      id: threadId,
      accountId: root.accountId,
      rootPostId: root.id,
      subject: snippetOf(htmlToPlainText(root.contentHtml), 140),
      participantIds,
      participantsLabel: participantsLabel(participantIds.map((id) => peopleById.get(id))),
      lastSnippet: snippetOf(htmlToPlainText(last.contentHtml), 160),
      isDirect: root.visibility === 'direct',
      lastActivityAt: last.createdAt,
      lastPostId: last.id,
      triage: before?.triage ?? 'open',
      triagedAt: before?.triagedAt ?? null,
    });
  });
  await db.threads.bulkPut(threads);
}
