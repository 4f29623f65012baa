/**
 * What the contract server knows, in memory: people, who follows whom, posts, notifications,
 * markers, and the OAuth records. The actions here are what Mastodon does when someone posts,
 * favourites, boosts, follows, edits or deletes: they create the statuses and notifications a
 * real server would, grouped the way Mastodon groups them. Tests read this state; they change it
 * through the server's controls (contract-server.ts), which call these actions.
 */
import { randomBytes } from 'node:crypto';
import type { ContractClock } from './contract-clock';
import { compareIds, createCounter, createSnowflakes } from './contract-ids';

export type Visibility = 'public' | 'unlisted' | 'private' | 'direct';

export interface ContractAccount {
  readonly id: string;
  readonly username: string;
  password: string;
  displayName: string;
  /** Locked accounts get follow requests instead of follows. */
  locked: boolean;
  readonly createdAt: number;
}

export interface ContractPoll {
  readonly id: string;
  readonly options: readonly string[];
  readonly multiple: boolean;
  expiresAt: number;
  /** Who voted for which options. */
  readonly votes: Map<string, readonly number[]>;
}

export interface ContractStatus {
  readonly id: string;
  readonly accountId: string;
  text: string;
  readonly inReplyToId: string | null;
  readonly inReplyToAccountId: string | null;
  readonly visibility: Visibility;
  readonly spoilerText: string;
  readonly language: string | null;
  readonly createdAt: number;
  editedAt: number | null;
  deletedAt: number | null;
  /** A boost: the boosted status. */
  readonly reblogOfId: string | null;
  /** A quote post: the quoted status. */
  readonly quoteOfId: string | null;
  mentionIds: string[];
  readonly favouritedBy: Set<string>;
  readonly poll: ContractPoll | null;
  /** The OAuth app it was posted with, when posted through the API. */
  readonly applicationName: string | null;
}

export interface ContractNotification {
  /** Notification ids count up, as Mastodon's database rows do. */
  readonly id: number;
  /** Whose notification it is. */
  readonly accountId: string;
  readonly fromAccountId: string;
  /** A Mastodon type, or anything else to stand for a type from a newer server. */
  readonly type: string;
  readonly statusId: string | null;
  readonly createdAt: number;
  /** Mastodon's group key for groupable types; null for the rest (`ungrouped-<id>` on the wire). */
  readonly groupKey: string | null;
}

export interface ContractFollow {
  /** Follow rows count up; `/following` pages by them. */
  readonly id: number;
  readonly accountId: string;
  readonly targetAccountId: string;
  /** "Notify me when they post": their posts make `status` notifications. */
  readonly notify: boolean;
  /** A request to a locked account that is not accepted yet. */
  pending: boolean;
}

export interface ContractMarker {
  lastReadId: string;
  version: number;
  updatedAt: number;
}

export interface ContractApp {
  readonly id: string;
  readonly name: string;
  readonly website: string | null;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUris: readonly string[];
  readonly scopes: readonly string[];
}

export interface ContractAuthorizationCode {
  readonly code: string;
  readonly clientId: string;
  readonly accountId: string;
  readonly redirectUri: string;
  readonly scopes: readonly string[];
  readonly codeChallenge: string | null;
  readonly expiresAt: number;
  used: boolean;
}

export interface ContractToken {
  readonly token: string;
  readonly clientId: string | null;
  readonly accountId: string;
  readonly scopes: readonly string[];
  readonly createdAt: number;
  revokedAt: number | null;
}

export interface PostInput {
  readonly text: string;
  readonly inReplyToId?: string | null;
  readonly visibility?: Visibility;
  readonly spoilerText?: string;
  readonly language?: string | null;
  readonly quoteOfId?: string | null;
  readonly poll?: {
    readonly options: readonly string[];
    readonly expiresInSeconds: number;
    readonly multiple?: boolean;
  } | null;
  readonly applicationName?: string | null;
}

