/**
 * Which conversation a Mastodon status belongs to.
 *
 * **The rule.** A conversation is named after its root: the topmost status of its reply chain that
 * the server shows this account. That is the status itself when it answers nothing
 * (`in_reply_to_id` is null); otherwise the first of `GET /api/v1/statuses/:id/context`'s
 * `ancestors` (the server lists them oldest first, leaving out what this account may not see).
 * Every status of one conversation has the same topmost ancestor, so the rule gives the same
 * thread whichever of its posts arrives first and however many arrive later: a reply synced today
 * joins the thread its parent was stored in last week. The Mastodon API has no conversation id for
 * public threads, and a notification carries only its own status, so the root is learned:
 * - from statuses already seen, by following `in_reply_to_id` up to a status that answers nothing
 *   (free: a reply to a root in the same page costs nothing);
 * - otherwise from the context endpoint, one request per conversation per sync; everything it
 *   returns (ancestors, the status, descendants) is learned with it.
 * A status whose root is not learned is not given a thread at all (it is not stored as a post),
 * rather than a guess that a later sync would contradict.
 *
 * Limits: if the root is deleted (or becomes hidden from this account) after some of the thread
 * was stored, later posts are named after the new topmost ancestor, and the conversation shows
 * as two threads. A context the server refuses (the status was deleted meanwhile) makes the
 * status the root of its own thread.
 */
import type { MastodonStatus } from './payloads';

export interface StatusRef {
  /** The status id on the network. */
  readonly id: string;
  /** Its ActivityPub URI when the status has been seen; its id otherwise. */
  readonly uri: string;
}

interface Known {
  readonly uri: string;
  readonly parentId: string | null;
}

export class ThreadRoots {
  private readonly known = new Map<string, Known>();
  /** Roots that are settled: learned from a context, or found by walking up to a status. */
  private readonly roots = new Map<string, string>();

  /** Remembers a status: its URI and what it answers; a status that answers nothing is a root. */
  learn(status: MastodonStatus): void {
    this.known.set(status.id, { uri: status.uri, parentId: status.inReplyToId ?? null });
    if (status.inReplyToId == null) this.roots.set(status.id, status.id);
  }

  /**
   * Learns a conversation from the context of `status`: its root is the first ancestor (by id,
   * even when that status itself could not be read), or the status when it has none.
   */
  learnContext(
    status: MastodonStatus,
    ancestorIds: readonly string[],
    members: readonly MastodonStatus[],
  ): void {
    const rootId = ancestorIds[0] ?? status.id;
    for (const member of [status, ...members]) this.learn(member);
    for (const id of [...ancestorIds, status.id, ...members.map((m) => m.id)]) {
      this.roots.set(id, rootId);
    }
  }

  /** The server would not say (the status is gone): the status starts its own thread. */
  settleAlone(status: MastodonStatus): void {
    this.learn(status);
    this.roots.set(status.id, status.id);
  }

  /** The root of a status's conversation, or undefined while it is not known. */
  rootOf(statusId: string): StatusRef | undefined {
    const rootId = this.rootIdOf(statusId);
    return rootId === undefined ? undefined : this.refOf(rootId);
  }

  /** A reference to a status: its URI when seen, else its id (all Mastodon needs is the id). */
  refOf(statusId: string): StatusRef {
    return { id: statusId, uri: this.known.get(statusId)?.uri ?? statusId };
  }

  private rootIdOf(statusId: string): string | undefined {
    const path: string[] = [];
    let current: string | null = statusId;
    let found: string | undefined;
    // Walks up through statuses already seen; a cycle (a server bug) ends the walk.
    while (current !== null && !path.includes(current)) {
      found = this.roots.get(current);
      if (found !== undefined) break;
      path.push(current);
      current = this.known.get(current)?.parentId ?? null;
    }
    if (found === undefined) return undefined;
    for (const id of path) this.roots.set(id, found);
    return found;
  }
}
