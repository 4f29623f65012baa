/**
 * The built-in demo network behind the `Connector` interface. It generates the network once, then
 * shows it through an injected clock: only activity and posts created at or before `clock()` are
 * visible, so as the clock moves on, new activity "arrives".
 *
 * Memory is per instance: replies sent through `sendReply` (and their idempotency keys) live in the
 * connector object only. A new connector for the same seed and anchor starts without them, as if
 * the demo server had been reset — but a sent reply's id is derived from its idempotency key, so
 * sending the same key again through a new instance makes a post with the same id, which the
 * store overwrites: still one post (like a deterministic Bluesky record key).
 */
import {
  ConnectorError,
  type ActivityBatch,
  type Connector,
  type EarlierAttempt,
  type IncomingActivity,
  type IncomingPerson,
  type OutgoingReply,
  type PeoplePage,
  type SentReply,
  type ThreadSnapshot,
} from '../connectors/connector';
import {
  LanguageSchema,
  localId,
  MASTODON_DEFAULT_CAPABILITIES,
  type Account,
  type NetworkCapabilities,
  type Post,
} from '../domain';
import {
  DEMO_ACCOUNT_ID,
  DEMO_DEFAULT_SEED,
  DEMO_FIRST_TIME_SENDER_ID,
  DEMO_PAGE_SIZE,
  DEMO_SERVER_ORIGIN,
  DEMO_SPAM_PERSON_IDS,
} from './constants';
import { compareByTime } from './builder';
import { generateDemoNetwork, type DemoNetwork } from './generate';
import { plainTextToHtml, type MentionTarget } from './html';
import { SELF_SEED } from './people';
import { hashHex64 } from './prng';

export interface DemoConnectorOptions {
  /** The instant the demo's history is built around: "now" when the demo was set up. */
  readonly anchor: number;
  /** What time it is on the demo network. Injected so tests and simulated days control it. */
  readonly clock: () => number;
  readonly seed?: number;
  /** Activity items per page (default 200). */
  readonly pageSize?: number;
  /**
   * Whether this computer can reach a network now (`navigator.onLine` in the app; default: always).
   * The demo lives on this machine, but it behaves like a server: while offline every call fails
   * the way a real one would, with a transient `offline` error.
   */
  readonly isOnline?: () => boolean;
}

interface CursorPosition {
  readonly createdAt: number;
  readonly networkId: string;
}

const CURSOR_PREFIX = 'demo-v1';
const FOLLOWING_CURSOR_PREFIX = 'demo-following';
/** People per `fetchFollowing` page. */
const FOLLOWING_PAGE_SIZE = 40;

/** The demo connector, with what it was told about the user's reading. */
export interface DemoConnector extends Connector {
  /** The activity `markSeen` last moved the demo's read position to, or null. */
  readonly seenUpTo: string | null;
}

export function encodeDemoCursor(position: CursorPosition): string {
  return `${CURSOR_PREFIX}|${position.createdAt}|${position.networkId}`;
}

export function decodeDemoCursor(cursor: string): CursorPosition {
  const [prefix, createdAt, ...rest] = cursor.split('|');
  const networkId = rest.join('|');
  const instant = Number(createdAt);
  if (prefix !== CURSOR_PREFIX || !Number.isSafeInteger(instant) || networkId === '') {
    throw new ConnectorError({ kind: 'malformed', message: `Not a demo sync cursor: "${cursor}"` });
  }
  return { createdAt: instant, networkId };
}

function rejected(message: string, status: number | null): ConnectorError {
  return new ConnectorError({ kind: 'rejected', message, status });
}

export function createDemoConnector(options: DemoConnectorOptions): DemoConnector {
  const network = generateDemoNetwork(options.anchor, options.seed ?? DEMO_DEFAULT_SEED);
  return new DemoNetworkConnector(
    network,
    options.clock,
    options.pageSize ?? DEMO_PAGE_SIZE,
    options.isOnline ?? (() => true),
  );
}

