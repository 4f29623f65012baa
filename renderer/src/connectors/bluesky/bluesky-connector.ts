/**
 * The Bluesky connector: an AT Protocol account behind the `Connector` interface, through
 * `@atproto/api` for every call (see xrpc-agent.ts: the agent holds no token; the gateway in main
 * authorizes each request). Payloads are parsed and mapped by the pure code in shared/bluesky/.
 *
 * - Sync: notifications after the cursor, walked back from the newest and handed out oldest first
 *   (notification-pages.ts); a walk is kept between the calls of one sync, so each page of it is
 *   read once. The posts a batch points at and does not carry (a reply's parent and root, the post
 *   liked) are read with it (`getPosts`), so a conversation reads whole.
 * - Threads: `getPostThread`, every post found up and down the thread.
 * - Replies: a post record with the reply's mentions and links as facets (`RichText.detectFacets`
 *   resolves mentioned handles to DIDs), `reply.root` and `reply.parent` as strong references
 *   read from the parent post, the language, Bluesky's 300 graphemes and 3,000 bytes. Exactly
 *   once: the record's key and creation time are chosen before the first attempt
 *   (`chooseRecordKey`, stored by the outbox), every attempt creates the record at that key, and
 *   the check after an unknown outcome reads that record back (`com.atproto.repo.getRecord`).
 * - New conversations: a post that answers nothing, starting with `@handle` of the person it is
 *   written to and a mention facet with their DID (as Slowpost knows it), exactly once the same
 *   way. Bluesky's direct messages live in a separate chat service this connector does not speak,
 *   so a new conversation there is always a mention.
 * - Read position: `updateSeen` with the time of the activity seen, never moved back.
 */
import { RichText } from '@atproto/api';
import {
  ConnectorError,
  type ActivityBatch,
  type CallOptions,
  type Connector,
  type EarlierAttempt,
  type OutgoingReply,
  type PeoplePage,
  type SentReply,
  type ThreadSnapshot,
} from '@shared/connectors/connector';
import { decodeBlueskyCursor, encodeBlueskyCursor, FROM_THE_OLDEST } from '@shared/bluesky/cursor';
import { BlueskyRecords } from '@shared/bluesky/map-notifications';
import { splitAtUri, toPost } from '@shared/bluesky/map-records';
import {
  CreatedRecordSchema,
  FollowsSchema,
  PostRecordSchema,
  PostViewSchema,
  ProfileSchema,
  RecordAnswerSchema,
  StrongRefSchema,
  ThreadNodeSchema,
  type Notification,
  type StrongRef,
} from '@shared/bluesky/payloads';
import { tidAt } from '@shared/bluesky/tid';
import {
  BLUESKY_CAPABILITIES,
  type Account,
  type Addressee,
  type NetworkCapabilities,
  type RecordKey,
} from '@shared/domain';
import { networkIdOf } from '@shared/mastodon/ids';
import { parseUnknown } from '@shared/validation/parse-unknown';
import type { z } from 'zod';
import { LIST_PAGE, positionOf, walkBack, type WalkBound } from './notification-pages';
import { call, callLenient, createAgent, type Caller, type FetchLike } from './xrpc-agent';

export interface BlueskyConnectorOptions {
  readonly account: Account;
  /** Where requests go: the page's or worker's own origin in the app, the loopback host in tests. */
  readonly baseUrl: string;
  /** Sent with every request: `{ [ACCOUNT_HEADER]: account.id }`. */
  readonly headers: Readonly<Record<string, string>>;
  /** The clock for the first sync's bound and the time of a reply (default `Date.now`). */
  readonly now?: () => number;
  /** Whether this computer is online (`navigator.onLine` in the app; default: always). */
  readonly isOnline?: () => boolean;
  /** Default: the global `fetch`. */
  readonly fetch?: FetchLike;
  /** In [0, 1), for record keys (default `Math.random`). */
  readonly random?: () => number;
}

const POST_COLLECTION = 'app.bsky.feed.post';
/** Notifications stored per batch of a sync. */
const BATCH = LIST_PAGE;
const FOLLOWS_PAGE = 100;
/** `getPosts` takes at most 25 URIs. */
const GET_POSTS_AT_ONCE = 25;
/** Posts looked up per batch at most (four requests): a batch is 100 notifications. */
const MAX_LOOKUPS = 100;
/** How far up and down a thread is read. */
const THREAD_DEPTH = 100;

export function createBlueskyConnector(options: BlueskyConnectorOptions): Connector {
  return new BlueskyConnector(options);
}

/** A sync's walk, kept for its next call: what is still to hand out after `cursor`. */
interface PendingWalk {
  readonly cursor: string;
  readonly rest: readonly Notification[];
}

