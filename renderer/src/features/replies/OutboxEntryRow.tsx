import { useState } from 'react';
import type { OutboxEntry, Person } from '@shared/domain';
import { outboxStatus } from '@shared/outbox/outbox-status';
import { nameOf, snippetOf } from '@shared/threads/thread-labels';
import { useAccountMarks } from '../../accounts/use-account-marks';
import { useDatabase } from '../../app/database-context';
import { AccountMark } from '../../ui/AccountMark';
import { useOutbox } from '../../outbox/outbox-context';
import {
  checkPosted,
  editAnyway,
  editAsDraft,
  retryReply,
  takeBack,
  type ActionResult,
  type EditResult,
} from '../../outbox/reply-actions';
import { useOnline } from '../../outbox/use-online';
import { StatusIcon } from './StatusIcon';
import { useUiStore } from '../../state/ui-store';
import { formatClockTime } from '../../ui/format-time';
import { useNow } from '../../ui/use-now';

type Note =
  | { readonly kind: 'problem'; readonly text: string }
  | { readonly kind: 'posted'; readonly text: string }
  /** The network could not say whether it was posted: check again, or edit anyway. */
  | { readonly kind: 'may-be-posted'; readonly text: string };

/**
 * One reply in the outbox, with the actions that make sense for it now. "Edit as a draft" of a
 * reply an earlier attempt may have posted asks the network first; when it cannot, the row says
 * so plainly and offers to check again, or to edit it anyway.
 */
export function OutboxEntryRow({
  entry,
  recipient,
}: {
  readonly entry: OutboxEntry;
  readonly recipient: Person | undefined;
}) {
  const db = useDatabase();
  const outbox = useOutbox();
  const openComposer = useUiStore((s) => s.openComposer);
  const online = useOnline();
  const now = useNow(1000);
  const [note, setNote] = useState<Note | null>(null);
  const [busy, setBusy] = useState(false);
  const status = outboxStatus(entry, { now, online, clockTime: formatClockTime });
  const name = recipient === undefined ? 'someone' : nameOf(recipient);
  const account = useAccountMarks()?.get(entry.accountId);

  const act = async (action: () => Promise<void>): Promise<void> => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };

  /** The reply is a draft again: open it; or say why not. */
  const toComposer = (action: () => Promise<ActionResult>) =>
    act(async () => {
      const result = await action();
      if (result.ok) openComposer(result.draftId);
      else setNote({ kind: 'problem', text: result.message });
    });

  const show = (result: EditResult): void => {
    switch (result.kind) {
      case 'draft':
        setNote(null);
        openComposer(result.draftId);
        return;
      case 'posted':
        setNote({
          kind: 'posted',
          text: `Your reply to ${name} had been posted after all. It is in the conversation now, once.`,
        });
        return;
      case 'not-posted':
        setNote({
          kind: 'problem',
          text: 'It is not posted. Try again, or edit it as a draft.',
        });
        return;
      case 'cannot-check':
        setNote({ kind: 'may-be-posted', text: result.message });
        return;
      case 'failed':
        setNote({ kind: 'problem', text: result.message });
    }
  };

  return (
    <li
      className={`replies__item outbox--${entry.state}`}
      aria-label={`To ${name}: ${status.label}`}
    >
      <div className="replies__text">
        <p className="replies__who">
          To {name} ·{' '}
          <strong className="outbox__state">
            <StatusIcon state={entry.state} online={online} />
            {status.label}
          </strong>
        </p>
        {account === undefined ? null : (
          <p className="replies__account">
            <AccountMark account={account} relation="from" />
          </p>
        )}
        <p className="replies__draft">“{snippetOf(entry.text, 200)}”</p>
        <p className="replies__meta">{status.detail}</p>
        {note === null ? null : note.kind === 'posted' ? (
          <p className="outbox__note" role="status">
            {note.text}
          </p>
        ) : (
          <div className="outbox__note" role="alert">
            <p>{note.text}</p>
            {note.kind === 'may-be-posted' ? (
              <p>
                If you edit it now and send it again, it may be posted twice. Checking again once
                the server can be reached is safer.
              </p>
            ) : null}
          </div>
        )}
      </div>
      <div className="replies__actions">
        {status.canTakeBack ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void toComposer(() => takeBack(db, outbox, entry.id))}
          >
            Take back
          </button>
        ) : null}
        {status.canRetry ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() =>
              void act(async () => {
                const result = await retryReply(outbox, entry);
                setNote(result.ok ? null : { kind: 'problem', text: result.message });
              })
            }
          >
            Try again
          </button>
        ) : null}
        {note?.kind === 'may-be-posted' ? (
          <>
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={() => void act(async () => show(await checkPosted(outbox, entry.id)))}
            >
              Check again
            </button>
            <button
              type="button"
              className="button button--quiet"
              disabled={busy}
              onClick={() => void toComposer(() => editAnyway(db, outbox, entry.id))}
            >
              Edit anyway
            </button>
          </>
        ) : status.canEdit ? (
          <button
            type="button"
            className="button"
            disabled={busy}
            onClick={() => void act(async () => show(await editAsDraft(db, outbox, entry.id)))}
          >
            {busy && entry.outcomeUnknown ? 'Checking…' : 'Edit as a draft'}
          </button>
        ) : null}
      </div>
    </li>
  );
}
