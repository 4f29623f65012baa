/**
 * The Mastodon connector: a Mastodon-API server (Mastodon, and compatible ones such as snac,
 * GoToSocial, Akkoma) behind the `Connector` interface, through `masto` for every call.
 *
 * In the app it talks to its own origin with the account's header (the network gateway in main
 * adds the token and forwards to the account's server); in integration tests, straight to a test
 * server with a bearer token. Payloads are parsed and mapped by the pure code in shared/mastodon/.
 *
 * - Sync: notifications after the cursor (the newest notification id stored), grouped (v2) where
 *   the server has them (its instance says Mastodon API version 2, and the endpoint answers), plain
 *   (v1) otherwise; paging and the first sync's bound: notification-windows.ts; threads:
 *   shared/mastodon/thread-roots.ts; groups: shared/mastodon/map-notifications.ts.
 * - Replies: to the parent's status (`in_reply_to_id`), addressed as Mastodon clients do (a direct
 *   message is answered as one), with the content warning, the language and the outbox's
 *   `Idempotency-Key`; the check after an unknown outcome: shared/mastodon/sent-reply-match.ts.
 *   A new conversation is a status answering nothing that starts with its addressee's `@handle`
 *   (public, unlisted, followers-only, or a direct message), checked for the same way.
 * - Read position: the notifications marker, never moved back.
 */
import {
  ConnectorError,
  isTransient,
  type ActivityBatch,
  type CallOptions,
  type Connector,
  type EarlierAttempt,
  type OutgoingReply,
  type PeoplePage,
  type SentReply,
  type ThreadSnapshot,
} from '@shared/connectors/connector';
import {
  MASTODON_DEFAULT_CAPABILITIES,
  type Account,
  type NetworkCapabilities,
  type Post,
} from '@shared/domain';
import { decodeMastodonCursor, encodeMastodonCursor } from '@shared/mastodon/cursor';
import { compareIds, networkIdOf } from '@shared/mastodon/ids';
import { instanceFacts, type InstanceFacts } from '@shared/mastodon/instance';
import { parseEach, RecordsBuilder } from '@shared/mastodon/map-notifications';
import { localDomainOf, toPerson, toPost, type MappingContext } from '@shared/mastodon/map-records';
import {
  MastodonAccountSchema,
  MastodonInstanceV1Schema,
  MastodonInstanceV2Schema,
  MastodonMarkersSchema,
  MastodonNotificationSchema,
  MastodonStatusSchema,
  type MastodonStatus,
} from '@shared/mastodon/payloads';
import {
  addressNewConversation,
  addressReply,
  type AddressedReply,
} from '@shared/mastodon/reply-address';
import { CLOCK_SKEW_MS, isSentReply } from '@shared/mastodon/sent-reply-match';
import { ThreadRoots } from '@shared/mastodon/thread-roots';
import { z } from 'zod';
import { nextLinkParam, parseAnswer, read, request, type ServerAccess } from './masto-client';
import {
  groupedBatch,
  groupedWindows,
  plainBatch,
  plainWindows,
  PLAIN_PAGE_SIZE,
  type PageDeps,
} from './notification-pages';
import { firstSyncStart, windowAfter, type PagingState } from './notification-windows';
import { addConversation, learnConversation } from './thread-lookup';

export interface MastodonConnectorOptions {
  readonly account: Account;
  /** Where requests go: the page's or worker's own origin in the app, a test server's in tests. */
  readonly baseUrl: string;
  /** Sent with every request: `{ [ACCOUNT_HEADER]: account.id }` in the app. */
  readonly headers: Readonly<Record<string, string>>;
  /** The clock for the first sync's bound (default `Date.now`). */
  readonly now?: () => number;
  /** Whether this computer is online (`navigator.onLine` in the app; default: always). */
  readonly isOnline?: () => boolean;
}

/**
 * Notification groups per page: the most Mastodon gives, so a sync spends as little as it can of
 * the server's 300 requests per 5 minutes (what one call may look up is bounded on its own).
 */
const GROUPED_PAGE = 80;
const FOLLOWING_PAGE = 80;
const OWN_STATUSES_PAGE = 40;
/** How far back the check after an unknown outcome reads the user's own posts, at most. */
const OWN_STATUSES_PAGES = 10;

const UnknownListSchema = z.array(z.unknown());

export function createMastodonConnector(options: MastodonConnectorOptions): Connector {
  return new MastodonConnector(options);
}

