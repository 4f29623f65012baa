/**
 * Mastodon notifications as Slowpost's activity: one plain notification (v1) or one notification
 * group (v2, grouped) at a time, into a batch of people, posts and activity. What cannot be
 * mapped becomes a problem with its reason (the item is skipped; the page goes on).
 *
 * **Groups (v2).** Mastodon folds favourites, boosts and follows of the same post into one group
 * whose members change as people join. A group becomes one activity item per member, identified by
 * what the member did, not by the group: `favourite:<status id>:<account id>` (`follow::<account
 * id>` for follows). A group that grows after a delivery comes back in a later page; its earlier
 * members have the same ids as before, so the store keeps them as they were (delivered once), and
 * only the new members wait for the next delivery. The appreciation line counts people and posts
 * from these items, so it says "3 people appreciated your post" whether they came in one group
 * or in three. Mastodon names at most a few members of a group in each page (`sample_account_ids`):
 * when a page's group has more, the connector asks the server for the rest of the group's
 * accounts and passes them here (`members`). A notification alone in its group
 * (`ungrouped-<id>`: mentions, and the like) keeps its notification id, as in v1.
 */
import type { z } from 'zod';
import type {
  ActivityBatch,
  ConnectorProblem,
  IncomingActivity,
  IncomingPerson,
} from '../connectors/connector';
import { localId, type Post } from '../domain';
import { parseUnknown } from '../validation/parse-unknown';
import {
  activityKindOf,
  TYPES_WITH_STATUS,
  toPerson,
  toPost,
  type MappingContext,
} from './map-records';
import {
  MastodonStatusSchema,
  type MastodonAccount,
  type MastodonNotification,
  type MastodonStatus,
  type NotificationGroup,
} from './payloads';

/** Collects the records of a page, one per id (the last one wins), and its problems. */
export class RecordsBuilder {
  private readonly people = new Map<string, IncomingPerson>();
  private readonly posts = new Map<string, Post>();
  private readonly activity = new Map<string, IncomingActivity>();
  private readonly problems: ConnectorProblem[] = [];

  constructor(readonly context: MappingContext) {}

  addPerson(person: MastodonAccount): IncomingPerson {
    const mapped = toPerson(person, this.context);
    this.people.set(mapped.id, mapped);
    return mapped;
  }

  /** The status as a post (with its author), when its thread is known; see `toPost`. */
  addStatus(status: MastodonStatus): Post | null {
    const post = toPost(status, this.context);
    if (post === null) return null;
    this.addPerson(status.account);
    this.posts.set(post.id, post);
    return post;
  }

  addActivity(item: IncomingActivity): void {
    this.activity.set(item.id, item);
  }

  addProblem(networkId: string | null, message: string): void {
    const itemId = networkId === null ? null : localId(this.context.account.id, networkId);
    this.problems.push({ itemId, message });
  }

  get activityCount(): number {
    return this.activity.size;
  }

  toBatch(nextCursor: string | null, hasMore: boolean): ActivityBatch {
    return {
      people: [...this.people.values()],
      posts: [...this.posts.values()],
      activity: [...this.activity.values()],
      nextCursor,
      hasMore,
      problems: this.problems,
    };
  }
}

/** The status a quote quotes, by id, with the status itself when the server sent it whole. */
export function quotedOf(
  status: MastodonStatus,
): { readonly id: string; readonly status: MastodonStatus | null } | null {
  const quote = status.quote;
  if (quote == null) return null;
  const full =
    quote.quotedStatus == null ? null : MastodonStatusSchema.safeParse(quote.quotedStatus);
  const quoted = full?.success === true ? full.data : null;
  const id = quoted?.id ?? quote.quotedStatusId ?? null;
  return id === null ? null : { id, status: quoted };
}

interface ActivityFacts {
  readonly networkId: string;
  readonly type: string;
  readonly createdAt: number;
  readonly actor: MastodonAccount;
  readonly status: MastodonStatus | null;
}