class BlueskyConnector implements Connector {
  readonly network = 'bluesky' as const;
  readonly account: Account;
  readonly capabilities: NetworkCapabilities = BLUESKY_CAPABILITIES;
  private readonly caller: Caller;
  private readonly now: () => number;
  private readonly random: () => number;
  private pending: PendingWalk | null = null;

  constructor(options: BlueskyConnectorOptions) {
    this.account = options.account;
    this.now = options.now ?? Date.now;
    this.random = options.random ?? Math.random;
    const agent = createAgent({
      did: options.account.networkUserId,
      baseUrl: options.baseUrl,
      headers: options.headers,
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
    this.caller = {
      agent,
      failures: { isOnline: options.isOnline ?? (() => true), now: this.now },
    };
  }

  private get did(): string {
    return this.account.networkUserId;
  }

  async fetchActivitySince(cursor: string | null, options?: CallOptions): Promise<ActivityBatch> {
    const records = new BlueskyRecords(this.account);
    let rest: readonly Notification[];
    let start: string | null = cursor;
    if (this.pending !== null && cursor !== null && this.pending.cursor === cursor) {
      rest = this.pending.rest;
    } else {
      const bound: WalkBound =
        cursor === null
          ? { kind: 'first', now: this.now() }
          : { kind: 'after', position: decodeBlueskyCursor(cursor) };
      const walked = await walkBack(this.caller, this.account.id, bound, options);
      for (const problem of walked.problems) records.addProblem(null, problem.message);
      rest = walked.notifications;
      // A first sync that took nothing starts after what its bound left out, or at the oldest.
      start ??= encodeBlueskyCursor(walked.leftOut ?? FROM_THE_OLDEST);
    }
    const batch = rest.slice(0, BATCH);
    const left = rest.slice(BATCH);
    for (const notification of batch) records.addNotification(notification);
    await this.addMissingPosts(records, options);
    const newest = batch[batch.length - 1];
    const nextCursor =
      newest !== undefined
        ? encodeBlueskyCursor(positionOf(newest))
        : (start ?? encodeBlueskyCursor(FROM_THE_OLDEST));
    this.pending = left.length > 0 ? { cursor: nextCursor, rest: left } : null;
    return records.toBatch(nextCursor, left.length > 0);
  }

  /** Reads the posts the batch's activity points at and does not carry, `getPosts` at a time. */
  private async addMissingPosts(records: BlueskyRecords, options?: CallOptions): Promise<void> {
    const missing = records.missingPosts().slice(0, MAX_LOOKUPS);
    for (let i = 0; i < missing.length; i += GET_POSTS_AT_ONCE) {
      const uris = missing.slice(i, i + GET_POSTS_AT_ONCE);
      const raw = await callLenient(
        this.caller,
        (agent, call) => agent.app.bsky.feed.getPosts({ uris }, call),
        options,
      );
      const posts = (raw as { posts?: unknown } | null)?.posts;
      // A post deleted since is simply not there: the activity keeps its reference.
      for (const post of Array.isArray(posts) ? posts : []) records.addPostView(post);
    }
  }

  async fetchThread(postId: string, options?: CallOptions): Promise<ThreadSnapshot> {
    const uri = this.uriOf(postId);
    const raw = await callLenient(
      this.caller,
      (agent, call) =>
        agent.app.bsky.feed.getPostThread(
          { uri, depth: THREAD_DEPTH, parentHeight: THREAD_DEPTH },
          call,
        ),
      options,
    );
    const records = new BlueskyRecords(this.account);
    const thread = (raw as { thread?: unknown } | null)?.thread;
    const visit = (node: unknown, up: boolean, down: boolean, depth: number): void => {
      const parsed = ThreadNodeSchema.safeParse(node);
      if (!parsed.success || depth > THREAD_DEPTH * 2) return;
      // Posts not found, blocked or hidden have no `post`: there is nothing to show of them.
      if (parsed.data.post !== undefined) records.addPostView(parsed.data.post);
      if (up && parsed.data.parent !== undefined) visit(parsed.data.parent, true, false, depth + 1);
      if (down) for (const reply of parsed.data.replies ?? []) visit(reply, false, true, depth + 1);
    };
    visit(thread, true, true, 0);
    const batch = records.toBatch(null, false);
    if (batch.posts.length === 0 && batch.problems.length === 0) {
      throw new ConnectorError({
        kind: 'rejected',
        message: 'This post is no longer on Bluesky, or cannot be shown.',
        status: null,
      });
    }
    return { people: batch.people, posts: batch.posts, problems: batch.problems };
  }

  chooseRecordKey(now: number): RecordKey {
    return { rkey: tidAt(now, this.random), createdAt: now };
  }

  async sendReply(
    reply: OutgoingReply,
    _idempotencyKey: string,
    options?: CallOptions,
  ): Promise<SentReply> {
    const key = reply.recordKey ?? this.chooseRecordKey(this.now());
    const parent =
      reply.inReplyToPostId === null ? null : await this.parentOf(reply.inReplyToPostId, options);
    const addressee = reply.inReplyToPostId === null ? this.addresseeOf(reply) : null;
    const rich = new RichText({
      text: addressee === null ? reply.text : mentionFirst(reply.text, addressee.handle),
    });
    // Nothing is sent yet: a failure here is one to try again, not an unknown outcome.
    await this.beforeSending(() => rich.detectFacets(this.caller.agent));
    if (addressee !== null) rich.facets = withMentionOf(rich, addressee);
    const limit = this.capabilities.postLimit;
    if (rich.graphemeLength > limit.graphemes || rich.length > (limit.bytes ?? Infinity)) {
      throw new ConnectorError({
        kind: 'rejected',
        message: `Bluesky takes at most ${limit.graphemes} characters (and ${limit.bytes ?? 0} bytes); this reply has ${rich.graphemeLength}.`,
        status: null,
      });
    }
    const record = {
      $type: POST_COLLECTION,
      text: rich.text,
      ...(rich.facets && rich.facets.length > 0 ? { facets: rich.facets } : {}),
      ...(parent === null ? {} : { reply: { root: parent.root, parent: parent.self } }),
      ...(reply.language === null ? {} : { langs: [reply.language] }),
      createdAt: new Date(key.createdAt).toISOString(),
    };
    const created = parseAnswer(
      CreatedRecordSchema,
      await call(
        this.caller,
        (agent, call) =>
          agent.com.atproto.repo.createRecord(
            { repo: this.did, collection: POST_COLLECTION, rkey: key.rkey, record },
            call,
          ),
        options,
      ),
      'post just sent',
    );
    const parsed = parseAnswer(PostRecordSchema, record, 'reply');
    return {
      post: toPost(
        { uri: created.uri, cid: created.cid, authorDid: this.did, record: parsed },
        this.account,
      ),
    };
  }

  /**
   * Reads the record at the key chosen before the first attempt: there, it is the reply; the
   * server saying there is no such record, it was not made; anything else cannot tell (throws).
   */
  async findSentReply(
    reply: OutgoingReply,
    _earlier: EarlierAttempt,
    options?: CallOptions,
  ): Promise<SentReply | null> {
    const key = reply.recordKey;
    if (key == null) {
      throw new ConnectorError({
        kind: 'rejected',
        message: 'This reply has no record chosen for it, so Bluesky cannot be asked about it.',
        status: null,
      });
    }
    let raw: unknown;
    try {
      raw = await call(
        this.caller,
        (agent, call) =>
          agent.com.atproto.repo.getRecord(
            { repo: this.did, collection: POST_COLLECTION, rkey: key.rkey },
            call,
          ),
        options,
      );
    } catch (error) {
      if (isRecordNotFound(error)) return null;
      throw error;
    }
    const answer = parseAnswer(RecordAnswerSchema, raw, 'reply read back');
    const record = parseAnswer(PostRecordSchema, answer.value, 'reply read back');
    if (answer.cid == null) {
      throw new ConnectorError({
        kind: 'malformed',
        message: 'Bluesky returned the reply without its content id.',
      });
    }
    return {
      post: toPost({ uri: answer.uri, cid: answer.cid, authorDid: this.did, record }, this.account),
    };
  }

  /**
   * Tells Bluesky the user has seen every notification up to this one's time (`updateSeen`), unless
   * it already knows of a later time: the read position never moves back.
   */
  async markSeen(
    activityNetworkId: string,
    options?: CallOptions,
    happenedAt?: number,
  ): Promise<void> {
    if (happenedAt === undefined) {
      throw new ConnectorError({
        kind: 'rejected',
        message: `Bluesky needs the time of ${activityNetworkId} to mark it as seen.`,
        status: null,
      });
    }
    const current = await callLenient(
      this.caller,
      (agent, call) => agent.app.bsky.notification.listNotifications({ limit: 1 }, call),
      options,
    );
    const told = (current as { seenAt?: unknown } | null)?.seenAt;
    const seenAt = typeof told === 'string' ? Date.parse(told) : Number.NaN;
    if (!Number.isNaN(seenAt) && seenAt >= happenedAt) return;
    await call(
      this.caller,
      async (agent, call) => {
        await agent.app.bsky.notification.updateSeen(
          { seenAt: new Date(happenedAt).toISOString() },
          call,
        );
        return { data: null };
      },
      options,
    );
  }

  async fetchFollowing(cursor: string | null, options?: CallOptions): Promise<PeoplePage> {
    const raw = await callLenient(
      this.caller,
      (agent, call) =>
        agent.app.bsky.graph.getFollows(
          { actor: this.did, limit: FOLLOWS_PAGE, ...(cursor === null ? {} : { cursor }) },
          call,
        ),
      options,
    );
    const page = parseAnswer(FollowsSchema, raw, 'people followed');
    const records = new BlueskyRecords(this.account);
    const people = page.follows.flatMap((item) => {
      const profile = parseUnknown(ProfileSchema, item, 'person followed');
      if (!profile.ok) {
        records.addProblem(null, profile.error);
        return [];
      }
      return [records.addPerson(profile.value)];
    });
    const next = page.cursor ?? null;
    return {
      people,
      nextCursor: next !== null && next !== cursor && page.follows.length > 0 ? next : null,
      problems: records.toBatch(null, false).problems,
    };
  }

  /**
   * The post being answered, read before sending: its strong reference, and its thread's root
   * (from its own `reply.root`, or itself). Nothing is sent yet, so a refusal to show it is a
   * refusal of the reply.
   */
  private async parentOf(
    postId: string,
    options?: CallOptions,
  ): Promise<{ self: StrongRef; root: StrongRef }> {
    const uri = this.uriOf(postId);
    const raw = await this.beforeSending(() =>
      callLenient(
        this.caller,
        (agent, call) => agent.app.bsky.feed.getPosts({ uris: [uri] }, call),
        options,
      ),
    );
    const views = (raw as { posts?: unknown } | null)?.posts;
    const view = PostViewSchema.safeParse(Array.isArray(views) ? views[0] : undefined);
    const record = view.success ? PostRecordSchema.safeParse(view.data.record) : null;
    if (!view.success || record === null || !record.success) {
      throw new ConnectorError({
        kind: 'rejected',
        message: 'The post being answered is no longer on Bluesky, or cannot be read.',
        status: null,
      });
    }
    const self = StrongRefSchema.parse({ uri: view.data.uri, cid: view.data.cid });
    return { self, root: record.data.reply?.root ?? self };
  }

  /**
   * Runs a read made before anything is sent: an answer that cannot be read is a refusal, and no
   * answer at all is a transient failure whose request made nothing (so the outbox sends again
   * without checking first).
   */
  private async beforeSending<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ConnectorError)) throw error;
      const { failure } = error;
      if (failure.kind === 'malformed') {
        throw new ConnectorError({ kind: 'rejected', message: failure.message, status: null });
      }
      if (failure.kind === 'timeout' || failure.kind === 'server') {
        throw new ConnectorError({ kind: 'offline', message: failure.message });
      }
      throw error;
    }
  }

  /** Whom a new conversation (a post that answers nothing) is written to. */
  private addresseeOf(reply: OutgoingReply): Addressee {
    if (reply.addressee == null || !reply.addressee.networkId.startsWith('did:')) {
      throw new ConnectorError({
        kind: 'rejected',
        message: 'A post that answers nothing must say whom on Bluesky it is written to.',
        status: null,
      });
    }
    return reply.addressee;
  }

  /** The AT URI inside a local post id of this account. */
  private uriOf(postId: string): string {
    const uri = networkIdOf(postId, this.account.id);
    if (uri === null || splitAtUri(uri) === null) {
      throw new ConnectorError({
        kind: 'rejected',
        message: `${postId} is not a Bluesky post of this account (${this.account.handle}).`,
        status: null,
      });
    }
    return uri;
  }
}

