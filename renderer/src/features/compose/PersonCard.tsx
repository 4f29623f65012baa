import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useState } from 'react';
import { PenLine } from 'lucide-react';
import type { Person } from '@shared/domain';
import { newConversationDraftId } from '@shared/domain/draft';
import { noteWriteAheadKey, type NoteWriteAhead } from '@shared/drafts/write-ahead-entry';
import { nameOf } from '@shared/threads/thread-labels';
import { useDatabase } from '../../app/database-context';
import { useAccountMarks } from '../../accounts/use-account-marks';
import { pastConversations } from '../../db/repositories/composer-context';
import { withLinkedNotes } from '../../db/repositories/person-links';
import { AccountMark } from '../../ui/AccountMark';
import { Avatar } from '../../ui/Avatar';
import { releasedUpTo } from '../../db/repositories/released';
import { formatPostTime } from '../../ui/format-time';
import { useKeptStatus, useKeptWriting } from '../../drafts/use-kept-writing';
import { useUiStore } from '../../state/ui-store';
import { KeepInTouch } from './KeepInTouch';
import { SamePerson } from './SamePerson';

interface Props {
  readonly person: Person;
  /** The conversation being answered (its earlier ones are listed), or a new conversation's draft id. */
  readonly threadId: string;
  readonly now: number;
}

const NOTES_SAVE_DELAY_MS = 400;

/**
 * Who the user is writing to: which of the user's accounts knows them, the user's own private
 * notes about them and how often to keep in touch (editable here, kept only on this machine),
 * the same person on the user's other accounts, and their earlier conversations from the local
 * store; and a way to write to them first (a new conversation).
 */
export const PersonCard = memo(function PersonCard({ person, threadId, now }: Props) {
  const db = useDatabase();
  const openComposer = useUiStore((s) => s.openComposer);
  // In a new conversation with them already: no button to start one.
  const writingTo = threadId === newConversationDraftId(person.id);
  const name = nameOf(person);
  const past = useLiveQuery(
    async () => pastConversations(db, person.id, threadId, await releasedUpTo(db)),
    [db, person.id, threadId],
  );
  const [notes, setNotes] = useState(person.notes);
  const toEntry = useCallback(
    (value: string, now: number): NoteWriteAhead => ({
      kind: 'note',
      personId: person.id,
      notes: value,
      updatedAt: now,
    }),
    [person.id],
  );
  const saver = useKeptWriting(noteWriteAheadKey(person.id), toEntry, NOTES_SAVE_DELAY_MS);
  const saved = useKeptStatus(noteWriteAheadKey(person.id));
  const onNotes = (value: string): void => {
    setNotes(value);
    saver.changed(value);
  };
  const accounts = useAccountMarks();
  const account = accounts?.get(person.accountId);
  // A link made or ended changes which notes apply: show those (what was typed is stored first).
  const reloadNotes = (): void => {
    void (async () => {
      await saver.flush();
      const stored = await db.people.get(person.id);
      if (stored !== undefined) setNotes((await withLinkedNotes(db, stored)).notes);
    })();
  };

  return (
    <aside className="person-card" aria-label={`About ${name}`}>
      <Avatar name={name} url={person.avatarUrl} size="large" className="person-card__face" />
      <h2 className="person-card__name">{name}</h2>
      <p className="person-card__handle">{person.handle}</p>
      {account === undefined ? null : (
        <p className="person-card__account">
          <AccountMark account={account} relation="via" />
        </p>
      )}
      {writingTo ? null : (
        <p className="person-card__write">
          <button
            type="button"
            className="button"
            onClick={() => openComposer(newConversationDraftId(person.id))}
          >
            <PenLine className="icon" aria-hidden="true" />
            Write to {name}
          </button>
        </p>
      )}
      <label className="field">
        <span>Your private notes about {name}</span>
        <textarea
          rows={4}
          spellCheck
          value={notes}
          placeholder="Where you met, what matters to them…"
          onChange={(event) => onNotes(event.target.value)}
        />
      </label>
      <p className="person-card__hint" role="status">
        {saved.state === 'failed'
          ? `Could not save the notes yet (${saved.error ?? 'unknown error'}). They are kept on this computer, and Slowpost will try again.`
          : saved.state === 'pending'
            ? 'Saving… (only on this computer; never sent)'
            : 'Saved only on this computer; never sent.'}
      </p>
      <KeepInTouch personId={person.id} name={name} />
      {accounts === null ? null : (
        <SamePerson person={person} accounts={accounts} onLinksChanged={reloadNotes} />
      )}
      <h3 className="person-card__subheading">Earlier conversations</h3>
      {past === undefined ? null : past.length === 0 ? (
        <p className="person-card__empty">No earlier conversations on this computer.</p>
      ) : (
        <ul className="person-card__past">
          {past.map((conversation) => (
            <li key={conversation.threadId}>
              {conversation.theirLastLine.startsWith(
                conversation.subject.replace(/…$/, ''),
              ) ? null : (
                <p className="person-card__subject">{conversation.subject}</p>
              )}
              <p className="person-card__line">{conversation.quote}</p>
              <p className="person-card__meta">
                {formatPostTime(conversation.lastAt, now)}
                {conversation.youReplied ? ' · you replied' : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </aside>
  );
});
