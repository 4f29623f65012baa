import { useLiveQuery } from 'dexie-react-hooks';
import { htmlToVisibleText } from '@shared/text/html-to-text';
import { nameOf, quoteOf, snippetOf } from '@shared/threads/thread-labels';
import { useAccountMarks } from '../../accounts/use-account-marks';
import { useDatabase } from '../../app/database-context';
import { AccountMark } from '../../ui/AccountMark';
import { waitingReplies } from '../../db/repositories/replies-overview';
import { useUiStore } from '../../state/ui-store';
import { formatPostTime } from '../../ui/format-time';

/** Every conversation waiting for a considered reply, with the draft begun for it. */
export function WaitingList({ now }: { readonly now: number }) {
  const db = useDatabase();
  const openComposer = useUiStore((s) => s.openComposer);
  const waiting = useLiveQuery(() => waitingReplies(db), [db]);
  const accounts = useAccountMarks();
  return (
    <section className="replies__section" aria-labelledby="reply-later-heading">
      <h2 id="reply-later-heading">Reply later</h2>
      {waiting === undefined ? null : waiting.length === 0 ? (
        <p className="replies__empty">
          Nothing waits for a considered reply. Press <kbd>l</kbd> in a session to save a
          conversation for later.
        </p>
      ) : (
        <ul className="replies__list">
          {waiting.map((item) => {
            const name = item.author === undefined ? 'Someone' : nameOf(item.author);
            const account = accounts?.get(item.thread.accountId);
            return (
              <li key={item.thread.id} className="replies__item">
                <div className="replies__text">
                  <p className="replies__who">{name}</p>
                  {account === undefined ? null : (
                    <p className="replies__account">
                      <AccountMark account={account} />
                    </p>
                  )}
                  <p className="replies__line">
                    {quoteOf(htmlToVisibleText(item.answering.contentHtml), 160)}
                  </p>
                  <p className="replies__draft">
                    {item.draft === undefined || item.draft.text.trim() === ''
                      ? 'No draft yet.'
                      : `Your draft: “${snippetOf(item.draft.text, 160)}”`}
                  </p>
                  <p className="replies__meta">
                    {item.draft === undefined
                      ? `Saved for later ${formatPostTime(item.thread.triagedAt ?? now, now)}`
                      : `Draft saved ${formatPostTime(item.draft.updatedAt, now)}`}
                  </p>
                </div>
                <button
                  type="button"
                  className="button"
                  aria-label={`${item.draft === undefined ? 'Write to' : 'Continue your reply to'} ${name}`}
                  onClick={() => openComposer(item.answering.id)}
                >
                  {item.draft === undefined ? 'Write reply' : 'Continue'}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
