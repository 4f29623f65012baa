import type {
  DBCore,
  DBCoreMutateRequest,
  DBCoreTable,
  DBCoreTransaction,
  Middleware,
} from 'dexie';
import { localId } from '@shared/domain';
import {
  SNAPSHOT_DEPS_ID,
  SNAPSHOT_HEAD_ID,
  SNAPSHOT_ROW_IDS,
} from './repositories/session-snapshot-records';
import type {
  SessionSnapshotDeps,
  SessionSnapshotHead,
} from './repositories/session-snapshot-records';

const SNAPSHOTS = 'sessionSnapshots';

type DepKind = keyof Omit<SessionSnapshotDeps, 'id' | 'version'>;

/** The tables a session snapshot is made from, and the deps each is checked against. */
const WATCHED: Readonly<Record<string, Exclude<DepKind, 'open'> | 'all'>> = {
  activity: 'activity',
  posts: 'posts',
  people: 'people',
  deliveries: 'deliveries',
  // Written at every sync; only an account that is not one of the user's selves changes it.
  accounts: 'selves',
  // What the open deliveries bring back: rarely written, so any write counts.
  carryOvers: 'all',
};

interface DepSets {
  readonly version: string;
  readonly sets: Readonly<Record<DepKind, Set<string>>>;
}

/**
 * Keeps the session snapshot true to the store, for every writer (the page, the sync worker, the
 * bench): a write to a record the snapshot was made from removes the snapshot in the same
 * transaction, so a snapshot that exists never disagrees with what it was made from. The next
 * open then reads the records themselves and makes a new one.
 *
 * Read-write transactions on the watched tables also take the snapshot table, so the check and
 * the removal happen inside them. The check costs one small read per write (the head); the ids
 * are read again only when a new snapshot was made.
 */
export const sessionSnapshotGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'session-snapshot-guard',
  create(down) {
    if (!down.schema.tables.some((t) => t.name === SNAPSHOTS)) return {};
    let cached: DepSets | null = null;
    const snapshots = down.table(SNAPSHOTS);

    const depsFor = async (trans: DBCoreTransaction): Promise<DepSets | null> => {
      const head = (await snapshots.get({ trans, key: SNAPSHOT_HEAD_ID })) as
        SessionSnapshotHead | undefined;
      if (head === undefined) return null;
      if (cached?.version === head.version) return cached;
      const deps = (await snapshots.get({ trans, key: SNAPSHOT_DEPS_ID })) as
        SessionSnapshotDeps | undefined;
      if (deps === undefined || deps.version !== head.version) return null;
      cached = {
        version: deps.version,
        sets: {
          activity: new Set(deps.activity),
          posts: new Set(deps.posts),
          people: new Set(deps.people),
          deliveries: new Set(deps.deliveries),
          open: new Set(deps.open),
          selves: new Set(deps.selves),
        },
      };
      return cached;
    };

    const guard = (table: DBCoreTable, kind: (typeof WATCHED)[string]): DBCoreTable => ({
      ...table,
      async mutate(req) {
        const result = await table.mutate(req);
        if (!hasSnapshotTable(req.trans)) return result; // an upgrade before version 9
        const deps = await depsFor(req.trans);
        if (deps !== null && touches(req, table, kind, deps)) {
          await snapshots.mutate({
            type: 'delete',
            trans: req.trans,
            keys: [...SNAPSHOT_ROW_IDS],
          });
        }
        return result;
      },
    });

    return {
      transaction(stores, mode, options) {
        const widen =
          mode === 'readwrite' &&
          !stores.includes(SNAPSHOTS) &&
          stores.some((name) => name in WATCHED);
        return down.transaction(widen ? [...stores, SNAPSHOTS] : stores, mode, options);
      },
      table(name) {
        const table = down.table(name);
        const kind = WATCHED[name];
        return kind === undefined ? table : guard(table, kind);
      },
    };
  },
};

function hasSnapshotTable(trans: DBCoreTransaction): boolean {
  // The transaction underneath is IndexedDB's, which names its stores.
  const names = (trans as { objectStoreNames?: { contains(name: string): boolean } })
    .objectStoreNames;
  return names === undefined || names.contains(SNAPSHOTS);
}

/** Whether a write touches a record the snapshot was made from. */
function touches(
  req: DBCoreMutateRequest,
  table: DBCoreTable,
  kind: (typeof WATCHED)[string],
  deps: DepSets,
): boolean {
  if (kind === 'all' || req.type === 'deleteRange') return true;
  if (kind === 'selves') {
    // An account removed, added, or another user signed in on it: the user's selves change.
    return (
      req.type === 'delete' ||
      req.values.some((value: { id?: unknown; networkUserId?: unknown }) => {
        const { id, networkUserId } = value;
        return (
          typeof id !== 'string' ||
          typeof networkUserId !== 'string' ||
          !deps.sets.selves.has(localId(id, networkUserId))
        );
      })
    );
  }
  const ids = deps.sets[kind];
  // A delete without its keys (by criteria) cannot be checked: it counts as touching.
  if (req.type === 'delete' && !Array.isArray(req.keys)) return true;
  const keys: unknown[] = req.type === 'delete' ? req.keys : keysOf(req.values, req.keys, table);
  if (keys.some((key) => typeof key === 'string' && ids.has(key))) return true;
  // A post by the user it does not hold yet: who they talk with changes.
  if (kind === 'posts' && req.type !== 'delete') {
    const selves = deps.sets.selves;
    return req.values.some(
      (value: { isOwn?: unknown; authorId?: unknown }) =>
        value.isOwn === true || (typeof value.authorId === 'string' && selves.has(value.authorId)),
    );
  }
  // Activity released into an open delivery after the snapshot was made would be missing from it.
  if (kind === 'activity' && req.type !== 'delete') {
    const open = deps.sets.open;
    return req.values.some(
      (value: { deliveryId?: unknown }) =>
        typeof value.deliveryId === 'string' && open.has(value.deliveryId),
    );
  }
  return false;
}

function keysOf(
  values: readonly unknown[],
  keys: readonly unknown[] | undefined,
  table: DBCoreTable,
): unknown[] {
  if (Array.isArray(keys) && keys.length === values.length) return keys.slice() as unknown[];
  const extract = table.schema.primaryKey.extractKey;
  return extract === null ? [] : values.map((value): unknown => extract(value));
}