/** Mastodon groups these notification types (favourites and boosts per post, follows per person). */
export const GROUPABLE_TYPES: readonly string[] = ['favourite', 'reblog', 'follow'];
/** A group keeps growing for up to 12 hours after it started (Mastodon's MAXIMUM_GROUP_SPAN_HOURS). */
const MAXIMUM_GROUP_SPAN_HOURS = 12;
const HOUR = 3_600_000;
/** The types the contract's NotificationTypeEnum lists; any other is a newer server's, on purpose. */
export const CONTRACT_NOTIFICATION_TYPES: readonly string[] = [
  'mention',
  'status',
  'reblog',
  'follow',
  'follow_request',
  'favourite',
  'poll',
  'update',
  'admin.sign_up',
  'admin.report',
  'severed_relationships',
  'moderation_warning',
  'quote',
  'quoted_update',
  'added_to_collection',
  'collection_update',
];
/** Types whose notification carries the status it is about. */
export const STATUS_TYPES: readonly string[] = [
  'mention',
  'status',
  'reblog',
  'favourite',
  'poll',
  'update',
  'quote',
  'quoted_update',
];
/** `Idempotency-Key` is remembered for an hour (Mastodon keeps it in Redis for 3600 s). */
export const IDEMPOTENCY_TTL_MS = HOUR;

export class ContractState {
  readonly accounts = new Map<string, ContractAccount>();
  readonly statuses = new Map<string, ContractStatus>();
  readonly notifications: ContractNotification[] = [];
  readonly follows: ContractFollow[] = [];
  /** accountId → timeline (`home`, `notifications`) → marker. */
  readonly markers = new Map<string, Map<string, ContractMarker>>();
  readonly apps = new Map<string, ContractApp>();
  readonly codes = new Map<string, ContractAuthorizationCode>();
  readonly tokens = new Map<string, ContractToken>();
  /** Browser sessions of the authorization page: session id → account id. */
  readonly sessions = new Map<string, string>();
  /** `<accountId>:<key>` → the status posted with that `Idempotency-Key`. */
  readonly idempotencyKeys = new Map<string, { statusId: string; expiresAt: number }>();

  private readonly snowflake = createSnowflakes();
  private readonly nextNotificationId = createCounter();
  private readonly nextFollowId = createCounter();
  private readonly nextAppId = createCounter();
  private readonly nextPollId = createCounter();
  /** Indexes kept as statuses come and go, so serializing a page does not scan every status. */
  private readonly liveCounts = new Map<string, number>();
  private readonly lastPostedAt = new Map<string, number>();
  private readonly repliesIndex = new Map<string, ContractStatus[]>();
  private readonly boostsIndex = new Map<string, ContractStatus[]>();
  private readonly quotesIndex = new Map<string, ContractStatus[]>();
  /** Whether a test made a notification of a type the contract does not list (on purpose). */
  hasUnlistedNotificationType = false;
  /** `<recipient>/<type prefix>` → the hour bucket its current group started in, and until when it may grow. */
  private readonly groupBuckets = new Map<string, { bucket: number; expiresAt: number }>();

  constructor(
    readonly clock: ContractClock,
    /** The host name mentions of local users may carry (`@bob@<host>`). */
    readonly host: string,
  ) {}

  // —— people ——

  createAccount(input: {
    username: string;
    password?: string;
    displayName?: string;
    locked?: boolean;
  }): ContractAccount {
    if (!/^[a-z0-9_]{1,30}$/i.test(input.username)) {
      throw new Error(`not a Mastodon username: ${input.username}`);
    }
    if (this.accountByUsername(input.username) !== undefined) {
      throw new Error(`there is already a user called ${input.username}`);
    }
    const account: ContractAccount = {
      id: this.snowflake(this.clock.now()),
      username: input.username,
      password: input.password ?? `${input.username}-password`,
      displayName: input.displayName ?? input.username,
      locked: input.locked ?? false,
      createdAt: this.clock.now(),
    };
    this.accounts.set(account.id, account);
    return account;
  }

