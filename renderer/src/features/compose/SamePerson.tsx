import { useLiveQuery } from 'dexie-react-hooks';
import { useDeferredValue, useId, useState } from 'react';
import type { Person } from '@shared/domain';
import { nameOf } from '@shared/threads/thread-labels';
import { accountViaLabel, type MarkedAccount } from '../../accounts/account-mark';
import { useDatabase } from '../../app/database-context';
import {
  linkCandidates,
  linkPeople,
  linkedPeople,
  unlinkPerson,
} from '../../db/repositories/person-links';
import { AccountMark } from '../../ui/AccountMark';

interface Props {
  readonly person: Person;
  readonly accounts: ReadonlyMap<string, MarkedAccount>;
  /** After a link is made or ended: the notes that now apply may have changed. */
  readonly onLinksChanged: () => void;
}

/**
 * "This is the same person": the people of the user's other accounts this one is linked with,
 * a way to unlink each, and a search to link one more (by name or handle).
 */
export function SamePerson({ person, accounts, onLinksChanged }: Props) {
  const db = useDatabase();
  const ids = useId();
  const name = nameOf(person);
  const linked = useLiveQuery(() => linkedPeople(db, person.id), [db, person.id]);
  const [searching, setSearching] = useState(false);
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  const candidates = useLiveQuery(
    () => (searching ? linkCandidates(db, person, deferredQuery, 8) : []),
    [db, person, searching, deferredQuery],
  );
  const [problem, setProblem] = useState<string | null>(null);

  const link = async (other: Person): Promise<void> => {
    const outcome = await linkPeople(db, person.id, other.id, Date.now());
    if (!outcome.ok) {
      setProblem(outcome.reason);
      return;
    }
    setProblem(null);
    setSearching(false);
    setQuery('');
    onLinksChanged();
  };
  const unlink = async (other: Person): Promise<void> => {
    // The other leaves; a link left with this person alone ends.
    await unlinkPerson(db, other.id);
    onLinksChanged();
  };

  if (linked === undefined) return null;
  return (
    <section className="same-person" aria-labelledby={`${ids}-heading`}>
      <h3 id={`${ids}-heading`} className="person-card__subheading">
        Same person elsewhere
      </h3>
      {linked.length === 0 ? null : (
        <>
          <ul className="same-person__list">
            {linked.map((other) => {
              const account = accounts.get(other.accountId);
              return (
                <li key={other.id} className="same-person__item">
                  <span className="same-person__who">
                    <span>{nameOf(other)}</span>
                    <span className="person-card__handle">{other.handle}</span>
                    {account === undefined ? null : (
                      <AccountMark account={account} relation="via" />
                    )}
                  </span>
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={`Unlink ${whoLabel(other, account)}`}
                    onClick={() => void unlink(other)}
                  >
                    Unlink
                  </button>
                </li>
              );
            })}
          </ul>
          <p className="person-card__hint">
            Your notes and keep-in-touch apply to {name} on every linked account.
          </p>
        </>
      )}
      {searching ? (
        <div className="same-person__search" role="group" aria-label="Link the same person">
          <label className="field">
            <span>Find {name} on your other accounts</span>
            <input
              type="search"
              value={query}
              autoFocus
              autoComplete="off"
              spellCheck={false}
              placeholder="Name or handle"
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => {
                if (event.key === 'Escape') {
                  // Closes the search, not the composer.
                  event.preventDefault();
                  event.stopPropagation();
                  setSearching(false);
                }
              }}
            />
          </label>
          {candidates === undefined ? null : candidates.length === 0 ? (
            <p className="person-card__empty">Nobody by that name on your other accounts.</p>
          ) : (
            <ul className="same-person__list">
              {candidates.map((other) => {
                const account = accounts.get(other.accountId);
                return (
                  <li key={other.id} className="same-person__item">
                    <span className="same-person__who">
                      <span>{nameOf(other)}</span>
                      <span className="person-card__handle">{other.handle}</span>
                      {account === undefined ? null : (
                        <AccountMark account={account} relation="via" />
                      )}
                    </span>
                    <button
                      type="button"
                      className="button"
                      aria-label={`Link ${whoLabel(other, account)}`}
                      onClick={() => void link(other)}
                    >
                      Link
                    </button>
                  </li>
                );
              })}
            </ul>
          )}
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setSearching(false)}
          >
            Cancel
          </button>
        </div>
      ) : (
        <button type="button" className="button" onClick={() => setSearching(true)}>
          This is the same person as…
        </button>
      )}
      {problem === null ? null : (
        <p role="alert" className="problems">
          {problem}
        </p>
      )}
    </section>
  );
}

/** "Mira C. (mira.bsky.social, via robin.bsky.social on Bluesky)": one among namesakes. */
function whoLabel(person: Person, account: MarkedAccount | undefined): string {
  const via = account === undefined ? '' : `, ${accountViaLabel(account)}`;
  return `${nameOf(person)} (${person.handle}${via})`;
}
