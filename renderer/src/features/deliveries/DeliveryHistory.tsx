import { useLiveQuery } from 'dexie-react-hooks';
import { useDatabase } from '../../app/database-context';
import { deliveryHistory } from '../../db/repositories/deliveries';
import { Dialog } from '../../ui/Dialog';
import { formatFullTime } from '../../ui/format-time';
import { carriedLabel, conversationsLabel, deliveryTitle } from './delivery-labels';

/** Every delivery, newest first, with early openings and their reasons. */
export function DeliveryHistory({ open, onClose }: { open: boolean; onClose: () => void }) {
  const db = useDatabase();
  const deliveries = useLiveQuery(() => (open ? deliveryHistory(db) : []), [db, open]);
  return (
    <Dialog open={open} title="Delivery history" onClose={onClose} wide>
      {deliveries === undefined || deliveries.length === 0 ? (
        <p>No deliveries yet.</p>
      ) : (
        <table className="history">
          <thead>
            <tr>
              <th scope="col">Delivery</th>
              <th scope="col">When</th>
              <th scope="col">Brought</th>
              <th scope="col">Note</th>
            </tr>
          </thead>
          <tbody>
            {deliveries.map((delivery) => (
              <tr key={delivery.id}>
                <td>{deliveryTitle(delivery)}</td>
                <td>{formatFullTime(delivery.deliveredAt)}</td>
                <td>
                  {conversationsLabel(delivery.conversationCount)}
                  {delivery.carriedCount > 0 ? (
                    <span className="history__carried">{carriedLabel(delivery.carriedCount)}</span>
                  ) : null}
                </td>
                <td>
                  {delivery.openedEarly !== null
                    ? `Opened early: “${delivery.openedEarly.reason}”`
                    : delivery.missedSlots > 0
                      ? 'One catch-up for the deliveries missed while away'
                      : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="dialog__actions">
        <button type="button" className="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Dialog>
  );
}