class DemoNetworkConnector implements DemoConnector {
  readonly network = 'demo' as const;
  readonly account: Account;
  /** The demo behaves like a Mastodon server with Mastodon's defaults. */
  readonly capabilities: NetworkCapabilities = MASTODON_DEFAULT_CAPABILITIES;
  seenUpTo: string | null = null;

  private readonly peopleByHandle: ReadonlyMap<string, IncomingPerson>;
  private readonly postsById: ReadonlyMap<string, Post>;
  /** Each thread's posts, oldest first. */
  private readonly postsByThread: ReadonlyMap<string, readonly Post[]>;
  private readonly self: IncomingPerson;
  /** Replies sent through this instance, by idempotency key. */
  private readonly sent = new Map<string, Post>();
  private readonly sentById = new Map<string, Post>();
  /** Each activity item's place in the network's order, by network id (built when first asked). */
  private activityOrder: Map<string, number> | null = null;

  constructor(
    private readonly data: DemoNetwork,
    private readonly clock: () => number,
    private readonly pageSize: number,
    private readonly isOnline: () => boolean,
  ) {
    if (!Number.isInteger(pageSize) || pageSize < 1) {
      throw new RangeError('demo connector: the page size must be a positive integer');
    }
    this.account = data.account;
    this.peopleByHandle = new Map(data.people.map((p) => [p.handle.toLowerCase(), p]));
    this.postsById = new Map(data.posts.map((p) => [p.id, p]));
    const byThread = new Map<string, Post[]>();
    for (const post of data.posts) {
      const list = byThread.get(post.threadId);
      if (list === undefined) byThread.set(post.threadId, [post]);
      else list.push(post);
    }
    this.postsByThread = byThread;
    const self = data.people.find((p) => p.isSelf);
    if (self === undefined) throw new Error('demo connector: the network has no self person');
    this.self = self;
  }

  /** Fails like an unreachable server while the computer is offline. */
  private reach(): void {
    if (!this.isOnline()) {
      throw new ConnectorError({
        kind: 'offline',
        message: 'This computer is offline, so the demo network cannot be reached.',
      });
    }
  }

  async fetchActivitySince(cursor: string | null): Promise<ActivityBatch> {
    this.reach();
    const after = cursor === null ? null : decodeDemoCursor(cursor);
    const now = this.clock();
    const items = this.data.activity;
    const start = after === null ? 0 : firstIndexAfter(items, after);
    const page: IncomingActivity[] = [];
    let index = start;
    while (index < items.length && page.length < this.pageSize) {
      const item = items[index];
      if (item === undefined || item.createdAt > now) break;
      page.push(item);
      index += 1;
    }
    const next = items[index];
    const hasMore = next !== undefined && next.createdAt <= now && page.length === this.pageSize;
    const last = page[page.length - 1];
    const { people, posts } = this.contextFor(page, now);
    return {
      people,
      posts,
      activity: page,
      nextCursor: last === undefined ? cursor : encodeDemoCursor(last),
      hasMore,
      problems: [],
    };
  }

  /** Remembers the newest activity the user has seen; an older one leaves it as it is. */
  async markSeen(activityNetworkId: string): Promise<void> {
    this.reach();
    const told = this.activityIndex(activityNetworkId);
    if (told === undefined)
      throw rejected(`No activity ${activityNetworkId} on the demo network`, 404);
    const before = this.seenUpTo === null ? -1 : (this.activityIndex(this.seenUpTo) ?? -1);
    if (told > before) this.seenUpTo = activityNetworkId;
  }

