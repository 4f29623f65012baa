import { memo } from 'react';
import { useKeptStatus } from '../../drafts/use-kept-writing';
import type { TypedText } from './typed-text';
import { useTyped } from './use-typed';

const isEmpty = (text: string): boolean => text.trim() === '';

/**
 * Whether the draft is in the store: nothing while a change waits, "Draft saved" once it is, and
 * in words when the store refused it (the text is kept and tried again). Its own part, so a save
 * finishing draws this line and nothing else.
 */
export const DraftSaveStatus = memo(function DraftSaveStatus({
  draftKey,
  typed,
}: {
  readonly draftKey: string;
  readonly typed: TypedText;
}) {
  const { state, error } = useKeptStatus(draftKey);
  const empty = useTyped(typed, isEmpty);
  return (
    <p className="editor__saved" role="status">
      {state === 'failed'
        ? `Could not save the draft yet (${error ?? 'unknown error'}). It is kept on this computer, and Slowpost will try again.`
        : state === 'saved' && !empty
          ? 'Draft saved'
          : ''}
    </p>
  );
});
