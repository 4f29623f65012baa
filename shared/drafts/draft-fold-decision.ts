import type { Visibility } from '../domain/common';
import type { DraftWriteAhead } from './write-ahead-entry';

/** How a new reply to a post starts (its settings); an untouched draft is not worth keeping. */
export interface DraftStart {
  readonly visibility: Visibility;
  readonly contentWarning: string | null;
  readonly language: string | null;
}

/** What the store holds that decides whether a version of a draft is written. */
export interface DraftFoldFacts {
  /** The draft stored for that post now, if any. */
  readonly stored: { readonly updatedAt: number } | undefined;
  /** When a reply to that post last went into the outbox, or null. */
  readonly queuedAt: number | null;
  /** How a reply to the post starts; null when the post is no longer on this computer. */
  readonly start: DraftStart | null;
  /** False once the account the draft belongs to was removed. */
  readonly accountExists: boolean;
}

export type DraftFoldDecision =
  /** Store this version as the draft. */
  | { readonly action: 'put' }
  /** Nothing worth keeping was written (empty, settings as they start): remove the draft. */
  | { readonly action: 'delete' }
  /** The store already holds this or something newer; this version is not written. */
  | { readonly action: 'drop'; readonly reason: string };

type DraftContent = Pick<DraftWriteAhead, 'text' | 'visibility' | 'contentWarning' | 'language'>;

/** Nothing typed and every setting as a new reply starts. Without a post, only the text counts. */
export function isUntouchedDraft(draft: DraftContent, start: DraftStart | null): boolean {
  if (draft.text.trim() !== '') return false;
  if (start === null) return true;
  return (
    draft.visibility === start.visibility &&
    draft.contentWarning === start.contentWarning &&
    draft.language === start.language
  );
}

/**
 * Whether one version of a draft (typed at `updatedAt`) goes into the store. Newer wins: a version
 * never replaces a draft stored later, and never brings back a reply that went to the outbox
 * after it was typed. Everything the user touched is kept, even when the post it answers is gone.
 */
export function decideDraftFold(
  version: Pick<DraftWriteAhead, 'updatedAt'> & DraftContent,
  facts: DraftFoldFacts,
): DraftFoldDecision {
  if (!facts.accountExists) {
    return { action: 'drop', reason: 'its account is no longer on this computer' };
  }
  if (facts.queuedAt !== null && facts.queuedAt >= version.updatedAt) {
    return { action: 'drop', reason: 'the reply went to the outbox after this was written' };
  }
  if (facts.stored !== undefined && facts.stored.updatedAt > version.updatedAt) {
    return { action: 'drop', reason: 'a newer version of the draft is stored' };
  }
  if (isUntouchedDraft(version, facts.start)) return { action: 'delete' };
  return { action: 'put' };
}