  accountByUsername(username: string): ContractAccount | undefined {
    const wanted = username.replace(/^@/, '').toLowerCase();
    for (const account of this.accounts.values()) {
      if (account.username.toLowerCase() === wanted) return account;
    }
    return undefined;
  }

  requireAccount(username: string): ContractAccount {
    const account = this.accountByUsername(username);
    if (account === undefined) throw new Error(`no user ${username} on the contract server`);
    return account;
  }

  follow(
    from: ContractAccount,
    to: ContractAccount,
    options: { notify?: boolean } = {},
  ): ContractFollow {
    const existing = this.follows.find(
      (f) => f.accountId === from.id && f.targetAccountId === to.id,
    );
    if (existing !== undefined) return existing;
    const follow: ContractFollow = {
      id: this.nextFollowId(),
      accountId: from.id,
      targetAccountId: to.id,
      notify: options.notify ?? false,
      pending: to.locked,
    };
    this.follows.push(follow);
    this.notify({ to, from, type: to.locked ? 'follow_request' : 'follow' });
    return follow;
  }

  acceptFollowRequest(from: ContractAccount, to: ContractAccount): void {
    const request = this.follows.find(
      (f) => f.accountId === from.id && f.targetAccountId === to.id && f.pending,
    );
    if (request === undefined)
      throw new Error(`${from.username} did not ask to follow ${to.username}`);
    request.pending = false;
  }

  isFollowing(accountId: string, targetAccountId: string): boolean {
    return this.follows.some(
      (f) => f.accountId === accountId && f.targetAccountId === targetAccountId && !f.pending,
    );
  }

  // —— posts ——

  /** The local people a text mentions (`@bob`, `@bob@<this host>`), in order, without repeats. */
  mentionedAccounts(text: string): ContractAccount[] {
    const found: ContractAccount[] = [];
    for (const match of text.matchAll(/(?<![\w/@])@([a-z0-9_]+)(?:@([a-z0-9.:-]+))?/gi)) {
      const domain = match[2];
      if (domain !== undefined && domain.toLowerCase() !== this.host.toLowerCase()) continue;
      const account = this.accountByUsername(match[1] ?? '');
      if (account !== undefined && !found.includes(account)) found.push(account);
    }
    return found;
  }

  /** A status that exists and is not deleted. */
  liveStatus(id: string): ContractStatus | undefined {
    const status = this.statuses.get(id);
    return status === undefined || status.deletedAt !== null ? undefined : status;
  }

  post(author: ContractAccount, input: PostInput): ContractStatus {
    const parent = input.inReplyToId == null ? null : this.liveStatus(input.inReplyToId);
    if (input.inReplyToId != null && parent === undefined) {
      throw new Error(`status ${input.inReplyToId} does not exist (or was deleted)`);
    }
    const quoted = input.quoteOfId == null ? null : this.liveStatus(input.quoteOfId);
    if (input.quoteOfId != null && quoted === undefined) {
      throw new Error(`status ${input.quoteOfId} does not exist (or was deleted)`);
    }
    const now = this.clock.now();
    const id = this.snowflake(now);
    const mentioned = this.mentionedAccounts(input.text).filter((a) => a.id !== author.id);
    const status: ContractStatus = {
      id,
      accountId: author.id,
      text: input.text,
      inReplyToId: parent?.id ?? null,
      inReplyToAccountId: parent?.accountId ?? null,
      visibility: input.visibility ?? 'public',
      spoilerText: input.spoilerText ?? '',
      language: input.language === undefined ? 'en' : input.language,
      createdAt: now,
      editedAt: null,
      deletedAt: null,
      reblogOfId: null,
      quoteOfId: quoted?.id ?? null,
      mentionIds: mentioned.map((a) => a.id),
      favouritedBy: new Set(),
      poll:
        input.poll == null
          ? null
          : {
              id: String(this.nextPollId()),
              options: [...input.poll.options],
              multiple: input.poll.multiple ?? false,
              expiresAt: now + input.poll.expiresInSeconds * 1000,
              votes: new Map(),
            },
      applicationName: input.applicationName ?? null,
    };
    this.addStatus(status);
    for (const account of mentioned)
      this.notify({ to: account, from: author, type: 'mention', status });
    if (quoted != null && quoted.accountId !== author.id) {
      this.notify({ to: this.accountOf(quoted), from: author, type: 'quote', status });
    }
    const isOwnThreadOrTopLevel = parent == null || parent.accountId === author.id;
    if (status.visibility !== 'direct' && isOwnThreadOrTopLevel) {
      for (const follow of this.follows) {
        if (follow.targetAccountId !== author.id || !follow.notify || follow.pending) continue;
        const follower = this.accounts.get(follow.accountId);
        if (follower !== undefined && !mentioned.includes(follower)) {
          this.notify({ to: follower, from: author, type: 'status', status });
        }
      }
    }
    return status;
  }