/** One activity item from what a notification (or a group member) says. */
function addItem(builder: RecordsBuilder, facts: ActivityFacts): void {
  const { account } = builder.context;
  const { status, type } = facts;
  const kind = activityKindOf(type, status, account);
  const actor = builder.addPerson(facts.actor);
  const post = status === null ? null : builder.addStatus(status);
  const local = (networkId: string) => localId(account.id, networkId);

  let postId: string | null = status === null ? null : local(status.id);
  let subjectPostId: string | null = null;
  let threadId: string | null = post?.threadId ?? null;
  if (kind === 'favourite' || kind === 'boost') {
    // The status is the user's own post that was appreciated: the subject, not a conversation.
    subjectPostId = postId;
    postId = null;
    threadId = null;
  } else if (kind === 'quote' && status !== null) {
    const quoted = quotedOf(status);
    if (quoted !== null) {
      subjectPostId = local(quoted.id);
      if (quoted.status !== null) {
        builder.context.roots.learn(quoted.status);
        builder.addStatus(quoted.status);
      }
    }
  }
  builder.addActivity({
    id: local(facts.networkId),
    accountId: account.id,
    networkId: facts.networkId,
    kind,
    rawType: type,
    actorId: actor.id,
    postId,
    subjectPostId,
    threadId,
    createdAt: facts.createdAt,
  });
}

/** A plain (v1) notification: one activity item, with its actor and post. */
export function addNotification(builder: RecordsBuilder, notification: MastodonNotification): void {
  const status = notification.status ?? null;
  if (status === null && TYPES_WITH_STATUS.has(notification.type)) {
    builder.addProblem(
      notification.id,
      `A "${notification.type}" notification without the post it is about.`,
    );
    return;
  }
  addItem(builder, {
    networkId: notification.id,
    type: notification.type,
    createdAt: notification.createdAt,
    actor: notification.account,
    status,
  });
}

/** The id of one member's part in a group: what they did, to which post. */
export function memberNetworkId(type: string, statusId: string | null, accountId: string): string {
  return `${type}:${statusId ?? ''}:${accountId}`;
}

export function isUngrouped(group: NotificationGroup): boolean {
  return group.groupKey.startsWith('ungrouped-');
}

/** What a grouped page said besides its groups, parsed, by id. */
export interface GroupedPageParts {
  readonly accounts: ReadonlyMap<string, MastodonAccount>;
  readonly statuses: ReadonlyMap<string, MastodonStatus>;
}

/**
 * A notification group (v2): one activity item per member (see the file's comment). `members` are
 * the group's accounts the server listed beyond the sample, when the connector asked for them.
 */
export function addGroup(
  builder: RecordsBuilder,
  group: NotificationGroup,
  parts: GroupedPageParts,
  members: readonly MastodonAccount[] = [],
): void {
  const statusId = group.statusId ?? null;
  const status = statusId === null ? null : (parts.statuses.get(statusId) ?? null);
  if (status === null && TYPES_WITH_STATUS.has(group.type)) {
    const why =
      statusId === null
        ? 'without the post it is about'
        : `whose post ${statusId} was missing or could not be read`;
    builder.addProblem(group.groupKey, `A "${group.type}" notification group ${why}.`);
    return;
  }
  const createdAt = group.latestPageNotificationAt ?? status?.createdAt ?? null;
  if (createdAt === null) {
    builder.addProblem(group.groupKey, `A "${group.type}" notification group without a time.`);
    return;
  }
  const actors = new Map<string, MastodonAccount>();
  const missing: string[] = [];
  for (const id of group.sampleAccountIds) {
    const actor = parts.accounts.get(id);
    if (actor === undefined) missing.push(id);
    else actors.set(id, actor);
  }
  for (const member of members) actors.set(member.id, member);
  if (missing.length > 0) {
    builder.addProblem(
      group.groupKey,
      `The group names ${missing.length === 1 ? 'someone' : `${missing.length} people`} it does not describe (${missing.join(', ')}).`,
    );
  }
  const ungrouped = isUngrouped(group);
  for (const actor of ungrouped ? [...actors.values()].slice(0, 1) : actors.values()) {
    addItem(builder, {
      networkId: ungrouped
        ? group.mostRecentNotificationId
        : memberNetworkId(group.type, statusId, actor.id),
      type: group.type,
      createdAt,
      actor,
      status,
    });
  }
}

/** Parses each item of a list on its own: what parses, and a problem for each that does not. */
export function parseEach<S extends z.ZodType>(
  items: readonly unknown[],
  schema: S,
  what: string,
  onProblem: (id: string | null, message: string) => void,
): z.output<S>[] {
  const parsed: z.output<S>[] = [];
  for (const item of items) {
    const result = parseUnknown(schema, item, what);
    if (result.ok) parsed.push(result.value);
    else onProblem(readableId(item), result.error);
  }
  return parsed;
}

/** The `id` of something that did not parse, when it has one that can be read. */
export function readableId(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const id = (item as { id?: unknown }).id;
  return typeof id === 'string' && id !== '' ? id : typeof id === 'number' ? String(id) : null;
}
