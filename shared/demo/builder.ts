/**
 * Assembles demo records: posts rendered to Mastodon-shaped HTML with the automatic mentions a
 * reply gets, and the activity items the user is notified of. Times are offsets from the anchor.
 */
import type { IncomingActivity } from '../connectors/connector';
import type { ActivityKind, Post, Visibility } from '../domain';
import { localId } from '../domain';
import { DEMO_ACCOUNT_ID, DEMO_SERVER_ORIGIN } from './constants';
import { quoteInlineHtml, renderMarkup, type MentionTarget } from './html';
import {
  personLocalId,
  personSeed,
  profileUrl,
  SELF_KEY,
  userName,
  type AuthorKey,
  type DemoPersonSeed,
  type PersonKey,
} from './people';
import type { Rng } from './prng';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;

export interface BuiltPost {
  readonly post: Post;
  readonly author: AuthorKey;
  /** People mentioned, by table key (explicit and automatic mentions). */
  readonly mentions: readonly string[];
  /** Offset from the anchor, in ms. */
  readonly t: number;
}

export interface PostSpec {
  readonly nid: string;
  readonly by: AuthorKey;
  readonly t: number;
  readonly text: string;
  readonly parent?: BuiltPost;
  readonly visibility: Visibility;
  readonly cw?: string | null;
  readonly lang?: string;
  readonly rawHtml?: string;
  readonly quoteOf?: BuiltPost;
}

const EXPLICIT_MENTION = /(?<![\p{L}\p{N}_@/])@([a-z][a-z0-9_]*)/gu;

export function seedOf(key: string): DemoPersonSeed {
  const seed = personSeed(key);
  if (seed === undefined) throw new Error(`demo script: unknown person "${key}"`);
  return seed;
}

function resolveMention(key: string): MentionTarget | undefined {
  const seed = personSeed(key);
  return seed === undefined
    ? undefined
    : { userName: userName(seed), profileUrl: profileUrl(seed) };
}

export function compareByTime(
  a: { createdAt: number; networkId: string },
  b: { createdAt: number; networkId: string },
): number {
  if (a.createdAt !== b.createdAt) return a.createdAt - b.createdAt;
  return a.networkId < b.networkId ? -1 : a.networkId > b.networkId ? 1 : 0;
}

export class NetworkBuilder {
  readonly posts = new Map<string, BuiltPost>();
  readonly activity: IncomingActivity[] = [];
  private readonly appreciated = new Set<string>();
  private generated = 0;

  constructor(
    private readonly anchor: number,
    readonly rng: Rng,
  ) {}

  nextGeneratedId(): string {
    this.generated += 1;
    return `g-${String(this.generated).padStart(4, '0')}`;
  }

  post(nid: string): BuiltPost {
    const built = this.posts.get(nid);
    if (built === undefined) throw new Error(`demo script: unknown post "${nid}"`);
    return built;
  }

  addPost(spec: PostSpec): BuiltPost {
    if (this.posts.has(spec.nid)) throw new Error(`demo script: duplicate post "${spec.nid}"`);
    const { parent } = spec;
    if (parent !== undefined && spec.t <= parent.t) {
      throw new Error(`demo script: "${spec.nid}" is not after the post it answers`);
    }
    const author = seedOf(spec.by);

    // Mastodon starts a reply with mentions of the people in the post it answers.
    const explicit = new Set(Array.from(spec.text.matchAll(EXPLICIT_MENTION), (m) => m[1]));
    const automatic: string[] = [];
    if (parent !== undefined) {
      for (const key of [parent.author, ...parent.mentions]) {
        if (key !== spec.by && !explicit.has(key) && !automatic.includes(key)) automatic.push(key);
      }
    }
    const text =
      automatic.length > 0 ? `${automatic.map((k) => `@${k}`).join(' ')} ${spec.text}` : spec.text;
    const rendered = renderMarkup(text, {
      origin: DEMO_SERVER_ORIGIN,
      resolveMention,
      ...(spec.rawHtml === undefined ? {} : { rawHtml: spec.rawHtml }),
    });

    const id = localId(DEMO_ACCOUNT_ID, spec.nid);
    const uri = `${DEMO_SERVER_ORIGIN}/users/${author.acct}/statuses/${spec.nid}`;
    const url = `${DEMO_SERVER_ORIGIN}/@${author.acct}/${spec.nid}`;
    const quoteUrl = spec.quoteOf?.post.url;
    const post: Post = {
      id,
      accountId: DEMO_ACCOUNT_ID,
      networkId: spec.nid,
      uri,
      cid: null,
      url,
      threadId: parent === undefined ? id : parent.post.threadId,
      authorId: personLocalId(spec.by),
      contentHtml: rendered.html + (quoteUrl ? quoteInlineHtml(quoteUrl) : ''),
      createdAt: this.anchor + spec.t,
      parent: parent === undefined ? null : { id: parent.post.id, uri: parent.post.uri, cid: null },
      root: parent === undefined ? { id, uri, cid: null } : parent.post.root,
      visibility: spec.visibility,
      contentWarning: spec.cw ?? null,
      language: spec.lang ?? 'en',
      isOwn: spec.by === SELF_KEY,
      arrivedAt: 0,
      screen: null,
    };
    const built: BuiltPost = { post, author: spec.by, mentions: rendered.mentions, t: spec.t };
    this.posts.set(spec.nid, built);

    const kind = this.conversationKind(built, spec);
    if (kind !== null) {
      this.addActivity({
        nid: `n-${spec.nid}`,
        kind,
        rawType: kind === 'quote' ? 'quote' : 'mention',
        actor: spec.by,
        postId: id,
        subjectPostId: spec.quoteOf?.post.id ?? null,
        threadId: post.threadId,
        t: spec.t,
      });
    }
    return built;
  }

  /** What the user is notified of for a post, if anything. */
  private conversationKind(built: BuiltPost, spec: PostSpec): ActivityKind | null {
    if (built.author === SELF_KEY) return null;
    if (spec.quoteOf !== undefined) return 'quote';
    const mentionsUser = built.mentions.includes(SELF_KEY);
    if (built.post.visibility === 'direct' && mentionsUser) return 'direct';
    if (spec.parent?.author === SELF_KEY) return 'reply';
    return mentionsUser ? 'mention' : null;
  }

  addActivity(a: {
    nid: string;
    kind: ActivityKind;
    rawType: string;
    actor: AuthorKey;
    postId: string | null;
    subjectPostId: string | null;
    threadId: string | null;
    t: number;
  }): void {
    this.activity.push({
      id: localId(DEMO_ACCOUNT_ID, a.nid),
      accountId: DEMO_ACCOUNT_ID,
      networkId: a.nid,
      kind: a.kind,
      rawType: a.rawType,
      actorId: personLocalId(a.actor),
      postId: a.postId,
      subjectPostId: a.subjectPostId,
      threadId: a.threadId,
      createdAt: this.anchor + a.t,
    });
  }

  /** A favourite or boost of one of the user's posts; false if that person already did it. */
  addAppreciation(kind: 'favourite' | 'boost', actor: PersonKey, subject: BuiltPost, t: number) {
    const nid = `${kind === 'favourite' ? 'fav' : 'boost'}-${actor}-${subject.post.networkId}`;
    if (this.appreciated.has(nid)) return false;
    this.appreciated.add(nid);
    this.addActivity({
      nid,
      kind,
      rawType: kind === 'favourite' ? 'favourite' : 'reblog',
      actor,
      postId: null,
      subjectPostId: subject.post.id,
      threadId: null,
      t,
    });
    return true;
  }
}
