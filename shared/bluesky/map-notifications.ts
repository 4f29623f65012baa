/**
 * Bluesky notifications as Slowpost's activity: one notification at a time into a batch of people,
 * posts and activity. A notification that cannot be read (or whose post cannot) becomes a problem
 * with its reason: it is skipped, and the page goes on.
 *
 * A notification's id on the network is the URI of the record that caused it (the reply, the
 * like, the follow). Replies, mentions and quotes carry their post; likes and reposts name the
 * user's own post they are about (`reasonSubject`).
 */
import type {
  ActivityBatch,
  ConnectorProblem,
  IncomingActivity,
  IncomingPerson,
} from '../connectors/connector';
import { localId, type Account, type Post } from '../domain';
import { parseUnknown } from '../validation/parse-unknown';
import { activityKindOf, REASONS_WITH_POST, toPerson, toPost } from './map-records';
import {
  AtUriSchema,
  NotificationSchema,
  PostRecordSchema,
  PostViewSchema,
  type Notification,
  type Profile,
} from './payloads';

/** Collects the records of a page, one per id (the last one wins), and its problems. */
export class BlueskyRecords {
  private readonly people = new Map<string, IncomingPerson>();
  private readonly posts = new Map<string, Post>();
  private readonly activity = new Map<string, IncomingActivity>();
  private readonly problems: ConnectorProblem[] = [];
  /** Posts the activity points at (a reply's parent and root, a like's post), by URI. */
  private readonly wanted = new Set<string>();

  constructor(readonly account: Account) {}

  /**
   * The posts the activity points at that are not in the batch yet (a reply's parent and root, the
   * post liked, reposted or quoted): the connector reads them, so the conversation reads whole.
   */
  missingPosts(): string[] {
    return [...this.wanted].filter((uri) => !this.posts.has(localId(this.account.id, uri)));
  }

  addPerson(profile: Profile): IncomingPerson {
    const person = toPerson(profile, this.account);
    this.people.set(person.id, person);
    return person;
  }

  addPost(post: Post): void {
    this.posts.set(post.id, post);
  }

  /** A post view (from a thread, or a record read back) with its author; null when unreadable. */
  addPostView(raw: unknown): Post | null {
    const view = parseUnknown(PostViewSchema, raw, 'post');
    if (!view.ok) {
      this.addProblem(uriOf(raw), view.error);
      return null;
    }
    const record = parseUnknown(PostRecordSchema, view.value.record, 'post record');
    if (!record.ok) {
      this.addProblem(view.value.uri, record.error);
      return null;
    }
    this.addPerson(view.value.author);
    const post = toPost(
      {
        uri: view.value.uri,
        cid: view.value.cid,
        authorDid: view.value.author.did,
        record: record.value,
      },
      this.account,
    );
    this.addPost(post);
    return post;
  }

  addProblem(networkId: string | null, message: string): void {
    const itemId = networkId === null ? null : localId(this.account.id, networkId);
    this.problems.push({ itemId, message });
  }

  /** One notification from the list, already parsed (see `parseNotification`). */
  addNotification(notification: Notification): void {
    const { account } = this;
    const kind = activityKindOf(notification.reason);
    let post: Post | null = null;
    if (REASONS_WITH_POST.has(notification.reason)) {
      const record = parseUnknown(PostRecordSchema, notification.record, 'post');
      if (!record.ok) {
        this.addProblem(notification.uri, record.error);
        return;
      }
      post = toPost(
        {
          uri: notification.uri,
          cid: notification.cid,
          authorDid: notification.author.did,
          record: record.value,
        },
        account,
      );
      this.addPost(post);
    }
    const actor = this.addPerson(notification.author);
    const subject = AtUriSchema.safeParse(notification.reasonSubject);
    if (subject.success) this.wanted.add(subject.data);
    if (post?.parent) this.wanted.add(post.parent.uri);
    if (post && post.root.uri !== post.uri) this.wanted.add(post.root.uri);
    this.activity.set(localId(account.id, notification.uri), {
      id: localId(account.id, notification.uri),
      accountId: account.id,
      networkId: notification.uri,
      kind,
      rawType: notification.reason,
      actorId: actor.id,
      postId: post?.id ?? null,
      subjectPostId: subject.success ? localId(account.id, subject.data) : null,
      threadId: post?.threadId ?? null,
      createdAt: notification.indexedAt,
    });
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
      problems: [...this.problems],
    };
  }
}

/** A notification from the list, or the reason it cannot be read. */
export function parseNotification(
  raw: unknown,
): { ok: true; value: Notification } | { ok: false; uri: string | null; error: string } {
  const parsed = parseUnknown(NotificationSchema, raw, 'notification');
  return parsed.ok
    ? { ok: true, value: parsed.value }
    : { ok: false, uri: uriOf(raw), error: parsed.error };
}

/** The item's URI when it has a readable one. */
function uriOf(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const uri = AtUriSchema.safeParse((raw as { uri?: unknown }).uri);
  return uri.success ? uri.data : null;
}
