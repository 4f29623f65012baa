/**
 * Mastodon's id paging: `max_id` (older than, exclusive), `since_id` (newer than, exclusive,
 * newest first), `min_id` (newer than, exclusive, the ones just after it), `limit` (clamped), and
 * the `Link` header (`next` with `max_id`, `prev` with `min_id`) that keeps the other parameters.
 */
import { compareIds } from './contract-ids';
import { listParam, stringParam, type RailsParams } from './rails-params';

export interface PageRequest {
  readonly maxId: string | undefined;
  readonly sinceId: string | undefined;
  readonly minId: string | undefined;
  readonly limit: number;
}

const asId = (value: string | undefined) =>
  value !== undefined && /^\d{1,20}$/.test(value) ? value : undefined;

/** Mastodon's `limit_param`: absent → the default; otherwise `to_i.abs`, at most `max`. */
export function pageRequest(
  query: RailsParams,
  defaultLimit: number,
  maxLimit: number,
): PageRequest {
  const raw = stringParam(query, 'limit');
  const parsed = raw === undefined ? defaultLimit : Math.abs(Number.parseInt(raw, 10) || 0);
  return {
    maxId: asId(stringParam(query, 'max_id')),
    sinceId: asId(stringParam(query, 'since_id')),
    minId: asId(stringParam(query, 'min_id')),
    limit: Math.min(parsed, maxLimit),
  };
}

/** True when `id` lies inside the bounds (all exclusive). */
export function withinBounds(id: string, page: PageRequest): boolean {
  if (page.maxId !== undefined && compareIds(id, page.maxId) >= 0) return false;
  if (page.sinceId !== undefined && compareIds(id, page.sinceId) <= 0) return false;
  if (page.minId !== undefined && compareIds(id, page.minId) <= 0) return false;
  return true;
}

/** One page of items, newest first, as Mastodon's `paginate_by_id` picks it. */
export function pageById<T>(
  items: readonly T[],
  idOf: (item: T) => string,
  page: PageRequest,
): T[] {
  const inside = items.filter((item) => withinBounds(idOf(item), page));
  if (page.minId !== undefined) {
    return inside
      .sort((a, b) => compareIds(idOf(a), idOf(b)))
      .slice(0, page.limit)
      .reverse();
  }
  return inside.sort((a, b) => compareIds(idOf(b), idOf(a))).slice(0, page.limit);
}

export interface LinkOptions {
  /** The parameter of the `prev` link (`min_id`, or `since_id` for accounts lists). */
  readonly prev?: 'min_id' | 'since_id';
  /** Only give `next` when the page is full (Mastodon's `records_continue?`). */
  readonly nextOnlyWhenFull?: { readonly size: number; readonly limit: number };
}

/**
 * `Link: <…?max_id=oldest>; rel="next", <…?min_id=newest>; rel="prev"` for a non-empty page,
 * keeping the listed parameters of the request (as Mastodon's `pagination_params`).
 */
export function linkHeader(
  origin: string,
  path: string,
  query: RailsParams,
  keep: readonly string[],
  newestId: string | undefined,
  oldestId: string | undefined,
  options: LinkOptions = {},
): Record<string, string> {
  if (newestId === undefined || oldestId === undefined) return {};
  const url = (extra: [string, string]) => {
    const search = new URLSearchParams();
    for (const name of keep) {
      const value = query[name];
      if (typeof value === 'string') search.append(name, value);
      else for (const item of listParam(query, name) ?? []) search.append(`${name}[]`, item);
    }
    search.append(...extra);
    return `${origin}${path}?${search.toString()}`;
  };
  const full = options.nextOnlyWhenFull;
  const links = [
    ...(full === undefined || full.size >= full.limit
      ? [`<${url(['max_id', oldestId])}>; rel="next"`]
      : []),
    `<${url([options.prev ?? 'min_id', newestId])}>; rel="prev"`,
  ];
  return { link: links.join(', ') };
}