class MastodonConnector implements Connector {
  readonly network = 'mastodon' as const;
  readonly account: Account;
  private readonly access: ServerAccess;
  private readonly now: () => number;
  private readonly roots = new ThreadRoots();
  private readonly paging: PagingState = { adjacent: null };
  private facts: InstanceFacts | null = null;
  private localDomain: string;
  /** The server said it has grouped notifications, but its endpoint refused: plain from now on. */
  private groupedRefused = false;

  constructor(options: MastodonConnectorOptions) {
    this.account = options.account;
    this.now = options.now ?? Date.now;
    this.localDomain = localDomainOf(options.account);
    const isOnline = options.isOnline ?? (() => true);
    this.access = { baseUrl: options.baseUrl, headers: options.headers, isOnline };
  }

  get capabilities(): NetworkCapabilities {
    return this.facts?.capabilities ?? this.account.capabilities ?? MASTODON_DEFAULT_CAPABILITIES;
  }

  private get context(): MappingContext {
    return { account: this.account, localDomain: this.localDomain, roots: this.roots };
  }

  async fetchActivitySince(cursor: string | null, options?: CallOptions): Promise<ActivityBatch> {
    const facts = await this.instance(options);
    const grouped = facts.groupedNotifications && !this.groupedRefused;
    if (cursor === null) {
      const start = grouped
        ? await this.orPlain(() =>
            firstSyncStart(this.now(), GROUPED_PAGE, groupedWindows(this.access), options),
          )
        : null;
      const from =
        start ??
        (await firstSyncStart(this.now(), PLAIN_PAGE_SIZE, plainWindows(this.access), options));
      // Nothing yet: the next call pages forward from the start.
      return new RecordsBuilder(this.context).toBatch(encodeMastodonCursor(from), true);
    }
    const after = decodeMastodonCursor(cursor);
    const deps: PageDeps = {
      access: this.access,
      context: this.context,
      ...(options ? { options } : {}),
    };
    if (grouped) {
      const page = await this.orPlain(() =>
        windowAfter(after, GROUPED_PAGE, groupedWindows(this.access), this.paging, options),
      );
      if (page !== null) return groupedBatch(page.window.page, after, page.more, deps);
    }
    const { window, more } = await windowAfter(
      after,
      PLAIN_PAGE_SIZE,
      plainWindows(this.access),
      this.paging,
      options,
    );
    return plainBatch(window.page, after, more, deps);
  }

