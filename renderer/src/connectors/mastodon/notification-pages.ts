/**
 * A page of notifications, fetched (v1 plain, or v2 grouped) and turned into a batch for the
 * sync: every status's thread learned first from the page itself, then, for conversations whose
 * root is still unknown, from the server. One call does a bounded amount of work, so it stays
 * well inside its deadline: at most `MAX_CONVERSATIONS_PER_PAGE` conversations looked up (and, for
 * a grouped page, `MAX_MEMBER_PAGES` pages read to name large groups' people); past that the page
 * stops early, its cursor where the work stopped, and the next call goes on from there.
 */
import type { mastodon } from 'masto';
import { z } from 'zod';
import type { ActivityBatch, CallOptions } from '@shared/connectors/connector';
import { isTransient, ConnectorError } from '@shared/connectors/connector';
import { encodeMastodonCursor } from '@shared/mastodon/cursor';
import { compareIds } from '@shared/mastodon/ids';
import {
  addGroup,
  addNotification,
  isUngrouped,
  parseEach,
  quotedOf,
  readableId,
  RecordsBuilder,
} from '@shared/mastodon/map-notifications';
import { CONVERSATION_TYPES, type MappingContext } from '@shared/mastodon/map-records';
import {
  GroupedNotificationsSchema,
  MastodonAccountSchema,
  MastodonNotificationSchema,
  MastodonStatusSchema,
  MastodonTimeSchema,
  NotificationGroupSchema,
  type MastodonAccount,
  type MastodonStatus,
  type NotificationGroup,
} from '@shared/mastodon/payloads';
import { parseUnknown } from '@shared/validation/parse-unknown';
import { parseAnswer, read, type ServerAccess } from './masto-client';
import {
  newestOf,
  windowAfter,
  type FetchWindow,
  type PagingState,
  type WindowEntry,
} from './notification-windows';
import { addConversation, learnConversation } from './thread-lookup';

/** Conversations looked up per call at most (one request each). */
export const MAX_CONVERSATIONS_PER_PAGE = 20;

export interface PageDeps {
  readonly access: ServerAccess;
  readonly context: MappingContext;
  readonly options?: CallOptions;
}

const UnknownListSchema = z.array(z.unknown());
type NotificationType = mastodon.v1.NotificationType;

function timeOf(item: unknown, key: string): number | null {
  if (typeof item !== 'object' || item === null) return null;
  const parsed = MastodonTimeSchema.safeParse((item as Record<string, unknown>)[key]);
  return parsed.success ? parsed.data : null;
}

// ---------------------------------------------------------------------------------------------
// v1: plain notifications
// ---------------------------------------------------------------------------------------------

/** Plain notifications per page: the most Mastodon gives (see `GROUPED_PAGE` for why). */
export const PLAIN_PAGE_SIZE = 80;

/** Pages of plain notifications (of these types only, when given). */
export function plainWindows(
  access: ServerAccess,
  types?: readonly string[],
): FetchWindow<unknown[]> {
  return async (query, options) => {
    const raw = await read(access, options, (client) =>
      client.v1.notifications.list({
        limit: query.limit,
        ...(types === undefined ? {} : { types: types as NotificationType[] }),
        ...(query.minId === undefined ? {} : { minId: query.minId }),
        ...(query.maxId === undefined ? {} : { maxId: query.maxId }),
      }),
    );
    const items = parseAnswer(UnknownListSchema, raw, 'page of notifications');
    const entries = items.flatMap((item): WindowEntry[] => {
      const id = readableId(item);
      return id === null
        ? []
        : [{ newest: id, oldest: id, at: timeOf(item, 'createdAt'), weight: 1 }];
    });
    return { page: items, entries, size: items.length };
  };
}

function needsConversation(type: string, status: MastodonStatus | null | undefined): boolean {
  return status != null && CONVERSATION_TYPES.has(type);
}

