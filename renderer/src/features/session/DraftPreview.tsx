import { useLiveQuery } from 'dexie-react-hooks';
import type { Post } from '@shared/domain';
import { snippetOf } from '@shared/threads/thread-labels';
import { useDatabase } from '../../app/database-context';
import { readDraft } from '../../db/repositories/replies';

interface Props {
  readonly answering: Post;
  readonly answeringName: string;
  readonly onOpen: () => void;
}

/** Below a conversation: the draft begun for it, or the way into the composer. */
export function DraftPreview({ answering, answeringName, onOpen }: Props) {
  const db = useDatabase();
  // null: no draft; undefined: not read yet (nothing is shown, so nothing changes once it is).
  const draft = useLiveQuery(
    async () => (await readDraft(db, answering.id)) ?? null,
    [db, answering.id],
  );
  if (draft === undefined) return null;
  const hasDraft = draft !== null && draft.text.trim() !== '';
  return (
    <section className="draft-preview" aria-label="Your reply">
      {hasDraft ? (
        <p className="draft-preview__text">
          Your draft to {answeringName}: “{snippetOf(draft.text, 200)}”
        </p>
      ) : null}
      <button type="button" className="button" onClick={onOpen} aria-keyshortcuts="r">
        {hasDraft ? 'Continue your reply' : `Write a reply to ${answeringName}`}
      </button>
    </section>
  );
}
