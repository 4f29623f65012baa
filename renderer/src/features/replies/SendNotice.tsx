import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useEffect, useState } from 'react';
import { outboxStatus } from '@shared/outbox/outbox-status';
import { useDatabase } from '../../app/database-context';
import { readableEntry } from '../../db/repositories/dexie-outbox-store';
import { useOutbox } from '../../outbox/outbox-context';
import { takeBack } from '../../outbox/reply-actions';
import { useOnline } from '../../outbox/use-online';
import { StatusIcon } from './StatusIcon';
import { useUiStore } from '../../state/ui-store';
import { formatClockTime } from '../../ui/format-time';
import { useNow } from '../../ui/use-now';

/** How long the "sent" line stays before the notice goes away by itself. */
const SENT_NOTICE_MS = 6_000;

/**
 * The quiet line after a reply is queued: when it goes out, with Undo while it has never left
 * this computer (the cooling-off delay, or offline), then "sent" or what needs attention.
 * `docked`: drawn as the composer's last row, so it covers none of the next reply's choices.
 */
export const SendNotice = memo(function SendNotice({
  docked = false,
}: {
  readonly docked?: boolean;
}) {
  const db = useDatabase();
  const outbox = useOutbox();
  const queued = useUiStore((s) => s.queued);
  const setQueued = useUiStore((s) => s.setQueued);
  const openComposer = useUiStore((s) => s.openComposer);
  const online = useOnline();
  const entry = useLiveQuery(
    async () =>
      queued === null ? null : (readableEntry(await db.outbox.get(queued.entryId)) ?? null),
    [db, queued],
  );
  const ticking = entry?.state === 'waiting';
  const now = useNow(1000, ticking);
  const [problem, setProblem] = useState<string | null>(null);

  const state = entry?.state;
  useEffect(() => {
    if (state !== 'sent' && state !== 'cancelled') return;
    const timer = window.setTimeout(() => setQueued(null), SENT_NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [state, setQueued]);
  useEffect(() => setProblem(null), [queued]);

  if (queued === null || entry == null || entry.state === 'cancelled') return null;
  const status = outboxStatus(entry, { now, online, clockTime: formatClockTime });
  const whom = queued.recipientName;
  // A new conversation is a message; anything else answers a post.
  const what = entry.inReplyToPostId === null ? 'message' : 'reply';
  let line: string;
  if (entry.state === 'sent') line = `Your ${what} to ${whom} was sent.`;
  else if (entry.state === 'needs-attention')
    line = `Your ${what} to ${whom} needs attention: ${status.detail}`;
  else if (entry.state === 'sending') line = `Sending your ${what} to ${whom}…`;
  else line = `Your ${what} to ${whom}: ${status.detail}`;

  const undo = async (): Promise<void> => {
    const result = await takeBack(db, outbox, entry.id, queued.threadBefore);
    if (!result.ok) {
      setProblem(result.message);
      return;
    }
    setQueued(null);
    openComposer(result.draftId);
  };

  return (
    <section
      className={docked ? 'send-notice send-notice--docked' : 'send-notice'}
      aria-label="Reply on its way"
    >
      <StatusIcon state={entry.state} online={online} />
      <p role="status">{line}</p>
      {problem !== null ? <p role="alert">{problem}</p> : null}
      <div className="send-notice__actions">
        {status.canTakeBack ? (
          <button type="button" className="button" onClick={() => void undo()}>
            Undo send
          </button>
        ) : null}
        <button type="button" className="button button--quiet" onClick={() => setQueued(null)}>
          Dismiss
        </button>
      </div>
    </section>
  );
});