/** A plain page as a batch; see the file's comment for where it may stop early. */
export async function plainBatch(
  items: readonly unknown[],
  after: string,
  more: boolean,
  deps: PageDeps,
): Promise<ActivityBatch> {
  const { context } = deps;
  const builder = new RecordsBuilder(context);
  const placed: { id: string; item: unknown }[] = [];
  const unplaced: unknown[] = [];
  for (const item of items) {
    const id = readableId(item);
    if (id === null) unplaced.push(item);
    else if (compareIds(id, after) > 0) placed.push({ id, item });
  }
  placed.sort((a, b) => compareIds(a.id, b.id));
  const parsed = placed.map(({ id, item }) => ({
    id,
    result: parseUnknown(MastodonNotificationSchema, item, 'notification'),
  }));
  for (const { result } of parsed) {
    if (!result.ok || result.value.status == null) continue;
    context.roots.learn(result.value.status);
    const quoted = quotedOf(result.value.status)?.status;
    if (quoted != null) context.roots.learn(quoted);
  }

  let lookups = 0;
  let stoppedEarly = false;
  let done = after;
  for (const { id, result } of parsed) {
    if (!result.ok) {
      builder.addProblem(id, result.error);
    } else {
      const { status, type } = result.value;
      if (needsConversation(type, status) && context.roots.rootOf(status?.id ?? '') === undefined) {
        if (lookups >= MAX_CONVERSATIONS_PER_PAGE) {
          stoppedEarly = true;
          break;
        }
        lookups += 1;
        if (status != null) {
          addConversation(
            builder,
            await learnConversation(deps.access, status, context.roots, deps.options),
          );
        }
      }
      addNotification(builder, result.value);
    }
    done = id;
  }
  if (!stoppedEarly) {
    for (const item of unplaced) {
      const result = parseUnknown(MastodonNotificationSchema, item, 'notification');
      builder.addProblem(null, result.ok ? 'A notification without an id.' : result.error);
    }
  }
  return builder.toBatch(encodeMastodonCursor(done), stoppedEarly || more);
}

// ---------------------------------------------------------------------------------------------
// v2: grouped notifications
// ---------------------------------------------------------------------------------------------

export interface GroupedPage {
  readonly accounts: readonly unknown[];
  readonly statuses: readonly unknown[];
  readonly groups: readonly unknown[];
}

function groupKeyOf(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const key = (item as { groupKey?: unknown }).groupKey;
  return typeof key === 'string' && key !== '' ? key : null;
}

function groupEntry(item: unknown): WindowEntry | null {
  const parsed = NotificationGroupSchema.safeParse(item);
  if (!parsed.success) return null;
  const group = parsed.data;
  return {
    newest: group.pageMaxId ?? group.mostRecentNotificationId,
    oldest: group.pageMinId ?? group.mostRecentNotificationId,
    at: group.latestPageNotificationAt ?? null,
    weight: Math.max(1, group.notificationsCount),
  };
}

export function groupedWindows(access: ServerAccess): FetchWindow<GroupedPage> {
  return async (query, options) => {
    const raw = await read(access, options, (client) =>
      client.v2.notifications.list({
        limit: query.limit,
        ...(query.minId === undefined ? {} : { minId: query.minId }),
        ...(query.maxId === undefined ? {} : { maxId: query.maxId }),
      }),
    );
    const envelope = parseAnswer(GroupedNotificationsSchema, raw, 'page of grouped notifications');
    const groups = envelope.notificationGroups;
    return {
      page: { accounts: envelope.accounts, statuses: envelope.statuses, groups },
      entries: groups.flatMap((group) => groupEntry(group) ?? []),
      size: groups.length,
    };
  };
}

/** Pages of plain notifications read per call, at most, to name the members of large groups. */
const MAX_MEMBER_PAGES = 5;

interface Members {
  /** Keyed by group key. */
  readonly byGroup: ReadonlyMap<string, readonly MastodonAccount[]>;
  /** The newest notification the reading reached: members after it are not named yet. */
  readonly readUpTo: string;
}

/**
 * The members of this page's larger groups that the page does not name. Mastodon names only the
 * newest few accounts of a group (`sample_account_ids`, counted over the whole group), so when a
 * group has more, the plain notifications of those types after the cursor are read (one request
 * per 80, for every large group of the page at once, with `read` access only) and sorted into their
 * groups by type and post: at most `MAX_MEMBER_PAGES` per call; `readUpTo` says how far it got.
 * The reading stops at the page's newest group (`max_id`), so it costs one request for most pages.
 */
async function membersBeyondSamples(
  large: readonly NotificationGroup[],
  after: string,
  builder: RecordsBuilder,
  deps: PageDeps,
): Promise<Members | null> {
  if (large.length === 0) return null;
  const upTo = large.map(newestOfGroup).reduce((a, b) => (compareIds(a, b) >= 0 ? a : b));
  const types = [...new Set(large.map((g) => g.type))];
  const keyOf = (type: string, statusId: string | null) => `${type}\u0000${statusId ?? ''}`;
  const wanted = new Map(large.map((g) => [keyOf(g.type, g.statusId ?? null), g.groupKey]));
  const byGroup = new Map<string, MastodonAccount[]>();
  try {
    const windows = plainWindows(deps.access, types);
    const paging: PagingState = { adjacent: null };
    let readUpTo = after;
    for (let page = 0; page < MAX_MEMBER_PAGES; page += 1) {
      const { window, more } = await windowAfter(
        readUpTo,
        PLAIN_PAGE_SIZE,
        windows,
        paging,
        deps.options,
        idAfter(upTo) ?? undefined,
      );
      for (const item of window.page) {
        const parsed = MastodonNotificationSchema.safeParse(item);
        if (!parsed.success) continue;
        const groupKey = wanted.get(keyOf(parsed.data.type, parsed.data.status?.id ?? null));
        if (groupKey !== undefined) {
          byGroup.set(groupKey, [...(byGroup.get(groupKey) ?? []), parsed.data.account]);
        }
      }
      const newest = newestOf(window.entries);
      if (!more || newest === null || compareIds(newest, upTo) >= 0) {
        return { byGroup, readUpTo: upTo };
      }
      readUpTo = newest;
    }
    return { byGroup, readUpTo };
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    if (isTransient(error.failure) || error.failure.kind === 'auth') throw error;
    for (const group of large) {
      builder.addProblem(
        group.groupKey,
        `Some of the people in this group could not be listed: ${error.failure.message}`,
      );
    }
    return { byGroup, readUpTo: upTo };
  }
}