  favourite(by: ContractAccount, status: ContractStatus): void {
    if (status.favouritedBy.has(by.id)) return;
    status.favouritedBy.add(by.id);
    if (status.accountId !== by.id) {
      this.notify({ to: this.accountOf(status), from: by, type: 'favourite', status });
    }
  }

  boost(by: ContractAccount, status: ContractStatus): ContractStatus {
    if (status.reblogOfId !== null)
      throw new Error('a boost cannot be boosted; boost the original');
    if (
      status.visibility === 'direct' ||
      (status.visibility === 'private' && status.accountId !== by.id)
    ) {
      throw new Error(`a ${status.visibility} post cannot be boosted`);
    }
    const now = this.clock.now();
    const reblog: ContractStatus = {
      id: this.snowflake(now),
      accountId: by.id,
      text: '',
      inReplyToId: null,
      inReplyToAccountId: null,
      visibility: status.visibility === 'private' ? 'private' : 'public',
      spoilerText: '',
      language: null,
      createdAt: now,
      editedAt: null,
      deletedAt: null,
      reblogOfId: status.id,
      quoteOfId: null,
      mentionIds: [],
      favouritedBy: new Set(),
      poll: null,
      applicationName: null,
    };
    this.addStatus(reblog);
    if (status.accountId !== by.id) {
      this.notify({ to: this.accountOf(status), from: by, type: 'reblog', status });
    }
    return reblog;
  }

  /** Mastodon tells the people who boosted a post that it was edited. */
  edit(status: ContractStatus, text: string): void {
    status.text = text;
    status.editedAt = this.clock.now();
    status.mentionIds = this.mentionedAccounts(text)
      .filter((a) => a.id !== status.accountId)
      .map((a) => a.id);
    const author = this.accountOf(status);
    for (const boost of this.liveBoostsOf(status)) {
      const booster = this.accounts.get(boost.accountId);
      if (booster !== undefined && booster.id !== author.id) {
        this.notify({ to: booster, from: author, type: 'update', status });
      }
    }
  }

  vote(by: ContractAccount, status: ContractStatus, choices: readonly number[]): void {
    const poll = status.poll;
    if (poll === null) throw new Error(`status ${status.id} has no poll`);
    if (choices.some((c) => !Number.isInteger(c) || c < 0 || c >= poll.options.length)) {
      throw new Error(`no such poll option: ${choices.join(', ')}`);
    }
    poll.votes.set(by.id, poll.multiple ? [...choices] : choices.slice(0, 1));
  }

  /** The poll closes now: its author and everyone who voted hear about it (`poll`). */
  endPoll(status: ContractStatus): void {
    const poll = status.poll;
    if (poll === null) throw new Error(`status ${status.id} has no poll`);
    poll.expiresAt = Math.min(poll.expiresAt, this.clock.now());
    const author = this.accountOf(status);
    const told = new Set([author.id, ...poll.votes.keys()]);
    for (const id of told) {
      const account = this.accounts.get(id);
      if (account !== undefined) this.notify({ to: account, from: author, type: 'poll', status });
    }
  }