  /** Runs a grouped request; null (and plain from now on) when the server refuses grouping. */
  private async orPlain<T>(run: () => Promise<T>): Promise<T | null> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const { failure } = error;
      const refused =
        failure.kind === 'malformed' ||
        (failure.kind === 'rejected' && (failure.status === 404 || failure.status === 410));
      if (!refused) throw error;
      this.groupedRefused = true;
      return null;
    }
  }

  /**
   * What the server says about itself, read once per connector: `/api/v2/instance`, else
   * `/api/v1/instance`, else Mastodon's defaults (a server that answers neither still syncs).
   */
  private async instance(options?: CallOptions): Promise<InstanceFacts> {
    if (this.facts !== null) return this.facts;
    const v2 = await this.readOrNull(options, async (client) =>
      parseAnswer(MastodonInstanceV2Schema, await client.v2.instance.fetch(), 'instance'),
    );
    const v1 =
      v2 === null
        ? await this.readOrNull(options, async (client) =>
            parseAnswer(MastodonInstanceV1Schema, await client.v1.instance.fetch(), 'instance'),
          )
        : null;
    const domain = v2?.domain ?? v1?.uri ?? null;
    if (domain !== null && /^[^\s/@]+$/.test(domain)) this.localDomain = domain;
    this.facts = instanceFacts(
      v2 !== null ? { version: 2, value: v2 } : v1 !== null ? { version: 1, value: v1 } : null,
    );
    return this.facts;
  }

  /** A request whose refusal (or nonsense) is an answer too: null. Transient failures throw. */
  private async readOrNull<T>(
    options: CallOptions | undefined,
    run: Parameters<typeof read<T>>[2],
  ): Promise<T | null> {
    try {
      return await read(this.access, options, run);
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      if (isTransient(error.failure) || error.failure.kind === 'auth') throw error;
      return null;
    }
  }

  async fetchThread(postId: string, options?: CallOptions): Promise<ThreadSnapshot> {
    const statusId = this.statusIdOf(postId);
    await this.instance(options);
    const status = parseAnswer(
      MastodonStatusSchema,
      await read(this.access, options, (client) => client.v1.statuses.$select(statusId).fetch()),
      'post',
    );
    const builder = new RecordsBuilder(this.context);
    addConversation(builder, await learnConversation(this.access, status, this.roots, options));
    const batch = builder.toBatch(null, false);
    return { people: batch.people, posts: batch.posts, problems: batch.problems };
  }

  async sendReply(
    reply: OutgoingReply,
    idempotencyKey: string,
    options?: CallOptions,
  ): Promise<SentReply> {
    const parentId = reply.inReplyToPostId === null ? null : this.statusIdOf(reply.inReplyToPostId);
    const addressed = await this.addressed(reply, parentId, options);
    const raw = await request(this.access, options, (client) =>
      client.v1.statuses.create(
        {
          status: addressed.text,
          ...(parentId === null ? {} : { inReplyToId: parentId }),
          visibility: addressed.visibility,
          ...(reply.contentWarning === null || reply.contentWarning.trim() === ''
            ? {}
            : { spoilerText: reply.contentWarning }),
          ...(reply.language === null ? {} : { language: reply.language }),
        },
        { requestInit: { headers: { 'Idempotency-Key': idempotencyKey } } },
      ),
    );
    const sent = parseAnswer(MastodonStatusSchema, raw, 'post just sent');
    return { post: this.ownReply(sent, reply) };
  }

  /**
   * Whom the post is addressed to: a reply, the people of the post it answers (read first); a new
   * conversation, its addressee. Nothing has been sent yet when this fails.
   */
  private async addressed(
    reply: OutgoingReply,
    parentId: string | null,
    options?: CallOptions,
  ): Promise<AddressedReply> {
    if (parentId !== null) {
      const parent = await this.parentOf(parentId, options);
      return addressReply(reply.text, reply.visibility, parent, this.account);
    }
    if (reply.addressee == null) {
      throw new ConnectorError({
        kind: 'rejected',
        message: 'A post that answers nothing must say whom it is written to.',
        status: null,
      });
    }
    return addressNewConversation(reply.text, reply.visibility, reply.addressee, this.account);
  }

  /**
   * The post being answered, read before sending: whom to address, and whether it is a direct
   * message. Nothing has been sent yet, so an answer that cannot be read is a refusal to say so,
   * not an outcome to check.
   */
  private async parentOf(parentId: string, options?: CallOptions): Promise<MastodonStatus> {
    try {
      return parseAnswer(
        MastodonStatusSchema,
        await read(this.access, options, (client) => client.v1.statuses.$select(parentId).fetch()),
        'post being answered',
      );
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const { failure } = error;
      if (failure.kind === 'rejected' && (failure.status === 404 || failure.status === 410)) {
        throw new ConnectorError({
          kind: 'rejected',
          message: `The post being answered is no longer there (${failure.message}).`,
          status: failure.status,
        });
      }
      if (failure.kind === 'malformed') {
        throw new ConnectorError({
          kind: 'rejected',
          message: `The post being answered could not be read from the server: ${failure.message}`,
          status: null,
        });
      }
      throw error;
    }
  }

  /** The user's reply as the server has it, in the thread it answers. */
  private ownReply(status: MastodonStatus, reply: OutgoingReply): Post {
    // A new conversation is the root of its own thread.
    const rootId =
      (reply.threadId === null ? null : networkIdOf(reply.threadId, this.account.id)) ?? status.id;
    this.roots.learnContext(status, rootId === status.id ? [] : [rootId], []);
    const post = toPost(status, this.context);
    if (post === null) throw new Error('a sent reply always has its thread');
    return post;
  }

  /**
   * The account's own posts since the first attempt (less `CLOCK_SKEW_MS`), newest first, until
   * one is this reply (see shared/mastodon/sent-reply-match.ts) or they are older than that.
   */
  async findSentReply(
    reply: OutgoingReply,
    earlier: EarlierAttempt,
    options?: CallOptions,
  ): Promise<SentReply | null> {
    const lookup = {
      inReplyToId: reply.inReplyToPostId === null ? null : this.statusIdOf(reply.inReplyToPostId),
      text: reply.text,
      firstAttemptAt: earlier.firstAttemptAt,
    };
    const seen = new Set<string>();
    let maxId: string | undefined;
    for (let page = 0; page < OWN_STATUSES_PAGES; page += 1) {
      const raw = await read(this.access, options, (client) =>
        client.v1.accounts.$select(this.account.networkUserId).statuses.list({
          limit: OWN_STATUSES_PAGE,
          excludeReblogs: true,
          ...(maxId === undefined ? {} : { maxId }),
        }),
      );
      const statuses = parseEach(
        parseAnswer(UnknownListSchema, raw, "the account's posts"),
        MastodonStatusSchema,
        'post',
        () => undefined,
      ).filter((s) => !seen.has(s.id));
      // Nothing new: the server has shown all it will (some ignore `max_id`).
      if (statuses.length === 0) return null;
      const found = statuses.find((s) => isSentReply(s, lookup));
      if (found !== undefined) return { post: this.ownReply(found, reply) };
      for (const status of statuses) seen.add(status.id);
      const oldest = statuses.reduce((a, b) => (compareIds(a.id, b.id) <= 0 ? a : b));
      if (oldest.createdAt < earlier.firstAttemptAt - CLOCK_SKEW_MS) return null;
      maxId = oldest.id;
    }
    throw new ConnectorError({
      kind: 'timeout',
      message:
        'So many posts were made since the first attempt that they could not all be checked.',
    });
  }

  /**
   * Moves the notifications marker up to this activity, never back. A grouped member
   * (`favourite:<status>:<account>`) has no notification id of its own: it is looked up among the
   * plain notifications of that account and type.
   */
  async markSeen(activityNetworkId: string, options?: CallOptions): Promise<void> {
    const target = await this.notificationIdOf(activityNetworkId, options);
    const markers = parseAnswer(
      MastodonMarkersSchema,
      await read(this.access, options, (client) =>
        client.v1.markers.fetch({ timeline: ['notifications'] }),
      ),
      'read position',
    );
    const current = markers.notifications?.lastReadId ?? null;
    if (current !== null && compareIds(current, target) >= 0) return;
    await request(this.access, options, (client) =>
      client.v1.markers.create({ notifications: { lastReadId: target } }),
    );
  }

  private async notificationIdOf(
    activityNetworkId: string,
    options?: CallOptions,
  ): Promise<string> {
    const member = /^([^:]+):([^:]*):([^:]+)$/.exec(activityNetworkId);
    if (member === null) return activityNetworkId;
    const [, type = '', statusId = '', accountId = ''] = member;
    const raw = await read(this.access, options, (client) =>
      client.v1.notifications.list({
        accountId,
        types: [type as 'favourite'],
        limit: PLAIN_PAGE_SIZE,
      }),
    );
    const notifications = parseEach(
      parseAnswer(UnknownListSchema, raw, 'notifications'),
      MastodonNotificationSchema,
      'notification',
      () => undefined,
    );
    const found = notifications.find(
      (n) => n.type === type && (statusId === '' || n.status?.id === statusId),
    );
    if (found === undefined) {
      throw new ConnectorError({
        kind: 'rejected',
        message: `The server no longer lists the notification for ${activityNetworkId}.`,
        status: null,
      });
    }
    return found.id;
  }

  /**
   * The people the account follows, a page at a time. Mastodon pages this list by its own follow
   * ids, which only its `Link` header names: the cursor is the `max_id` of that link.
   */
  async fetchFollowing(cursor: string | null, options?: CallOptions): Promise<PeoplePage> {
    await this.instance(options);
    const response = await read(this.access, options, (client) =>
      client.v1.accounts.$select(this.account.networkUserId).following.list.$raw({
        limit: FOLLOWING_PAGE,
        ...(cursor === null ? {} : { maxId: cursor }),
      }),
    );
    const builder = new RecordsBuilder(this.context);
    const people = parseEach(
      parseAnswer(UnknownListSchema, response.data, 'people followed'),
      MastodonAccountSchema,
      'account',
      (id, message) => builder.addProblem(id, message),
    ).map((person) => toPerson(person, this.context));
    const next = nextLinkParam(response.headers.get('link'), 'max_id');
    return {
      people,
      nextCursor: next !== null && next !== cursor && people.length > 0 ? next : null,
      problems: builder.toBatch(null, false).problems,
    };
  }

  /** The status id inside a local post id of this account. */
  private statusIdOf(postId: string): string {
    const id = networkIdOf(postId, this.account.id);
    if (id === null) {
      throw new ConnectorError({
        kind: 'rejected',
        message: `${postId} is not a post of this account (${this.account.handle}).`,
        status: null,
      });
    }
    return id;
  }
}
