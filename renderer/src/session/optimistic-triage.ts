import type { SessionConversation } from '@shared/session';

/**
 * Triage shows at once, before the store has answered. An override says what the user just did
 * to a conversation: 'handled' (done, later, muted) or, after an undo, 'open'. The list is the
 * store's list with the overrides applied. An override is dropped only once its write has finished
 * *and* a newer answer from the store agrees with it — so a late answer (to the action an undo
 * reversed) never makes a row flicker away and back.
 */
export type OverrideState = 'handled' | 'open';

/** Whether the store (its latest answer) lists a conversation as still to go through. */
export type StorePending = (threadId: string) => boolean;

interface Override {
  readonly state: OverrideState;
  readonly token: number;
  /** The store answer version current when the write finished; null while writing. */
  writtenAt: number | null;
}

export class OptimisticTriage {
  private readonly overrides = new Map<string, Override>();
  private tokens = 0;
  /** Changes whenever the overrides do: what `shows` answers depends on nothing else. */
  revision = 0;
  /** Which thread each revision changed, for `changedSince` (oldest first, trimmed as read). */
  private log: { readonly revision: number; readonly threadId: string }[] = [];

  /** Records an action; returns a token for `written`. */
  set(threadId: string, state: OverrideState): number {
    const token = ++this.tokens;
    this.overrides.set(threadId, { state, token, writtenAt: null });
    this.changed(threadId);
    return token;
  }

  /** The action's write has finished; `version` is the store answer the page has now. */
  written(threadId: string, token: number, version: number): void {
    const override = this.overrides.get(threadId);
    if (override?.token === token) override.writtenAt = version;
  }

  /** Forgets what the store now says by itself. */
  settle(storePending: StorePending, version: number): void {
    for (const [threadId, override] of this.overrides) {
      const agrees = (override.state === 'open') === storePending(threadId);
      if (override.writtenAt !== null && version > override.writtenAt && agrees) {
        this.overrides.delete(threadId);
        this.changed(threadId);
      }
    }
  }

  /** Whether the list shows this conversation: the override's word, else the store's. */
  shows(threadId: string, storePending: StorePending): boolean {
    const override = this.overrides.get(threadId);
    return override === undefined ? storePending(threadId) : override.state === 'open';
  }

  /** The list: the store's with the overrides applied, in the session's order. */
  apply(all: readonly SessionConversation[], storePending: StorePending): SessionConversation[] {
    return all.filter((c) => this.shows(c.threadId, storePending));
  }

  /**
   * The threads whose override changed after `revision` (the list only changes for them).
   * Reading forgets what came before `revision`: ask with the newest revision seen.
   */
  changedSince(revision: number): string[] {
    this.log = this.log.filter((entry) => entry.revision > revision);
    return this.log.map((entry) => entry.threadId);
  }

  get size(): number {
    return this.overrides.size;
  }

  private changed(threadId: string): void {
    this.revision += 1;
    this.log.push({ revision: this.revision, threadId });
  }
}
