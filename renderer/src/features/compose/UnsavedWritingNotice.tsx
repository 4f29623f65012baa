import { useSyncExternalStore } from 'react';
import { unsavedWritingLine } from '@shared/drafts/unsaved-wording';
import { useDraftKeeper } from '../../drafts/draft-keeper-context';

/**
 * Outside the composer, says so while a draft or a person's notes could not be stored yet (they
 * are kept, written ahead, and tried again), so leaving with "Back" never hides a failing save.
 */
export function UnsavedWritingNotice() {
  const keeper = useDraftKeeper();
  const statuses = useSyncExternalStore(keeper.subscribe, keeper.statuses);
  const line = unsavedWritingLine([...statuses.values()]);
  // A space keeps it apart from a start-up line sharing the status area.
  return line === null ? null : <> {line}</>;
}
