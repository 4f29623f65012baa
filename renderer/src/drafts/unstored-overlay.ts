import { draftWriteAheadKey, noteWriteAheadKey } from '@shared/drafts/write-ahead-entry';
import type { ReplyContext } from '../db/repositories/composer-context';
import type { DraftKeeper } from './draft-keeper';

/**
 * What the composer opens with, once the keeper has tried to store what was written ahead: a
 * version the store could not take yet (it is failing) is newer than what the store holds, so the
 * composer opens with it rather than with the older stored text.
 */
export function withUnstoredWriting(context: ReplyContext, keeper: DraftKeeper): ReplyContext {
  const draft = keeper.unstored(draftWriteAheadKey(context.answering.id));
  const note =
    context.author === undefined ? null : keeper.unstored(noteWriteAheadKey(context.author.id));
  return {
    ...context,
    initial:
      draft?.kind === 'draft'
        ? {
            text: draft.text,
            visibility: draft.visibility,
            contentWarning: draft.contentWarning,
            language: draft.language,
          }
        : context.initial,
    author:
      context.author !== undefined && note?.kind === 'note'
        ? { ...context.author, notes: note.notes }
        : context.author,
  };
}
