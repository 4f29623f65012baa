/**
 * Paging through notifications with `min_id` / `max_id`, by hand: `masto` pages only through
 * `Link` headers, which some servers do not send (snac).
 *
 * **After the cursor.** Mastodon answers `min_id=X` with the notifications right after X (oldest
 * first, so a sync can store them in order and move its cursor). Some servers answer it with the
 * newest ones instead, as if it were `since_id` (snac), which would leave a gap. So when a page
 * comes back full, one more request asks for anything between the cursor and the page
 * (`min_id=X&max_id=<page's oldest>`): nothing there means the server pages like Mastodon (asked
 * once per sync); otherwise the connector walks down to the notifications right after the cursor.
 *
 * **The first sync** starts no further back than `FIRST_SYNC_DAYS` and `FIRST_SYNC_NOTIFICATIONS`,
 * whichever is nearer: a new user's first delivery is a session they can get through, not their
 * history, and older notifications are mostly read already in other apps. Finding that start
 * takes at most a few requests downwards from the newest (`FIRST_SYNC_NOTIFICATIONS` / page
 * size), far inside the server's budget of 300 requests per 5 minutes; the sync then pages
 * forwards from it as usual.
 */
import type { CallOptions } from '@shared/connectors/connector';
import { compareIds } from '@shared/mastodon/ids';

export const FIRST_SYNC_DAYS = 7;
export const FIRST_SYNC_NOTIFICATIONS = 200;
const DAY_MS = 24 * 60 * 60_000;
/** A safety net for servers that ignore `max_id`: no page walk goes on forever. */
const MAX_WALK_PAGES = 200;
/** The cursor of a first sync whose bound reached the oldest notification. */
export const FROM_THE_OLDEST = '0';

/** One notification, or one notification group, as paging sees it. */
export interface WindowEntry {
  /** Its newest and oldest notification id in this page (the same for a single notification). */
  readonly newest: string;
  readonly oldest: string;
  /** When it happened, when that could be read. */
  readonly at: number | null;
  /** How many notifications it stands for. */
  readonly weight: number;
}

export interface Window<P> {
  readonly page: P;
  /** Entries whose position could be read, in any order. */
  readonly entries: readonly WindowEntry[];
  /** How many items the server sent (positions readable or not): a full page may have more. */
  readonly size: number;
}

export interface WindowQuery {
  readonly minId?: string;
  readonly maxId?: string;
  readonly limit: number;
}

export type FetchWindow<P> = (query: WindowQuery, options?: CallOptions) => Promise<Window<P>>;

/** What paging has learned about the server during one sync. */
export interface PagingState {
  /** True: `min_id` gives the page right after it; false: the newest page; null: not known yet. */
  adjacent: boolean | null;
}

function oldestOf(entries: readonly WindowEntry[]): string | null {
  let oldest: string | null = null;
  for (const entry of entries) {
    if (oldest === null || compareIds(entry.oldest, oldest) < 0) oldest = entry.oldest;
  }
  return oldest;
}

export function newestOf(entries: readonly WindowEntry[]): string | null {
  let newest: string | null = null;
  for (const entry of entries) {
    if (newest === null || compareIds(entry.newest, newest) > 0) newest = entry.newest;
  }
  return newest;
}

/**
 * The notifications right after `after` (and before `before`, when given), at most `limit`; `more`
 * says whether newer ones may follow (the page was full, or the walk down left newer pages above
 * it).
 */
export async function windowAfter<P>(
  after: string,
  limit: number,
  fetch: FetchWindow<P>,
  state: PagingState,
  options?: CallOptions,
  before?: string,
): Promise<{ readonly window: Window<P>; readonly more: boolean }> {
  const first = await fetch(
    before === undefined ? { minId: after, limit } : { minId: after, maxId: before, limit },
    options,
  );
  let oldest = oldestOf(first.entries);
  if (first.size < limit || oldest === null || state.adjacent === true) {
    return { window: first, more: first.size >= limit };
  }
  let window = first;
  if (state.adjacent === null) {
    const between = await fetch({ minId: after, maxId: oldest, limit }, options);
    state.adjacent = between.size === 0;
    if (state.adjacent) return { window: first, more: true };
    window = between;
    oldest = oldestOf(window.entries);
  }
  // The server answered with its newest page: walk down to the one right after the cursor.
  for (let step = 0; step < MAX_WALK_PAGES && window.size >= limit && oldest !== null; step += 1) {
    const below = await fetch({ minId: after, maxId: oldest, limit }, options);
    if (below.size === 0) break;
    window = below;
    oldest = oldestOf(window.entries);
  }
  return { window, more: true };
}

/**
 * Where a first sync starts: the newest notification outside the bound (the sync takes everything
 * after it), or `FROM_THE_OLDEST` when all the server has is inside it.
 */
export async function firstSyncStart<P>(
  now: number,
  limit: number,
  fetch: FetchWindow<P>,
  options?: CallOptions,
): Promise<string> {
  const since = now - FIRST_SYNC_DAYS * DAY_MS;
  let counted = 0;
  let maxId: string | undefined;
  for (let step = 0; step < MAX_WALK_PAGES; step += 1) {
    const window = await fetch(maxId === undefined ? { limit } : { maxId, limit }, options);
    const entries = [...window.entries].sort((a, b) => compareIds(b.newest, a.newest));
    for (const entry of entries) {
      if ((entry.at !== null && entry.at < since) || counted >= FIRST_SYNC_NOTIFICATIONS) {
        return entry.newest;
      }
      counted += entry.weight;
    }
    const oldest = oldestOf(entries);
    if (window.size < limit || oldest === null || oldest === maxId) return FROM_THE_OLDEST;
    maxId = oldest;
  }
  return maxId ?? FROM_THE_OLDEST;
}
