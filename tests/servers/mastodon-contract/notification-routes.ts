/**
 * `GET /api/v1/notifications` and `GET /api/v2/notifications` (grouped), paged as Mastodon 4.x
 * pages them. v2 follows Mastodon's `paginate_groups` and `NotificationGroup.from_notifications`:
 * a page holds up to `limit` groups, each represented by its newest notification inside the
 * bounds; counts, samples and the newest id of a group look at the whole group up to the page's
 * newest notification; a group whose older members lie beyond the page appears again on the next
 * one (clients merge by `group_key`).
 */
import type { ContractNotification, ContractState } from './contract-state';
import { GROUPABLE_TYPES } from './contract-state';
import { linkHeader, pageById, pageRequest, withinBounds, type PageRequest } from './id-paging';
import { listParam, stringParam, type RailsParams } from './rails-params';
import {
  json,
  notFound,
  requireViewer,
  type Reply,
  type RouteContext,
  type RouteRequest,
  type Routes,
} from './route-types';

const DEFAULT_LIMIT = 40;
const MAX_LIMIT = 80;
/** Mastodon's NotificationGroup::SAMPLE_ACCOUNTS_SIZE. */
const SAMPLE_ACCOUNTS = 8;
const KEPT_V1 = ['limit', 'types', 'exclude_types', 'account_id'];
const KEPT_V2 = ['limit', 'types', 'exclude_types', 'grouped_types', 'include_filtered'];

/** The viewer's notifications that pass `types`, `exclude_types` and `account_id`. */
function browsable(
  state: ContractState,
  accountId: string,
  query: RailsParams,
): ContractNotification[] {
  const types = listParam(query, 'types');
  const excluded = listParam(query, 'exclude_types') ?? [];
  const from = stringParam(query, 'account_id');
  return state
    .notificationsOf(accountId)
    .filter(
      (n) =>
        (types === undefined || types.length === 0 || types.includes(n.type)) &&
        !excluded.includes(n.type) &&
        (from === undefined || n.fromAccountId === from) &&
        (n.statusId === null || state.liveStatus(n.statusId) !== undefined),
    );
}

const idOf = (n: ContractNotification) => String(n.id);

function listV1(request: RouteRequest, context: RouteContext): Reply {
  const viewer = requireViewer(request);
  const page = pageRequest(request.query, DEFAULT_LIMIT, MAX_LIMIT);
  const items = pageById(browsable(context.state, viewer.id, request.query), idOf, page);
  return json(
    200,
    items.map((n) => context.entities.notification(n, viewer.id)),
    linkHeader(
      context.origin,
      request.path,
      request.query,
      KEPT_V1,
      items[0] === undefined ? undefined : idOf(items[0]),
      items.at(-1) === undefined ? undefined : idOf(items.at(-1) as ContractNotification),
    ),
  );
}

/** The key a notification is grouped by on this request (`grouped_types` can turn grouping off). */
function effectiveGroupKey(n: ContractNotification, groupedTypes: readonly string[]): string {
  return n.groupKey !== null && groupedTypes.includes(n.type) ? n.groupKey : `ungrouped-${n.id}`;
}

/** At most one notification per group, up to `limit` groups, newest first (Mastodon's paginate_groups). */
function representatives(
  all: readonly ContractNotification[],
  page: PageRequest,
  groupedTypes: readonly string[],
): ContractNotification[] {
  const ascending = page.minId !== undefined;
  const ordered = all
    .filter((n) => withinBounds(idOf(n), page))
    .sort((a, b) => (ascending ? a.id - b.id : b.id - a.id));
  const seen = new Set<string>();
  const picked: ContractNotification[] = [];
  for (const n of ordered) {
    if (picked.length >= page.limit) break;
    const key = effectiveGroupKey(n, groupedTypes);
    if (seen.has(key)) continue;
    seen.add(key);
    picked.push(n);
  }
  return ascending ? picked.reverse() : picked;
}

function listV2(request: RouteRequest, context: RouteContext): Reply {
  if (!context.settings.groupedNotifications) return notFound();
  const viewer = requireViewer(request);
  const { state, entities } = context;
  const page = pageRequest(request.query, DEFAULT_LIMIT, MAX_LIMIT);
  const grouped = listParam(request.query, 'grouped_types');
  const groupedTypes = grouped === undefined || grouped.length === 0 ? GROUPABLE_TYPES : grouped;
  const all = browsable(state, viewer.id, request.query);
  const picked = representatives(all, page, groupedTypes);

  // The page's range, as the v2 controller works it out (an incomplete page is the last one).
  let rangeStart = picked.at(-1)?.id ?? 0;
  let rangeEnd = picked[0]?.id ?? 0;
  if (picked.length < page.limit) {
    if (page.minId !== undefined) {
      rangeEnd = page.maxId === undefined ? Number.MAX_SAFE_INTEGER : Number(page.maxId) - 1;
    } else {
      rangeStart = page.sinceId === undefined ? 0 : Number(page.sinceId) + 1;
    }
  }

  const members = new Map<string, ContractNotification[]>();
  for (const n of state.notificationsOf(viewer.id)) {
    if (n.groupKey === null) continue;
    const list = members.get(n.groupKey) ?? [];
    list.push(n);
    members.set(n.groupKey, list);
  }

  const accountIds = new Set<string>();
  const statusIds = new Set<string>();
  const groups = picked.map((rep) => {
    const key = effectiveGroupKey(rep, groupedTypes);
    const inGroup = key.startsWith('ungrouped-')
      ? [rep]
      : (members.get(key) ?? [rep]).filter((n) => n.id <= rangeEnd).sort((a, b) => b.id - a.id);
    const newest = inGroup[0] ?? rep;
    const sample = inGroup.slice(0, SAMPLE_ACCOUNTS).map((n) => n.fromAccountId);
    const oldestOnPage = key.startsWith('ungrouped-')
      ? rep
      : ((members.get(key) ?? [rep])
          .filter((n) => n.id >= rangeStart)
          .sort((a, b) => a.id - b.id)[0] ?? rep);
    for (const id of sample) accountIds.add(id);
    if (rep.statusId !== null) statusIds.add(rep.statusId);
    return {
      group_key: key,
      notifications_count: inGroup.length,
      type: rep.type,
      most_recent_notification_id: newest.id,
      page_min_id: String(oldestOnPage.id),
      page_max_id: String(newest.id),
      latest_page_notification_at: new Date(newest.createdAt).toISOString(),
      sample_account_ids: sample,
      ...(rep.statusId === null ? {} : { status_id: rep.statusId }),
    };
  });

  const accounts = [...accountIds].flatMap((id) => {
    const account = state.accounts.get(id);
    return account === undefined ? [] : [entities.account(account)];
  });
  const statuses = [...statusIds].flatMap((id) => {
    const status = state.statuses.get(id);
    return status === undefined ? [] : [entities.status(status, viewer.id)];
  });
  return json(
    200,
    { accounts, statuses, notification_groups: groups },
    linkHeader(
      context.origin,
      request.path,
      request.query,
      KEPT_V2,
      picked[0] === undefined ? undefined : idOf(picked[0]),
      picked.at(-1) === undefined ? undefined : idOf(picked.at(-1) as ContractNotification),
    ),
  );
}

export const notificationRoutes: Routes = {
  'GET /api/v1/notifications': { auth: 'user', scopes: ['read:notifications'], handle: listV1 },
  'GET /api/v2/notifications': { auth: 'user', scopes: ['read:notifications'], handle: listV2 },
};
