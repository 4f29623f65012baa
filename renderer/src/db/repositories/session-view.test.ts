import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sessionFromRecords, storedScreening } from '@shared/session';
import { ACCOUNT, batch, mention, person, post } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { makeDelivery } from './deliveries';
import { ingestBatch } from './ingest';
import { setScreening } from './triage-actions';
import { loadSessionDataFromRecords } from './session-data';
import { FIRST_SCREEN_ROWS, loadSessionView } from './session-view';

let db: SlowpostDatabase;
let n = 0;
beforeEach(async () => {
  db = new SlowpostDatabase(`session-view-${++n}`);
  await db.accounts.add(ACCOUNT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const T = 1_700_000_000_000;

/** One delivery of `count` conversations with Mira (let in), each in its own thread. */
async function deliverConversations(count: number): Promise<void> {
  const roots = Array.from({ length: count }, (_, i) => `r${i}`);
  await ingestBatch(
    db,
    'acct',
    batch({
      people: [person('me', 'Me', true), person('mira', 'Mira')],
      posts: roots.map((root, i) => post(root, 'mira', T + i, null, root)),
      activity: roots.map((root, i) => mention(`a${i}`, 'mira', root, root, T + i)),
    }),
    T + count,
  );
  await setScreening(db, 'acct|mira', 'let-in');
  await makeDelivery(db, { kind: 'early', slot: T + count + 1, now: T + count + 1 });
}

describe("the first view's first screen", () => {
  it('holds the first conversations of a long session, with their quotes and threads, and says it is not all', async () => {
    await deliverConversations(FIRST_SCREEN_ROWS + 20);
    const whole = (await loadSessionView(db, 'whole')).view;
    const first = (await loadSessionView(db, 'first')).view;
    const built = sessionFromRecords(await loadSessionDataFromRecords(db), {
      hideDigest: false,
      screeningCache: storedScreening(),
    });
    expect(whole?.session.conversations).toHaveLength(FIRST_SCREEN_ROWS + 20);
    expect(first?.complete).toBe(false);
    // The same conversations, in the same order, as the whole session begins with.
    expect(first?.session.conversations).toEqual(built.conversations.slice(0, FIRST_SCREEN_ROWS));
    const shown = first?.session.conversations.map((c) => c.threadId);
    expect(first?.quotes.map(([threadId]) => threadId)).toEqual(shown);
    expect(first?.threads.map((t) => t.id).sort()).toEqual([...(shown ?? [])].sort());
    expect(first?.quotes).toEqual(whole?.quotes.slice(0, FIRST_SCREEN_ROWS));
  });

  it('is the whole session when that fits on it', async () => {
    await deliverConversations(3);
    const whole = (await loadSessionView(db, 'whole')).view;
    const first = (await loadSessionView(db, 'first')).view;
    expect(first?.complete).toBe(true);
    expect(first?.session).toEqual(whole?.session);
    expect(first?.quotes).toEqual(whole?.quotes);
  });

  it('is not served once a record it was made from changes, like the whole one', async () => {
    await deliverConversations(FIRST_SCREEN_ROWS + 1);
    expect((await loadSessionView(db, 'first')).view).not.toBeNull();
    await ingestBatch(db, 'acct', batch({ people: [person('mira', 'Mira C.')] }), T + 500);
    expect((await loadSessionView(db, 'first')).view).toBeNull();
    expect((await loadSessionView(db, 'whole')).view).toBeNull();
  });
});