/** The text with `@handle ` first, unless it already starts by mentioning them. */
function mentionFirst(text: string, handle: string): string {
  const bare = handle.replace(/^@/, '');
  return text.toLowerCase().startsWith(`@${bare.toLowerCase()}`) ? text : `@${bare} ${text}`;
}

/**
 * The facets with the addressee's mention at the start of the text pointing at their DID, as
 * Slowpost knows it: the handle may not resolve right now (or may have moved), and the mention is
 * what makes the post reach them.
 */
function withMentionOf(rich: RichText, addressee: Addressee): RichText['facets'] {
  const mention = `@${addressee.handle.replace(/^@/, '')}`;
  const byteEnd = new TextEncoder().encode(mention).length;
  const others = (rich.facets ?? []).filter((facet) => facet.index.byteStart >= byteEnd);
  return [
    {
      index: { byteStart: 0, byteEnd },
      features: [{ $type: 'app.bsky.richtext.facet#mention', did: addressee.networkId }],
    },
    ...others,
  ];
}

function isRecordNotFound(error: unknown): boolean {
  if (!(error instanceof ConnectorError)) return false;
  const { failure } = error;
  return (
    failure.kind === 'rejected' && /RecordNotFound|Could not locate record/i.test(failure.message)
  );
}

function parseAnswer<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = parseUnknown(schema, value, what);
  if (!parsed.ok) throw new ConnectorError({ kind: 'malformed', message: parsed.error });
  return parsed.value;
}
