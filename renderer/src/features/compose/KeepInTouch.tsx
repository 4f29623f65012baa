import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../app/database-context';
import { withLinkedNotes, writeKeepInTouch } from '../../db/repositories/person-links';

const CADENCES: readonly { readonly days: number; readonly label: string }[] = [
  { days: 7, label: 'Every week' },
  { days: 14, label: 'Every two weeks' },
  { days: 30, label: 'Every month' },
  { days: 90, label: 'Every three months' },
];

/** How often the user wants to be in touch with a person (on their link when linked). */
export function KeepInTouch({
  personId,
  name,
}: {
  readonly personId: string;
  readonly name: string;
}) {
  const db = useDatabase();
  const days = useLiveQuery(async () => {
    const person = await db.people.get(personId);
    return person === undefined ? null : (await withLinkedNotes(db, person)).keepInTouchDays;
  }, [db, personId]);
  if (days === undefined) return null;
  const choices =
    days === null || CADENCES.some((c) => c.days === days)
      ? CADENCES
      : [...CADENCES, { days, label: `Every ${days} days` }];
  return (
    <label className="field person-card__cadence">
      <span>Keep in touch with {name}</span>
      <select
        value={days === null ? '' : String(days)}
        onChange={(event) =>
          void writeKeepInTouch(
            db,
            personId,
            event.target.value === '' ? null : Number(event.target.value),
          )
        }
      >
        <option value="">No reminder</option>
        {choices.map((c) => (
          <option key={c.days} value={c.days}>
            {c.label}
          </option>
        ))}
      </select>
    </label>
  );
}
