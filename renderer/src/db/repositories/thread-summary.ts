import type { Person, Post, Thread } from '@shared/domain';
import { htmlToVisibleText } from '@shared/text/html-to-text';
import { participantsLabel, snippetOf } from '@shared/threads/thread-labels';
import { isReleased } from './released';
import { sameRecord } from './same-record';

/**
 * One thread's list summary (who is in it, its latest line) from its posts, counting only those
 * that deliveries have released, so a list never previews something that has not been delivered.
 * `posts` is every stored post of the thread, in any order; `peopleById` holds at least the
 * authors of the released ones. Null when nothing is released yet (the thread keeps its previous
 * summary, or has none). Triage is carried over from `before`.
 */
export function summaryOf(
  threadId: string,
  posts: readonly Post[],
  upTo: number,
  peopleById: ReadonlyMap<string, Person>,
  before: Thread | undefined,
): Thread | null {
  // Oldest first; posts written at the same instant in id order (the order the index reads them).
  const visible = posts
    .filter((p) => isReleased(p, upTo))
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const first = visible[0];
  const last = visible[visible.length - 1];
  if (first === undefined || last === undefined) return null;
  const root = visible.find((p) => p.id === threadId) ?? first;
  const participantIds = [...new Set(visible.map((p) => p.authorId))];
  return {
    id: threadId,
    accountId: root.accountId,
    rootPostId: root.id,
    subject: snippetOf(htmlToVisibleText(root.contentHtml), 140),
    participantIds,
    participantsLabel: participantsLabel(participantIds.map((id) => peopleById.get(id))),
    lastSnippet: snippetOf(htmlToVisibleText(last.contentHtml), 160),
    isDirect: root.visibility === 'direct',
    lastActivityAt: last.createdAt,
    lastPostId: last.id,
    triage: before?.triage ?? 'open',
    triagedAt: before?.triagedAt ?? null,
  };
}

/** The authors whose names a summary of these posts needs. */
export function releasedAuthorIds(posts: readonly Post[], upTo: number): string[] {
  return [...new Set(posts.filter((p) => isReleased(p, upTo)).map((p) => p.authorId))];
}

/** Same stored summary: writing `next` over `stored` would change nothing. */
export function sameSummary(stored: Thread, next: Thread): boolean {
  return (
    stored.accountId === next.accountId &&
    stored.rootPostId === next.rootPostId &&
    stored.subject === next.subject &&
    stored.participantIds.length === next.participantIds.length &&
    stored.participantIds.every((id, i) => next.participantIds[i] === id) &&
    stored.participantsLabel === next.participantsLabel &&
    stored.lastSnippet === next.lastSnippet &&
    stored.isDirect === next.isDirect &&
    stored.lastActivityAt === next.lastActivityAt &&
    stored.lastPostId === next.lastPostId &&
    stored.triage === next.triage &&
    stored.triagedAt === next.triagedAt
  );
}

/**
 * The threads whose stored summary a batch's posts can change, given that every stored summary is
 * `summaryOf` the thread's stored posts (ingest, deliveries and sent replies keep it so). A summary
 * reads only released posts, so it changes only when a batch post changes what is released in its
 * thread: new or edited and released, or released before and now changed or moved away. A batch of
 * fresh posts waiting for their delivery, the usual sync, changes none. (People whose shown name
 * changed are the other way a summary changes: see `threadsShowing`.)
 */
export function threadsToSummarise(
  posts: readonly Post[],
  before: readonly (Post | undefined)[],
  upTo: number,
): Set<string> {
  const ids = new Set<string>();
  posts.forEach((post, index) => {
    const old = before[index];
    if (old !== undefined && sameRecord(old, post)) return;
    if (isReleased(post, upTo)) ids.add(post.threadId);
    if (old !== undefined && isReleased(old, upTo)) ids.add(old.threadId);
  });
  return ids;
}

/** Whether a summary naming this person could read differently after the change (or arrival). */
export function shownNameChanged(before: Person | undefined, after: Person): boolean {
  return (
    before === undefined ||
    before.displayName !== after.displayName ||
    before.handle !== after.handle ||
    before.isSelf !== after.isSelf
  );
}