  /**
   * The demo user has used social media for years: they follow everyone in the demo except the
   * first-time sender and the spam accounts, who meet the screener as they would for real.
   */
  async fetchFollowing(cursor: string | null): Promise<PeoplePage> {
    this.reach();
    const strangers = new Set<string>([DEMO_FIRST_TIME_SENDER_ID, ...DEMO_SPAM_PERSON_IDS]);
    const followed = this.data.people.filter((p) => !p.isSelf && !strangers.has(p.id));
    const start = cursor === null ? 0 : decodeFollowingCursor(cursor);
    const end = start + FOLLOWING_PAGE_SIZE;
    return {
      people: followed.slice(start, end),
      nextCursor: end < followed.length ? `${FOLLOWING_CURSOR_PREFIX}|${end}` : null,
      problems: [],
    };
  }

  async fetchThread(postId: string): Promise<ThreadSnapshot> {
    this.reach();
    const now = this.clock();
    const post = this.visiblePost(postId, now);
    if (post === undefined) throw rejected(`No post ${postId} on the demo network`, 404);
    const posts = this.threadAsOf(post.threadId, now);
    return { people: this.authorsOf(posts, []), posts, problems: [] };
  }

  async sendReply(reply: OutgoingReply, idempotencyKey: string): Promise<SentReply> {
    this.reach();
    const already = this.sent.get(idempotencyKey);
    if (already !== undefined) return { post: already };

    if (idempotencyKey.length === 0) throw rejected('A reply needs an idempotency key', null);
    if (reply.accountId !== this.account.id) {
      throw rejected(`The demo connector cannot post for account ${reply.accountId}`, 403);
    }
    const now = this.clock();
    let parent: Post | null = null;
    if (reply.inReplyToPostId === null) {
      // A new conversation: it must say whom it is written to, someone on this network.
      const to = reply.addressee ?? null;
      if (to === null || !this.data.people.some((p) => p.networkId === to.networkId)) {
        throw rejected('A new conversation needs someone on the demo network to write to', 422);
      }
    } else {
      parent = this.visiblePost(reply.inReplyToPostId, now) ?? null;
      if (parent === null) {
        throw rejected(`The post being answered (${reply.inReplyToPostId}) does not exist`, 404);
      }
      if (reply.threadId !== parent.threadId) {
        throw rejected(`Post ${parent.id} is not in thread ${reply.threadId}`, 422);
      }
    }
    if (reply.text.trim() === '') throw rejected('A reply cannot be empty', 422);
    if (reply.language !== null && !LanguageSchema.safeParse(reply.language).success) {
      throw rejected(`Not a language tag: "${reply.language}"`, 422);
    }

    let networkId = `sent-${hashHex64(idempotencyKey)}`;
    while (this.sentById.has(localId(DEMO_ACCOUNT_ID, networkId))) networkId += 'x';
    const id = localId(DEMO_ACCOUNT_ID, networkId);
    const uri = `${DEMO_SERVER_ORIGIN}/users/${SELF_SEED.acct}/statuses/${networkId}`;
    const post: Post = {
      id,
      accountId: DEMO_ACCOUNT_ID,
      networkId,
      uri,
      cid: null,
      url: `${DEMO_SERVER_ORIGIN}/@${SELF_SEED.acct}/${networkId}`,
      // A new conversation starts its own thread, with itself as the root.
      threadId: parent?.threadId ?? id,
      authorId: this.self.id,
      contentHtml: plainTextToHtml(addressed(reply), (handle) => this.mentionTarget(handle)),
      createdAt: Math.max(now, parent?.createdAt ?? now),
      parent: parent === null ? null : { id: parent.id, uri: parent.uri, cid: null },
      root: parent?.root ?? { id, uri, cid: null },
      visibility: reply.visibility,
      contentWarning: reply.contentWarning,
      language: reply.language,
      isOwn: true,
      arrivedAt: 0,
      screen: null,
    };
    this.sent.set(idempotencyKey, post);
    this.sentById.set(id, post);
    return { post };
  }

