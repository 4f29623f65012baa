import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ACCOUNT, batch, mention, person, post } from '../../../../tests/fixtures/records';
import type { Delivery } from '@shared/domain';
import { WAITING_FOR_DELIVERY } from '@shared/domain';
import { sessionFromRecords, storedScreening } from '@shared/session';
import { BroughtBack } from '@shared/session/brought-back';
import { sessionViewModel } from '../../session/session-view-model';
import { SlowpostDatabase } from '../database';
import { closeOpenDeliveries, makeDelivery, openDeliveries } from './deliveries';
import type { DeliveryRequest } from './deliveries';
import { ingestBatch } from './ingest';
import { loadOpenSessionState, loadThreads } from './session-state';
import { setScreening, setThreadTriage } from './triage-actions';
import { loadSessionData } from './session-data';

let db: SlowpostDatabase;
let n = 0;
const T = 1_700_000_000_000;
const H = 3_600_000;
const M = 60_000;

beforeEach(async () => {
  db = new SlowpostDatabase(`carry-over-${++n}`);
  await db.accounts.add(ACCOUNT);
  await ingestBatch(
    db,
    'acct',
    batch({
      people: [
        person('1', 'Me', true),
        person('mira', 'Mira'),
        person('tom', 'Tom'),
        person('ana', 'Ana'),
      ],
    }),
    T,
  );
  // Mira and Tom are let in: their messages are conversations. Ana is a first-time sender.
  await setScreening(db, 'acct|mira', 'let-in');
  await setScreening(db, 'acct|tom', 'let-in');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A new conversation (its own thread) from `by`, arriving at `at`. */
async function arrive(id: string, by: string, at: number, thread = id): Promise<void> {
  await ingestBatch(
    db,
    'acct',
    batch({
      posts: [post(id, by, at - 1000, thread === id ? null : thread, thread)],
      activity: [mention(id, by, id, thread, at - 1000)],
    }),
    at,
  );
}

async function deliver(at: number, kind: DeliveryRequest['kind'] = 'scheduled'): Promise<Delivery> {
  return makeDelivery(db, {
    kind,
    slot: at,
    now: at,
    ...(kind === 'early' ? { earlyReason: 'waiting for Mira' } : {}),
  });
}

const thread = (id: string) => `acct|${id}`;

interface Shown {
  /** Conversations still to go through, by thread. */
  readonly pending: string[];
  /** Screener entries, by thread. */
  readonly screener: string[];
  /** Thread → the delivery it has been waiting since, for what was brought back. */
  readonly since: Map<string, string>;
  readonly activityOf: Map<string, readonly string[]>;
}

/** The session as the page shows it: built from the store the way useReviewSession builds it. */
async function session(): Promise<Shown> {
  const data = await loadSessionData(db);
  const state = await loadOpenSessionState(db);
  if (data.deliveries.length === 0 || state === null) {
    return { pending: [], screener: [], since: new Map(), activityOf: new Map() };
  }
  const threads = new Map(
    (await loadThreads(db, data.threadIds, data.threadsActiveSince)).map((t) => [t.id, t]),
  );
  for (const t of state.triagedSince) threads.set(t.id, t);
  const built = sessionFromRecords(data, { hideDigest: true, screeningCache: storedScreening() });
  const view = sessionViewModel(built, threads, data.since, state.repliesWritten);
  const broughtBack = new BroughtBack(data);
  const since = new Map<string, string>();
  for (const c of [...view.pending, ...view.screener]) {
    const first = broughtBack.since(c.activityIds);
    if (first !== null) since.set(c.threadId, first.id);
  }
  return {
    pending: view.pending.map((c) => c.threadId).sort(),
    screener: view.screener.map((e) => e.threadId).sort(),
    since,
    activityOf: new Map(view.pending.map((c) => [c.threadId, c.activityIds])),
  };
}

describe('conversations a session leaves untouched', () => {
  it('come back with the next delivery, marked, until they are triaged (a chain of three)', async () => {
    await arrive('a', 'mira', T + 1 * H);
    await arrive('b', 'mira', T + 1 * H);
    await arrive('c', 'tom', T + 1 * H);
    const d1 = await deliver(T + 2 * H);
    expect((await session()).pending).toEqual([thread('a'), thread('b'), thread('c')]);
    await setThreadTriage(db, thread('a'), 'done', T + 2 * H + 5 * M);
    await closeOpenDeliveries(db, T + 2 * H + 10 * M);

    // Between deliveries: nothing open, nothing to show.
    expect(await openDeliveries(db)).toEqual([]);
    expect((await loadSessionData(db)).activity).toEqual([]);

    await arrive('d', 'tom', T + 3 * H);
    const d2 = await deliver(T + 4 * H);
    expect(d2).toMatchObject({ conversationCount: 1, carriedCount: 2 });
    let shown = await session();
    expect(shown.pending).toEqual([thread('b'), thread('c'), thread('d')]);
    expect(shown.since).toEqual(
      new Map([
        [thread('b'), d1.id],
        [thread('c'), d1.id],
      ]),
    );

    // This time b is seen to; c and d are left.
    await setThreadTriage(db, thread('b'), 'later', T + 4 * H + 5 * M);
    await closeOpenDeliveries(db, T + 4 * H + 10 * M);
    const d3 = await deliver(T + 6 * H);
    expect(d3).toMatchObject({ conversationCount: 0, carriedCount: 2 });
    shown = await session();
    expect(shown.pending).toEqual([thread('c'), thread('d')]);
    expect(shown.since).toEqual(
      new Map([
        [thread('c'), d1.id],
        [thread('d'), d2.id],
      ]),
    );

    // Everything handled: nothing is carried any further.
    await setThreadTriage(db, thread('c'), 'done', T + 6 * H + 1 * M);
    await setThreadTriage(db, thread('d'), 'muted', T + 6 * H + 2 * M);
    await closeOpenDeliveries(db, T + 6 * H + 10 * M);
    expect(await deliver(T + 8 * H)).toMatchObject({ carriedCount: 0 });
    expect((await session()).pending).toEqual([]);
  });

  it('a delivery never opened before the next one comes: the session spans both, with what the first brought back', async () => {
    await arrive('a', 'mira', T + 1 * H);
    const d1 = await deliver(T + 2 * H);
    await closeOpenDeliveries(db, T + 2 * H + 10 * M);
    await arrive('b', 'tom', T + 3 * H);
    expect(await deliver(T + 4 * H)).toMatchObject({ carriedCount: 1 });
    // The 13:00 delivery is never opened; the 18:00 one comes.
    await arrive('c', 'tom', T + 5 * H);
    expect(await deliver(T + 6 * H)).toMatchObject({ carriedCount: 0 });
    const shown = await session();
    expect(shown.pending).toEqual([thread('a'), thread('b'), thread('c')]);
    expect(shown.since).toEqual(new Map([[thread('a'), d1.id]]));

    // Closed again with all three untouched: all three come back, once each.
    await closeOpenDeliveries(db, T + 6 * H + 10 * M);
    expect(await deliver(T + 8 * H)).toMatchObject({ carriedCount: 3 });
    expect((await session()).pending).toEqual([thread('a'), thread('b'), thread('c')]);
  });

  it('one triaged between deliveries (answered, saved for later) does not come back', async () => {
    await arrive('a', 'mira', T + 1 * H);
    await arrive('b', 'tom', T + 1 * H);
    await deliver(T + 2 * H);
    await closeOpenDeliveries(db, T + 2 * H + 10 * M);
    // A reply sent from the replies page marks the thread done, between deliveries.
    await setThreadTriage(db, thread('a'), 'done', T + 3 * H);
    expect(await deliver(T + 4 * H)).toMatchObject({ carriedCount: 1 });
    expect((await session()).pending).toEqual([thread('b')]);
  });

  it('one that got new activity in the new delivery appears once, with both', async () => {
    await arrive('a', 'mira', T + 1 * H);
    const d1 = await deliver(T + 2 * H);
    await closeOpenDeliveries(db, T + 2 * H + 10 * M);
    // Tom answers in the same thread.
    await arrive('a2', 'tom', T + 3 * H, 'a');
    await deliver(T + 4 * H);
    const shown = await session();
    expect(shown.pending).toEqual([thread('a')]);
    expect(shown.activityOf.get(thread('a'))).toEqual(['acct|na', 'acct|na2']);
    expect(shown.since.get(thread('a'))).toBe(d1.id);
  });

  it('an early opening brings them back like any delivery', async () => {
    await arrive('a', 'mira', T + 1 * H);
    const d1 = await deliver(T + 2 * H);
    await closeOpenDeliveries(db, T + 2 * H + 10 * M);
    const early = await deliver(T + 3 * H, 'early');
    expect(early).toMatchObject({ kind: 'early', carriedCount: 1 });
    const shown = await session();
    expect(shown.pending).toEqual([thread('a')]);
    expect(shown.since.get(thread('a'))).toBe(d1.id);
    // The scheduled delivery after it does not bring them back a second time.
    await closeOpenDeliveries(db, T + 3 * H + 10 * M);
    await setThreadTriage(db, thread('a'), 'done', T + 3 * H + 20 * M);
    expect(await deliver(T + 4 * H)).toMatchObject({ carriedCount: 0 });
  });

  it('the screener: undecided people wait too; let in comes back as a conversation; kept out never', async () => {
    await ingestBatch(
      db,
      'acct',
      batch({ people: [person('sam', 'Sam'), person('zed', 'Zed'), person('kim', 'Kim')] }),
      T,
    );
    await arrive('a', 'ana', T + 1 * H);
    await arrive('s', 'sam', T + 1 * H);
    await arrive('z', 'zed', T + 1 * H);
    await arrive('k', 'kim', T + 1 * H);
    const d1 = await deliver(T + 2 * H);
    expect((await session()).screener).toEqual([
      thread('a'),
      thread('k'),
      thread('s'),
      thread('z'),
    ]);
    await setScreening(db, 'acct|sam', 'let-in'); // let in, not triaged: a conversation left
    await setScreening(db, 'acct|zed', 'kept-out');
    await setScreening(db, 'acct|kim', 'let-in');
    await setThreadTriage(db, thread('k'), 'done', T + 2 * H + 5 * M);
    await closeOpenDeliveries(db, T + 2 * H + 10 * M);

    expect(await deliver(T + 4 * H)).toMatchObject({ carriedCount: 2 });
    const shown = await session();
    expect(shown.screener).toEqual([thread('a')]);
    expect(shown.pending).toEqual([thread('s')]);
    expect(shown.since).toEqual(
      new Map([
        [thread('a'), d1.id],
        [thread('s'), d1.id],
      ]),
    );
  });

  it('what waits between deliveries is kept apart: no open delivery, no record the inbox reads', async () => {
    await arrive('a', 'mira', T + 1 * H);
    const d1 = await deliver(T + 2 * H);
    await closeOpenDeliveries(db, T + 2 * H + 10 * M);
    expect(await db.carryOvers.get(WAITING_FOR_DELIVERY)).toEqual({
      deliveryId: WAITING_FOR_DELIVERY,
      conversations: [
        { threadId: thread('a'), activityIds: ['acct|na'], leftAt: T + 2 * H + 10 * M },
      ],
      sources: [{ deliveryId: d1.id, count: 1 }],
    });
    const data = await loadSessionData(db);
    expect(data.deliveries).toEqual([]);
    expect(data.activity).toEqual([]);
    expect(await loadOpenSessionState(db)).toBeNull();
  });

  it('closing twice, or a delivery asked for twice, never carries anything twice', async () => {
    await arrive('a', 'mira', T + 1 * H);
    await deliver(T + 2 * H);
    await closeOpenDeliveries(db, T + 2 * H + 10 * M);
    await closeOpenDeliveries(db, T + 2 * H + 20 * M);
    const d2 = await deliver(T + 4 * H);
    expect(await deliver(T + 4 * H)).toEqual(d2);
    expect(d2.carriedCount).toBe(1);
    expect(await db.carryOvers.get(WAITING_FOR_DELIVERY)).toBeUndefined();
    expect((await session()).pending).toEqual([thread('a')]);
  });

  it('an unreadable entry is skipped and said, the rest still comes back', async () => {
    await arrive('a', 'mira', T + 1 * H);
    await arrive('b', 'tom', T + 1 * H);
    await deliver(T + 2 * H);
    await closeOpenDeliveries(db, T + 2 * H + 10 * M);
    const waiting = await db.carryOvers.get(WAITING_FOR_DELIVERY);
    await db.carryOvers.put({
      deliveryId: WAITING_FOR_DELIVERY,
      conversations: [
        ...(waiting?.conversations ?? []),
        { threadId: '', activityIds: 'not a list' } as never,
      ],
      // Where to find the activity fast is only a hint: without it, it is read by id.
      sources: 'unreadable' as never,
    });
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await deliver(T + 4 * H)).toMatchObject({ carriedCount: 2 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]?.[0]).toMatch(/carried conversations of "" \[2\].*threadId/);
    expect((await session()).pending).toEqual([thread('a'), thread('b')]);
  });
});
