import type { SchemaVersion } from './schema-version';

/**
 * Version 6: conversations a session left untouched come back with the next delivery.
 * - `carryOvers`, by delivery id: what a delivery brings back (the empty id: what waits for the
 *   next one). Kept apart from `deliveries`, whose newest records are read on every triage:
 *   those stay small however much waits.
 * - Every delivery records how many conversations it brought back; older ones brought none.
 */
export const v6: SchemaVersion = {
  version: 6,
  stores: {
    carryOvers: 'deliveryId',
  },
  async upgrade(transaction) {
    await transaction
      .table('deliveries')
      .toCollection()
      .modify((delivery: { carriedCount?: number }) => {
        delivery.carriedCount ??= 0;
      });
  },
};
