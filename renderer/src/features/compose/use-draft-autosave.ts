import { useCallback } from 'react';
import type { Post } from '@shared/domain';
import { draftWriteAheadKey } from '@shared/drafts/write-ahead-entry';
import { draftVersion, type DraftFields } from '../../db/repositories/replies';
import { useKeptWriting, type KeptWriting } from '../../drafts/use-kept-writing';

/** How long typing may pause before the draft is written to the store. */
export const DRAFT_SAVE_DELAY_MS = 300;

/**
 * Keeps the draft of a reply, with its settings, as the user types: every keystroke is written
 * ahead at once, the store write follows when typing pauses. A keystroke never waits on a write.
 */
export function useDraftAutosave(answering: Post): KeptWriting<DraftFields> {
  const toEntry = useCallback(
    (fields: DraftFields, now: number) => draftVersion(answering, fields, now),
    [answering],
  );
  return useKeptWriting(draftWriteAheadKey(answering.id), toEntry, DRAFT_SAVE_DELAY_MS);
}
