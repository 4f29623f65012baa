import { memo, useRef, useState } from 'react';
import { cadenceLabel, lastInTouchLabel, startOfNextWeek } from '@shared/keep-in-touch';
import { quoteOf } from '@shared/threads/thread-labels';
import { useDatabase } from '../../app/database-context';
import { keptName, type KeptInTouch } from '../../db/repositories/keep-in-touch';
import { snoozeKeepInTouch, writeKeepInTouch } from '../../db/repositories/person-links';
import { newConversationDraftId } from '@shared/domain/draft';
import { useUiStore } from '../../state/ui-store';
import { CadencePicker } from './CadencePicker';
import { localFirstDayOfWeek, localZone } from './local-week';

interface Props {
  readonly entries: readonly KeptInTouch[];
  /** The instant the nudge was made for (the delivery's opening). */
  readonly at: number;
}

/**
 * One short, calm section at the top of a session: people the user wanted to keep in touch with
 * and has not for a while (at most three), when they were last in touch and about what, and three
 * things to do: write to them, not this week, change how often. No counts, no streaks.
 */
export const KeepInTouchNudge = memo(function KeepInTouchNudge({ entries, at }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  if (entries.length === 0) return null;
  return (
    <section className="nudge" aria-labelledby="keep-in-touch-heading">
      <h2 id="keep-in-touch-heading" className="nudge__heading" ref={headingRef} tabIndex={-1}>
        Keep in touch
      </h2>
      <ul className="nudge__list">
        {entries.map((entry) => (
          <NudgeRow
            key={entry.kept.key}
            entry={entry}
            at={at}
            // The row goes away: the section keeps the focus.
            onGone={() => headingRef.current?.focus()}
          />
        ))}
      </ul>
    </section>
  );
});

function NudgeRow({
  entry,
  at,
  onGone,
}: {
  readonly entry: KeptInTouch;
  readonly at: number;
  readonly onGone: () => void;
}) {
  const db = useDatabase();
  const openComposer = useUiStore((s) => s.openComposer);
  const [changing, setChanging] = useState(false);
  const name = keptName(entry);
  const personId = entry.person.id;
  const who = <span className="visually-hidden"> ({name})</span>;
  return (
    <li className="nudge__person">
      <p className="nudge__who">{name}</p>
      <p className="nudge__when">
        {entry.last === null
          ? `Not in touch yet on this computer · ${cadenceLabel(entry.kept.cadenceDays).toLowerCase()}`
          : `Last in touch ${lastInTouchLabel(entry.last.at, at)}`}
      </p>
      {entry.about === null || entry.about === '' ? null : (
        <p className="nudge__about">{quoteOf(entry.about, 90)}</p>
      )}
      <div className="nudge__actions">
        <button
          type="button"
          className="button button--small"
          onClick={() => openComposer(newConversationDraftId(personId))}
        >
          Write to them{who}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          onClick={() => {
            onGone();
            const until = startOfNextWeek(Date.now(), localZone(), localFirstDayOfWeek());
            void snoozeKeepInTouch(db, personId, until);
          }}
        >
          Not this week{who}
        </button>
        <button
          type="button"
          className="button button--small button--quiet"
          aria-expanded={changing}
          onClick={() => setChanging((open) => !open)}
        >
          Change how often{who}
        </button>
      </div>
      {changing ? (
        <CadencePicker
          className="nudge__cadence"
          label={`Keep in touch with ${name}`}
          days={entry.kept.cadenceDays}
          autoFocus
          onChange={(days) => {
            setChanging(false);
            void writeKeepInTouch(db, personId, days, Date.now());
          }}
        />
      ) : null}
    </li>
  );
}