  /** Gone, as Mastodon deletes it: its notifications and its boosts go with it. */
  deleteStatus(status: ContractStatus): void {
    const now = this.clock.now();
    for (const boost of this.liveBoostsOf(status)) this.markDeleted(boost, now);
    this.markDeleted(status, now);
    for (let i = this.notifications.length - 1; i >= 0; i -= 1) {
      if (this.notifications[i]?.statusId === status.id) this.notifications.splice(i, 1);
    }
  }

  private addStatus(status: ContractStatus): void {
    this.statuses.set(status.id, status);
    this.liveCounts.set(status.accountId, (this.liveCounts.get(status.accountId) ?? 0) + 1);
    this.lastPostedAt.set(status.accountId, status.createdAt);
    const index = (map: Map<string, ContractStatus[]>, key: string | null) => {
      if (key === null) return;
      const list = map.get(key) ?? [];
      list.push(status);
      map.set(key, list);
    };
    index(this.repliesIndex, status.inReplyToId);
    index(this.boostsIndex, status.reblogOfId);
    index(this.quotesIndex, status.quoteOfId);
  }

  private markDeleted(status: ContractStatus, at: number): void {
    if (status.deletedAt !== null) return;
    status.deletedAt = at;
    this.liveCounts.set(status.accountId, (this.liveCounts.get(status.accountId) ?? 1) - 1);
  }

  /** How many posts (boosts included) someone has that are not deleted. */
  statusCountOf(accountId: string): number {
    return this.liveCounts.get(accountId) ?? 0;
  }

  /** When someone last posted (Mastodon keeps it after a delete too), or null. */
  lastStatusAtOf(accountId: string): number | null {
    return this.lastPostedAt.get(accountId) ?? null;
  }

  liveBoostsOf(status: ContractStatus): ContractStatus[] {
    return (this.boostsIndex.get(status.id) ?? []).filter((s) => s.deletedAt === null);
  }

  liveRepliesTo(status: ContractStatus): ContractStatus[] {
    return (this.repliesIndex.get(status.id) ?? []).filter((s) => s.deletedAt === null);
  }

  liveQuotesOf(status: ContractStatus): ContractStatus[] {
    return (this.quotesIndex.get(status.id) ?? []).filter((s) => s.deletedAt === null);
  }

  accountOf(status: ContractStatus): ContractAccount {
    const account = this.accounts.get(status.accountId);
    if (account === undefined) throw new Error(`status ${status.id} has no author`);
    return account;
  }

  /** Whether `viewerId` (null: nobody signed in) may see a status, as Mastodon decides. */
  canSee(viewerId: string | null, status: ContractStatus): boolean {
    if (status.deletedAt !== null) return false;
    if (status.visibility === 'public' || status.visibility === 'unlisted') return true;
    if (viewerId === null) return false;
    if (viewerId === status.accountId || status.mentionIds.includes(viewerId)) return true;
    return status.visibility === 'private' && this.isFollowing(viewerId, status.accountId);
  }

  // —— notifications ——

  notify(input: {
    to: ContractAccount;
    from: ContractAccount;
    type: string;
    status?: ContractStatus | null;
  }): ContractNotification {
    const now = this.clock.now();
    const statusId = input.status?.id ?? null;
    const notification: ContractNotification = {
      id: this.nextNotificationId(),
      accountId: input.to.id,
      fromAccountId: input.from.id,
      type: input.type,
      statusId,
      createdAt: now,
      groupKey: this.groupKey(input.to.id, input.type, statusId, now),
    };
    this.notifications.push(notification);
    if (!CONTRACT_NOTIFICATION_TYPES.includes(input.type)) this.hasUnlistedNotificationType = true;
    return notification;
  }

