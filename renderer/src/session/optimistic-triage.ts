import type { SessionConversation } from '../../../shared/session';

/**
 * Triage shows at once, before the store has answered. An override says what the user just did
 * to a conversation: 'handled' (done, later, muted) or, after an undo, 'open'. The list is the
 * store's list with the overrides applied. An override is dropped only once its write has finished
 * *and* a newer answer from the store agrees with it — so a late answer (to the action an undo
 * reversed) never makes a row flicker away and back.
 */
export type OverrideState = 'handled' | 'open';

interface Override {
  readonly state: OverrideState;
  readonly token: number;
  /** The store answer version current when the write finished; null while writing. */
  writtenAt: number | null;
}

export class OptimisticTriage {
  private readonly overrides = new Map<string, Override>();
  private tokens = 0;
  /** Changes whenever the overrides do: what `apply` returns depends on nothing else. */
  revision = 0;

  /** Records an action; returns a token for `written`. */
  set(threadId: string, state: OverrideState): number {
    const token = ++this.tokens;
    this.overrides.set(threadId, { state, token, writtenAt: null });
    this.revision += 1;
    return token;
  }

  /** The action's write has finished; `version` is the store answer the page has now. */
  written(threadId: string, token: number, version: number): void {
    const override = this.overrides.get(threadId);
    if (override?.token === token) override.writtenAt = version;
  }

  /** Forgets what the store now says by itself. */
  settle(storePending: ReadonlySet<string>, version: number): void {
    for (const [threadId, override] of this.overrides) {
      const agrees = (override.state === 'open') === storePending.has(threadId);
      if (override.writtenAt !== null && version > override.writtenAt && agrees) {
        this.overrides.delete(threadId);
        this.revision += 1;
      }
    }
  }

  apply(
    all: readonly SessionConversation[],
    storePending: ReadonlySet<string>,
  ): SessionConversation[] {
    return all.filter((c) => {
      const override = this.overrides.get(c.threadId);
      if (override !== undefined) return override.state === 'open';
      return storePending.has(c.threadId);
    });
  }

  get size(): number {
    return this.overrides.size;
  }
}
