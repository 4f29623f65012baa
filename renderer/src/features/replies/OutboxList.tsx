import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { outboxStatus } from '../../../../shared/outbox/outbox-status';
import { nameOf, snippetOf } from '../../../../shared/threads/thread-labels';
import { useDatabase } from '../../app/database-context';
import { outboxItems } from '../../db/repositories/replies-overview';
import { useOutbox } from '../../outbox/outbox-context';
import { editAsDraft, retryReply, takeBack, type ActionResult } from '../../outbox/reply-actions';
import { useOnline } from '../../outbox/use-online';
import { useUiStore } from '../../state/ui-store';
import { formatClockTime } from '../../ui/format-time';
import { useNow } from '../../ui/use-now';

/** The outbox, in plain words: waiting, sending, sent, or needs attention (and why). */
export function OutboxList() {
  const db = useDatabase();
  const outbox = useOutbox();
  const openComposer = useUiStore((s) => s.openComposer);
  const online = useOnline();
  const now = useNow(1000);
  const items = useLiveQuery(() => outboxItems(db, Date.now()), [db]);
  const [problem, setProblem] = useState<string | null>(null);

  const run = async (action: () => Promise<ActionResult>): Promise<void> => {
    const result = await action();
    setProblem(result.ok ? null : result.message);
  };

  /** The reply is a draft again: open it in the composer. */
  const backToComposer = (action: Promise<ActionResult>): Promise<void> =>
    run(async () => {
      const result = await action;
      if (result.ok) openComposer(result.postId);
      return result;
    });

  return (
    <section className="replies__section" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">Outbox</h2>
      {problem !== null ? <p role="alert">{problem}</p> : null}
      {items === undefined ? null : items.length === 0 ? (
        <p className="replies__empty">The outbox is empty.</p>
      ) : (
        <ul className="replies__list" aria-label="Replies in the outbox">
          {items.map(({ entry, recipient }) => {
            const status = outboxStatus(entry, { now, online, clockTime: formatClockTime });
            const name = recipient === undefined ? 'someone' : nameOf(recipient);
            return (
              <li
                key={entry.id}
                className={`replies__item outbox--${entry.state}`}
                aria-label={`To ${name}: ${status.label}`}
              >
                <div className="replies__text">
                  <p className="replies__who">
                    To {name} · <strong className="outbox__state">{status.label}</strong>
                  </p>
                  <p className="replies__draft">“{snippetOf(entry.text, 200)}”</p>
                  <p className="replies__meta">{status.detail}</p>
                </div>
                <div className="replies__actions">
                  {status.canTakeBack ? (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void backToComposer(takeBack(db, outbox, entry.id))}
                    >
                      Take back
                    </button>
                  ) : null}
                  {status.canRetry ? (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void run(() => retryReply(outbox, entry))}
                    >
                      Try again
                    </button>
                  ) : null}
                  {status.canEdit ? (
                    <button
                      type="button"
                      className="button"
                      onClick={() => void backToComposer(editAsDraft(db, outbox, entry.id))}
                    >
                      Edit as a draft
                    </button>
                  ) : null}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
