import Dexie from 'dexie';
import type { EntityTable } from 'dexie';
import type {
  Account,
  ActivityItem,
  CarryOver,
  Delivery,
  Draft,
  OutboxEntry,
  Person,
  PersonLink,
  Post,
  SessionTime,
  SettingRecord,
  SkippedItem,
  SyncStatus,
  Thread,
} from '@shared/domain';
import type { PostSearchRow } from '@shared/search/post-search-row';
import type { SearchBuildRow } from './repositories/search-index-build';
import type { SessionSnapshotRow } from './repositories/session-snapshot-records';
import { LATEST_SCHEMA_VERSION, SCHEMA_LADDER } from './schema/ladder';
import { searchIndexKeeper } from './search-index-keeper';
import { sessionSnapshotGuard } from './session-snapshot-guard';

export const DATABASE_NAME = 'slowpost';

/** The local store. Everything the user has lives here, on their machine. */
export class SlowpostDatabase extends Dexie {
  declare accounts: EntityTable<Account, 'id'>;
  declare people: EntityTable<Person, 'id'>;
  declare personLinks: EntityTable<PersonLink, 'id'>;
  declare posts: EntityTable<Post, 'id'>;
  declare threads: EntityTable<Thread, 'id'>;
  declare activity: EntityTable<ActivityItem, 'id'>;
  declare deliveries: EntityTable<Delivery, 'id'>;
  declare carryOvers: EntityTable<CarryOver, 'deliveryId'>;
  declare drafts: EntityTable<Draft, 'id'>;
  declare outbox: EntityTable<OutboxEntry, 'id'>;
  declare settings: EntityTable<SettingRecord, 'key'>;
  declare syncLog: EntityTable<SkippedItem, 'seq'>;
  declare syncStatus: EntityTable<SyncStatus, 'accountId'>;
  declare sessionSnapshots: EntityTable<SessionSnapshotRow, 'id'>;
  declare sessionTime: EntityTable<SessionTime, 'id'>;
  declare searchPosts: EntityTable<PostSearchRow, 'id'>;
  declare searchBuild: EntityTable<SearchBuildRow, 'id'>;

  /** `upToVersion` exists for the ladder tests, which open the store as an older release would. */
  constructor(name: string = DATABASE_NAME, upToVersion: number = LATEST_SCHEMA_VERSION) {
    super(name);
    for (const step of SCHEMA_LADDER) {
      if (step.version > upToVersion) break;
      const version = this.version(step.version).stores(step.stores);
      if (step.upgrade !== undefined) version.upgrade(step.upgrade);
    }
    this.use(sessionSnapshotGuard);
    this.use(searchIndexKeeper);
  }
}

export type SlowpostDb = SlowpostDatabase;

export function openDatabase(name: string = DATABASE_NAME): SlowpostDatabase {
  return new SlowpostDatabase(name);
}
