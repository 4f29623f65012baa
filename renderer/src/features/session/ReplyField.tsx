import { useLiveQuery } from 'dexie-react-hooks';
import { forwardRef, useEffect, useRef, useState } from 'react';
import type { Post } from '../../../../shared/domain';
import { useDatabase } from '../../app/database-context';
import { queueDraft, readDraft, saveDraft } from '../../db/repositories/replies';

interface Props {
  readonly answering: Post;
  readonly answeringName: string;
  readonly onQueued: () => void;
}

/** How long typing may pause before the draft is written (a keystroke never waits on it). */
const DRAFT_SAVE_DELAY_MS = 300;

/**
 * A plain reply field: the draft is stored as the user types and restored after a reload; "Add to
 * outbox" moves it to the outbox, where it waits to be sent once.
 */
export const ReplyField = forwardRef<HTMLTextAreaElement, Props>(function ReplyField(
  { answering, answeringName, onQueued },
  ref,
) {
  const db = useDatabase();
  const stored = useLiveQuery(() => readDraft(db, answering.id), [db, answering.id]);
  const [text, setText] = useState<string | null>(null);
  const timer = useRef<number | null>(null);

  useEffect(() => setText(null), [answering.id]);
  const value = text ?? stored?.text ?? '';

  const onChange = (next: string): void => {
    setText(next);
    if (timer.current !== null) window.clearTimeout(timer.current);
    timer.current = window.setTimeout(
      () => void saveDraft(db, answering, next, Date.now()),
      DRAFT_SAVE_DELAY_MS,
    );
  };

  const queue = async (): Promise<void> => {
    if (timer.current !== null) window.clearTimeout(timer.current);
    await saveDraft(db, answering, value, Date.now());
    await queueDraft(db, answering, value, Date.now());
    setText('');
    onQueued();
  };

  return (
    <form
      className="reply"
      onSubmit={(event) => {
        event.preventDefault();
        void queue();
      }}
    >
      <label className="field">
        <span>Your reply to {answeringName}</span>
        <textarea
          ref={ref}
          rows={4}
          spellCheck
          value={value}
          onChange={(event) => onChange(event.target.value)}
          onBlur={() => {
            if (text !== null) void saveDraft(db, answering, text, Date.now());
          }}
          onKeyDown={(event) => {
            if (event.key === 'Escape') (event.target as HTMLTextAreaElement).blur();
          }}
        />
      </label>
      <div className="reply__actions">
        <span className="reply__hint">{stored !== undefined ? 'Draft saved' : ''}</span>
        <button type="submit" className="button button--primary" disabled={value.trim() === ''}>
          Add to outbox
        </button>
      </div>
    </form>
  );
});