function newestOfGroup(group: NotificationGroup): string {
  return group.pageMaxId ?? group.mostRecentNotificationId;
}

/** The group's first notification in this page (the one that placed it in the page). */
function oldestOfGroup(group: NotificationGroup): string {
  return group.pageMinId ?? group.mostRecentNotificationId;
}

/** The id just after a numeric one (Mastodon's); null for ids that are not numbers. */
function idAfter(id: string): string | null {
  return /^\d+$/.test(id) ? (BigInt(id) + 1n).toString() : null;
}

/** The id just before a numeric one (Mastodon's); null for ids that are not numbers. */
function idBefore(id: string): string | null {
  return /^\d+$/.test(id) && id !== '0' ? (BigInt(id) - 1n).toString() : null;
}

/**
 * A grouped page as a batch. On Mastodon every notification between the cursor and the page's
 * newest belongs to one of the page's groups, so the cursor moves to that newest, unless work had
 * to stop early: at `MAX_CONVERSATIONS_PER_PAGE` conversations looked up (the cursor stops just
 * before the first group left), or when large groups' members were read only so far. What this
 * page already said beyond the cursor is said again by the next page, under the same ids, so the
 * store keeps it once.
 */
export async function groupedBatch(
  page: GroupedPage,
  after: string,
  more: boolean,
  deps: PageDeps,
): Promise<ActivityBatch> {
  const { context } = deps;
  const builder = new RecordsBuilder(context);
  const problem = (id: string | null, message: string) => builder.addProblem(id, message);
  const accounts = parseEach(page.accounts, MastodonAccountSchema, 'account', problem);
  const statuses = parseEach(page.statuses, MastodonStatusSchema, 'post', problem);
  const groups: NotificationGroup[] = [];
  for (const item of page.groups) {
    const parsed = parseUnknown(NotificationGroupSchema, item, 'notification group');
    if (parsed.ok) groups.push(parsed.value);
    else problem(groupKeyOf(item), parsed.error);
  }
  const fresh = groups
    .filter((g) => compareIds(newestOfGroup(g), after) > 0)
    .sort((a, b) => compareIds(oldestOfGroup(a), oldestOfGroup(b)));
  const parts = {
    accounts: new Map(accounts.map((a) => [a.id, a])),
    statuses: new Map(statuses.map((s) => [s.id, s])),
  };
  for (const status of statuses) context.roots.learn(status);

  // Conversations first, so the page knows where it has to stop.
  const taken: NotificationGroup[] = [];
  let completeUpTo = fresh
    .map(newestOfGroup)
    .reduce((a, b) => (compareIds(a, b) >= 0 ? a : b), after);
  let lookups = 0;
  for (const group of fresh) {
    const status = group.statusId == null ? undefined : parts.statuses.get(group.statusId);
    if (
      needsConversation(group.type, status) &&
      status !== undefined &&
      context.roots.rootOf(status.id) === undefined
    ) {
      const stopBefore = idBefore(oldestOfGroup(group));
      const canStop = stopBefore !== null && compareIds(stopBefore, after) > 0;
      if (lookups >= MAX_CONVERSATIONS_PER_PAGE && canStop) {
        completeUpTo = stopBefore ?? completeUpTo;
        break;
      }
      lookups += 1;
      addConversation(
        builder,
        await learnConversation(deps.access, status, context.roots, deps.options),
      );
    }
    taken.push(group);
  }

  const large = taken.filter(
    (g) => !isUngrouped(g) && g.notificationsCount > g.sampleAccountIds.length,
  );
  const members = await membersBeyondSamples(large, after, builder, deps);
  if (members !== null && compareIds(members.readUpTo, completeUpTo) < 0) {
    completeUpTo = members.readUpTo;
  }
  for (const group of taken) {
    addGroup(builder, group, parts, members?.byGroup.get(group.groupKey) ?? []);
  }
  const natural = fresh.map(newestOfGroup).reduce((a, b) => (compareIds(a, b) >= 0 ? a : b), after);
  const stoppedEarly = compareIds(completeUpTo, natural) < 0;
  return builder.toBatch(encodeMastodonCursor(completeUpTo), more || stoppedEarly);
}
