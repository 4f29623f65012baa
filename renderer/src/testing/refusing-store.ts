import type { DBCore, DBCoreMutateRequest, DBCoreTable, Middleware } from 'dexie';
import type { SlowpostDatabase } from '../db/database';

/** Why the store refuses a write, if it does: the error's name, as IndexedDB would name it. */
export type Refusal = (table: string, value: unknown) => string | null;

/**
 * Makes a test store refuse writes as a real IndexedDB can: a record it will not take (a
 * `ConstraintError`), or the database itself failing (`QuotaExceededError`, `UnknownError`).
 * A Dexie middleware over the real (fake-indexeddb) store, so a refused write aborts its real
 * transaction. Call it before the store opens.
 */
export function refuseWrites(db: SlowpostDatabase, refusal: Refusal): void {
  const middleware: Middleware<DBCore> = {
    stack: 'dbcore',
    name: 'refuse-writes',
    create: (down) => ({
      ...down,
      table: (name: string): DBCoreTable => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request: DBCoreMutateRequest) => {
            if (request.type === 'add' || request.type === 'put') {
              for (const value of request.values) {
                const error = refusal(name, value);
                if (error !== null) {
                  return Promise.reject(new DOMException(`${name} refused a record`, error));
                }
              }
            }
            return table.mutate(request);
          },
        };
      },
    }),
  };
  db.use(middleware);
}
