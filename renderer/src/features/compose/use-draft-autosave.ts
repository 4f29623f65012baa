import { useCallback } from 'react';
import type { Post } from '../../../../shared/domain';
import type { SlowpostDb } from '../../db/database';
import { saveDraft, type DraftFields } from '../../db/repositories/replies';
import { useDebouncedSave, type DebouncedSave } from '../../ui/use-debounced-save';

/** How long typing may pause before the draft is written. A keystroke never waits on a write. */
export const DRAFT_SAVE_DELAY_MS = 300;

/** Saves the draft of a reply, with its settings, as the user types. */
export function useDraftAutosave(db: SlowpostDb, answering: Post): DebouncedSave<DraftFields> {
  const save = useCallback(
    (fields: DraftFields) => saveDraft(db, answering, fields, Date.now()),
    [db, answering],
  );
  return useDebouncedSave(save, DRAFT_SAVE_DELAY_MS);
}
