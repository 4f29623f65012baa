import { useState } from 'react';
import { nameOf, snippetOf } from '@shared/threads/thread-labels';
import { useDatabase } from '../../app/database-context';
import {
  removeUnreadableRow,
  restoreUnreadableRow,
  type UnreadableOutboxItem,
} from '../../db/repositories/replies-overview';
import { useUiStore } from '../../state/ui-store';

/**
 * An outbox row Slowpost cannot read (damaged, or written by a newer version). It is never sent.
 * Its text, if any, is shown so nothing the user wrote is lost; it can become a draft again, or,
 * when it holds too little to be one, be removed after a confirmation.
 */
export function UnreadableOutboxRow({ item }: { readonly item: UnreadableOutboxItem }) {
  const db = useDatabase();
  const openComposer = useUiStore((s) => s.openComposer);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const name = item.recipient === undefined ? 'someone' : nameOf(item.recipient);

  const attempt = async (action: () => Promise<void>): Promise<void> => {
    try {
      await action();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };

  return (
    <li
      className="replies__item outbox--needs-attention"
      aria-label={`To ${name}: Needs attention (cannot be read)`}
    >
      <div className="replies__text">
        <p className="replies__who">
          To {name} · <strong className="outbox__state">Needs attention</strong>
        </p>
        {item.text !== null && item.text.trim() !== '' ? (
          <p className="replies__draft">“{snippetOf(item.text, 400)}”</p>
        ) : (
          <p className="replies__draft">This reply holds no text.</p>
        )}
        <p className="replies__meta">
          Slowpost cannot read this reply’s record, so it will not send it. It may or may not have
          been posted already: look in the conversation before you send it again.
        </p>
        <details className="outbox__details">
          <summary>What is wrong with it</summary>
          <p>{item.problem}</p>
        </details>
        {problem !== null ? <p role="alert">{problem}</p> : null}
      </div>
      <div className="replies__actions">
        {item.canRestore ? (
          <button
            type="button"
            className="button"
            onClick={() =>
              void attempt(async () => {
                const draft = await restoreUnreadableRow(db, item.id, Date.now());
                openComposer(draft.id);
              })
            }
          >
            Edit as a draft
          </button>
        ) : confirming ? (
          <span className="outbox__confirm" role="group" aria-label="Remove this reply?">
            <button
              type="button"
              className="button"
              onClick={() => void attempt(() => removeUnreadableRow(db, item.id))}
            >
              Remove
            </button>
            <button
              type="button"
              className="button button--quiet"
              autoFocus
              onClick={() => setConfirming(false)}
            >
              Keep
            </button>
          </span>
        ) : (
          <button type="button" className="button" onClick={() => setConfirming(true)}>
            Remove from the outbox…
          </button>
        )}
      </div>
    </li>
  );
}