  /**
   * Mastodon's NotifyService: favourites and boosts of one post (and follows) share a key made of
   * the type, the post and the hour the group started; a group keeps growing while new ones come
   * within 12 hours of its start.
   */
  private groupKey(
    recipientId: string,
    type: string,
    statusId: string | null,
    at: number,
  ): string | null {
    if (!GROUPABLE_TYPES.includes(type)) return null;
    const prefix = type === 'follow' ? type : `${type}-${statusId ?? ''}`;
    const redisKey = `${recipientId}/${prefix}`;
    let bucket = Math.floor(at / HOUR);
    const previous = this.groupBuckets.get(redisKey);
    if (
      previous !== undefined &&
      previous.expiresAt > at &&
      bucket < previous.bucket + MAXIMUM_GROUP_SPAN_HOURS
    ) {
      bucket = previous.bucket;
    }
    this.groupBuckets.set(redisKey, { bucket, expiresAt: at + MAXIMUM_GROUP_SPAN_HOURS * HOUR });
    return `${prefix}-${bucket}`;
  }

  notificationsOf(accountId: string): ContractNotification[] {
    return this.notifications.filter((n) => n.accountId === accountId);
  }

  // —— markers ——

  setMarker(accountId: string, timeline: string, lastReadId: string): ContractMarker {
    let timelines = this.markers.get(accountId);
    if (timelines === undefined) {
      timelines = new Map();
      this.markers.set(accountId, timelines);
    }
    const existing = timelines.get(timeline);
    const marker: ContractMarker = {
      lastReadId,
      version:
        existing === undefined
          ? 0
          : existing.lastReadId === lastReadId
            ? existing.version
            : existing.version + 1,
      updatedAt: existing?.lastReadId === lastReadId ? existing.updatedAt : this.clock.now(),
    };
    timelines.set(timeline, marker);
    return marker;
  }

  // —— OAuth ——

  registerApp(input: {
    name: string;
    website: string | null;
    redirectUris: readonly string[];
    scopes: readonly string[];
  }): ContractApp {
    const app: ContractApp = {
      id: String(this.nextAppId()),
      name: input.name,
      website: input.website,
      clientId: secret(),
      clientSecret: secret(),
      redirectUris: [...input.redirectUris],
      scopes: [...input.scopes],
    };
    this.apps.set(app.clientId, app);
    return app;
  }

  issueToken(
    account: ContractAccount,
    scopes: readonly string[],
    clientId: string | null,
  ): ContractToken {
    const token: ContractToken = {
      token: secret(),
      clientId,
      accountId: account.id,
      scopes: [...scopes],
      createdAt: this.clock.now(),
      revokedAt: null,
    };
    this.tokens.set(token.token, token);
    return token;
  }

  revokeToken(token: string): void {
    const record = this.tokens.get(token);
    if (record !== undefined && record.revokedAt === null) record.revokedAt = this.clock.now();
  }

  // —— Idempotency-Key ——

  rememberedPost(accountId: string, key: string): ContractStatus | undefined {
    const entry = this.idempotencyKeys.get(`${accountId}:${key}`);
    if (entry === undefined) return undefined;
    if (entry.expiresAt <= this.clock.now()) {
      this.idempotencyKeys.delete(`${accountId}:${key}`);
      return undefined;
    }
    return this.liveStatus(entry.statusId);
  }

  rememberPost(accountId: string, key: string, status: ContractStatus): void {
    this.idempotencyKeys.set(`${accountId}:${key}`, {
      statusId: status.id,
      expiresAt: this.clock.now() + IDEMPOTENCY_TTL_MS,
    });
  }

  /** Statuses sorted newest first (by id, as Mastodon sorts). */
  newestFirst(statuses: Iterable<ContractStatus>): ContractStatus[] {
    return [...statuses].sort((a, b) => compareIds(b.id, a.id));
  }
}

/** 43 characters of base64url, like Mastodon's tokens and client credentials. */
function secret(): string {
  return randomBytes(32).toString('base64url');
}
