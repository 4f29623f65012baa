import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../app/database-context';
import { outboxItems } from '../../db/repositories/replies-overview';
import { OutboxEntryRow } from './OutboxEntryRow';
import { UnreadableOutboxRow } from './UnreadableOutboxRow';

/**
 * The outbox, in plain words: waiting, sending, sent, or needs attention (and why). Rows the app
 * cannot read are listed first, as needing attention, with whatever text they hold.
 */
export function OutboxList() {
  const db = useDatabase();
  const items = useLiveQuery(() => outboxItems(db, Date.now()), [db]);
  return (
    <section className="replies__section" aria-labelledby="outbox-heading">
      <h2 id="outbox-heading">Outbox</h2>
      {items === undefined ? null : items.length === 0 ? (
        <p className="replies__empty">The outbox is empty.</p>
      ) : (
        <ul className="replies__list" aria-label="Replies in the outbox">
          {items.map((item) =>
            item.kind === 'entry' ? (
              <OutboxEntryRow key={item.entry.id} entry={item.entry} recipient={item.recipient} />
            ) : (
              <UnreadableOutboxRow key={item.id} item={item} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}
