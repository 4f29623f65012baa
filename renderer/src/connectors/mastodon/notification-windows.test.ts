import { describe, expect, it } from 'vitest';
import {
  FIRST_SYNC_DAYS,
  FIRST_SYNC_NOTIFICATIONS,
  FROM_THE_OLDEST,
  firstSyncStart,
  newestOf,
  windowAfter,
  type FetchWindow,
  type PagingState,
  type WindowQuery,
} from './notification-windows';

const DAY = 24 * 60 * 60_000;
const NOW = Date.UTC(2026, 11, 1);

/**
 * A server's notifications (ids 1…count, one a minute up to NOW) paged the way Mastodon pages
 * them (`min_id`: the ones right after it), or the way snac does (`min_id` as `since_id`: the
 * newest ones). Both honour `max_id`.
 */
function server(count: number, minIdMeans: 'right-after' | 'newest', spacingMs = 60_000) {
  const ids = Array.from({ length: count }, (_v, i) => i + 1);
  const asked: WindowQuery[] = [];
  const fetch: FetchWindow<number[]> = (query) => {
    asked.push(query);
    const inRange = ids.filter(
      (id) =>
        (query.minId === undefined || id > Number(query.minId)) &&
        (query.maxId === undefined || id < Number(query.maxId)),
    );
    const page =
      query.minId !== undefined && minIdMeans === 'right-after'
        ? inRange.slice(0, query.limit)
        : inRange.slice(-query.limit);
    const entries = page.map((id) => ({
      newest: String(id),
      oldest: String(id),
      at: NOW - (count - id) * spacingMs,
      weight: 1,
    }));
    return Promise.resolve({ page: page.slice().reverse(), entries, size: page.length });
  };
  return { fetch, asked };
}

/** Every notification after `from`, page by page, as a sync would store them. */
async function drain(fetch: FetchWindow<number[]>, from: string) {
  const state: PagingState = { adjacent: null };
  const stored: number[] = [];
  let cursor = from;
  for (let call = 0; call < 100; call += 1) {
    const { window, more } = await windowAfter(cursor, 40, fetch, state);
    stored.push(...window.page.slice().reverse());
    cursor = newestOf(window.entries) ?? cursor;
    if (!more) return { stored, state };
  }
  throw new Error('never finished');
}

describe('paging after the cursor', () => {
  for (const kind of ['right-after', 'newest'] as const) {
    it(`gets every notification once, in order, from a server whose min_id gives the ${kind} page`, async () => {
      const { fetch } = server(130, kind);
      const { stored, state } = await drain(fetch, '10');
      expect(stored).toEqual(Array.from({ length: 120 }, (_v, i) => i + 11));
      expect(state.adjacent).toBe(kind === 'right-after');
    });
  }

  it('asks once whether the server pages like Mastodon, then trusts it', async () => {
    const { fetch, asked } = server(130, 'right-after');
    await drain(fetch, '10');
    const probes = asked.filter((q) => q.minId !== undefined && q.maxId !== undefined);
    expect(probes).toHaveLength(1);
    expect(asked.length).toBe(Math.ceil(120 / 40) + 1 + 1);
  });
});

describe('where a first sync starts', () => {
  it(`no further back than ${FIRST_SYNC_NOTIFICATIONS} notifications`, async () => {
    const { fetch } = server(500, 'right-after');
    const start = await firstSyncStart(NOW, 40, fetch);
    expect(start).toBe(String(500 - FIRST_SYNC_NOTIFICATIONS));
  });

  it(`no further back than ${FIRST_SYNC_DAYS} days`, async () => {
    const { fetch } = server(100, 'newest', DAY / 4);
    const start = await firstSyncStart(NOW, 40, fetch);
    // Four a day: the 28 newest are within seven days.
    expect(Number(start)).toBe(100 - FIRST_SYNC_DAYS * 4 - 1);
  });

  it('from the oldest when everything the server has is inside the bound', async () => {
    const { fetch } = server(30, 'right-after');
    expect(await firstSyncStart(NOW, 40, fetch)).toBe(FROM_THE_OLDEST);
    const { fetch: none } = server(0, 'right-after');
    expect(await firstSyncStart(NOW, 40, none)).toBe(FROM_THE_OLDEST);
  });
});
