import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../app/database-context';
import { withLinkedNotes, writeKeepInTouch } from '../../db/repositories/person-links';
import { CadencePicker } from '../keep-in-touch/CadencePicker';

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
  return (
    <CadencePicker
      className="person-card__cadence"
      label={`Keep in touch with ${name}`}
      days={days}
      onChange={(next) => void writeKeepInTouch(db, personId, next, Date.now())}
    />
  );
}
