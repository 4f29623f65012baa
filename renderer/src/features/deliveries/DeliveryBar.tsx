import type { Delivery } from '../../../../shared/domain';
import { useDatabase } from '../../app/database-context';
import { closeOpenDeliveries } from '../../db/repositories/deliveries';
import { conversationsLabel, deliveryTitle } from './delivery-labels';

/** The open delivery: what it is, what it brought, and the way to close the inbox again. */
export function DeliveryBar({
  deliveries,
  conversations,
}: {
  deliveries: readonly Delivery[];
  conversations: number;
}) {
  const db = useDatabase();
  const latest = deliveries[deliveries.length - 1];
  if (latest === undefined) return null;
  return (
    <section className="delivery-bar" aria-label="This delivery">
      <p className="delivery-bar__title">
        <strong>{deliveryTitle(latest)}</strong>
        {deliveries.length > 1 ? ' (with the earlier one you have not closed)' : ''} ·{' '}
        {conversationsLabel(conversations)}
      </p>
      <button
        type="button"
        className="button"
        onClick={() => void closeOpenDeliveries(db, Date.now())}
      >
        Close until the next delivery
      </button>
    </section>
  );
}
