import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { cadenceLabel, lastInTouchLabel } from '@shared/keep-in-touch';
import { quoteOf } from '@shared/threads/thread-labels';
import { useAccountMarks } from '../../accounts/use-account-marks';
import { useDatabase } from '../../app/database-context';
import { keptInTouch, keptName, type KeptInTouch } from '../../db/repositories/keep-in-touch';
import { writeKeepInTouch } from '../../db/repositories/person-links';
import { AccountMark } from '../../ui/AccountMark';
import { CadencePicker } from './CadencePicker';

/**
 * Everyone the user keeps in touch with: how often, and when they were last in touch (about
 * what). Each can be changed, or let go, here; a person is added from their card in the composer.
 */
export function KeepInTouchList({ now }: { readonly now: number }) {
  const db = useDatabase();
  const kept = useLiveQuery(() => keptInTouch(db), [db]);
  return (
    <section className="replies__section" aria-labelledby="keep-in-touch-list-heading">
      <h2 id="keep-in-touch-list-heading">Keeping in touch</h2>
      {kept === undefined ? null : kept.length === 0 ? (
        <p className="replies__empty">
          Nobody yet. When you write to someone, their card lets you choose how often you would like
          to be in touch.
        </p>
      ) : (
        <ul className="replies__list kept-list">
          {kept.map((entry) => (
            <KeptRow key={entry.kept.key} entry={entry} now={now} />
          ))}
        </ul>
      )}
    </section>
  );
}

function KeptRow({ entry, now }: { readonly entry: KeptInTouch; readonly now: number }) {
  const db = useDatabase();
  const accounts = useAccountMarks();
  const [changing, setChanging] = useState(false);
  const name = keptName(entry);
  const personId = entry.person.id;
  const account = accounts?.get(entry.person.accountId);
  const write = (days: number | null): void => {
    setChanging(false);
    void writeKeepInTouch(db, personId, days, Date.now());
  };
  return (
    <li className="replies__item">
      <div className="replies__text">
        <p className="replies__who">{name}</p>
        {account === undefined ? null : (
          <p className="replies__account">
            <AccountMark account={account} />
          </p>
        )}
        <p className="replies__line">
          {cadenceLabel(entry.kept.cadenceDays)} ·{' '}
          {entry.last === null
            ? 'not in touch yet on this computer'
            : `last in touch ${lastInTouchLabel(entry.last.at, now)}`}
        </p>
        {entry.about === null || entry.about === '' ? null : (
          <p className="replies__meta">About {quoteOf(entry.about, 120)}</p>
        )}
        {changing ? (
          <CadencePicker
            label={`Keep in touch with ${name}`}
            days={entry.kept.cadenceDays}
            autoFocus
            onChange={write}
          />
        ) : null}
      </div>
      <div className="replies__actions">
        <button
          type="button"
          className="button"
          aria-expanded={changing}
          onClick={() => setChanging((open) => !open)}
        >
          Change how often<span className="visually-hidden"> ({name})</span>
        </button>
        <button type="button" className="button button--quiet" onClick={() => write(null)}>
          Stop keeping in touch<span className="visually-hidden"> with {name}</span>
        </button>
      </div>
    </li>
  );
}
