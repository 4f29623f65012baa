import { afterEach, describe, expect, it } from 'vitest';
import { ACCOUNT } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { LATEST_SCHEMA_VERSION, SCHEMA_LADDER } from './ladder';
import { UPGRADE_TESTS } from './upgrade-tests';

const opened: SlowpostDatabase[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close();
    await db.delete();
  }
});

describe('the schema ladder', () => {
  it('is numbered 1, 2, 3… with no gaps', () => {
    expect(SCHEMA_LADDER.map((s) => s.version)).toEqual(SCHEMA_LADDER.map((_s, i) => i + 1));
    expect(LATEST_SCHEMA_VERSION).toBe(SCHEMA_LADDER.length);
  });

  it('has an upgrade test for every version after the first', () => {
    const tested = UPGRADE_TESTS.map((t) => t.toVersion).sort((a, b) => a - b);
    expect(tested).toEqual(SCHEMA_LADDER.slice(1).map((s) => s.version));
  });

  it('opens a fresh store at the latest version with every table', async () => {
    const db = new SlowpostDatabase('ladder-fresh');
    opened.push(db);
    await db.open();
    expect(db.verno).toBe(LATEST_SCHEMA_VERSION);
    expect(db.tables.map((t) => t.name).sort()).toEqual(
      [
        'accounts',
        'activity',
        'carryOvers',
        'deliveries',
        'drafts',
        'outbox',
        'people',
        'personLinks',
        'posts',
        'searchBuild',
        'searchPosts',
        'sessionSnapshots',
        'sessionTime',
        'settings',
        'syncLog',
        'syncStatus',
        'threads',
      ].sort(),
    );
    await db.accounts.add(ACCOUNT);
    expect(await db.accounts.get(ACCOUNT.id)).toEqual(ACCOUNT);
  });

  for (const upgrade of UPGRADE_TESTS) {
    it(`upgrades data written by version ${upgrade.toVersion - 1} to version ${upgrade.toVersion}`, async () => {
      const name = `ladder-upgrade-${upgrade.toVersion}`;
      const before = new SlowpostDatabase(name, upgrade.toVersion - 1);
      await upgrade.seed(before);
      before.close();
      const after = new SlowpostDatabase(name, upgrade.toVersion);
      opened.push(after);
      await upgrade.verify(after);
    });
  }
});