  /**
   * The check after an unknown outcome. Replies sent through this instance are known by their key;
   * a new instance (the page reloaded) knows none, and says so: sending the same key again makes a
   * post with the same id, which the store overwrites, so the demo stays at one post either way.
   */
  async findSentReply(reply: OutgoingReply, earlier: EarlierAttempt): Promise<SentReply | null> {
    this.reach();
    const post = this.sent.get(earlier.idempotencyKey);
    return post !== undefined && (post.parent?.id ?? null) === reply.inReplyToPostId
      ? { post }
      : null;
  }

  /** Where an activity item is in the network's order, by its network id. */
  private activityIndex(networkId: string): number | undefined {
    if (this.activityOrder === null) {
      this.activityOrder = new Map(this.data.activity.map((a, index) => [a.networkId, index]));
    }
    return this.activityOrder.get(networkId);
  }

  private mentionTarget(handle: string): MentionTarget | undefined {
    const person = this.peopleByHandle.get(handle.toLowerCase());
    if (person === undefined || person.profileUrl === null) return undefined;
    const userName = person.handle.replace(/^@/, '').split('@')[0] ?? person.handle;
    return { userName, profileUrl: person.profileUrl };
  }

  /** A post that exists on the network at `now`: generated and already created, or sent here. */
  private visiblePost(postId: string, now: number): Post | undefined {
    const sent = this.sentById.get(postId);
    if (sent !== undefined) return sent;
    const post = this.postsById.get(postId);
    return post !== undefined && post.createdAt <= now ? post : undefined;
  }

  /** The whole thread as it stands at `now`, oldest first, including replies sent here. */
  private threadAsOf(threadId: string, now: number): Post[] {
    const posts = (this.postsByThread.get(threadId) ?? []).filter((p) => p.createdAt <= now);
    for (const post of this.sentById.values()) if (post.threadId === threadId) posts.push(post);
    return posts.sort(compareByTime);
  }

  /** The people and posts a page refers to: actors, and the complete threads of its posts. */
  private contextFor(
    page: readonly IncomingActivity[],
    now: number,
  ): { people: IncomingPerson[]; posts: Post[] } {
    const threads = new Set<string>();
    for (const item of page) {
      for (const postId of [item.postId, item.subjectPostId]) {
        if (postId === null) continue;
        const post = this.visiblePost(postId, now);
        if (post !== undefined) threads.add(post.threadId);
      }
    }
    const posts = Array.from(threads, (threadId) => this.threadAsOf(threadId, now))
      .flat()
      .sort(compareByTime);
    return {
      people: this.authorsOf(
        posts,
        page.map((a) => a.actorId),
      ),
      posts,
    };
  }

  /** The people who wrote `posts` plus `extraIds`, in the network's people order. */
  private authorsOf(posts: readonly Post[], extraIds: readonly string[]): IncomingPerson[] {
    const wanted = new Set<string>([...posts.map((p) => p.authorId), ...extraIds]);
    return this.data.people.filter((p) => wanted.has(p.id));
  }
}

function decodeFollowingCursor(cursor: string): number {
  const [prefix, start] = cursor.split('|');
  const index = Number(start);
  if (prefix !== FOLLOWING_CURSOR_PREFIX || !Number.isSafeInteger(index) || index < 0) {
    throw new ConnectorError({
      kind: 'malformed',
      message: `Not a demo following cursor: "${cursor}"`,
    });
  }
  return index;
}

/** Index of the first item strictly after `position` in (createdAt, networkId) order. */
function firstIndexAfter(items: readonly IncomingActivity[], position: CursorPosition): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const item = items[mid];
    if (item !== undefined && compareByTime(item, position) <= 0) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A new conversation's text, with its addressee mentioned first unless the user already did. */
function addressed(reply: OutgoingReply): string {
  const to = reply.addressee ?? null;
  if (reply.inReplyToPostId !== null || to === null) return reply.text;
  const handle = to.handle.replace(/^@/, '');
  return reply.text.toLowerCase().includes(`@${handle.toLowerCase()}`)
    ? reply.text
    : `@${handle} ${reply.text}`;
}
