/**
 * Bluesky profiles and posts as Slowpost's records (people and posts), and what a notification
 * reason means for Slowpost (its activity kind). Ids: people by DID, posts by AT URI, both as
 * local ids `<accountId>|<network id>`.
 */
import { z } from 'zod';
import type { IncomingPerson } from '../connectors/connector';
import {
  localId,
  type Account,
  type ActivityKind,
  type Post,
  type PostMedia,
  type PostRef,
} from '../domain';
import { normaliseLanguageTag } from '../text/language-tag';
import type { PostRecord, Profile, StrongRef } from './payloads';
import { profileUrlOf, richTextToHtml, BLUESKY_WEB } from './rich-text-html';

const URL_PATTERN = /^https?:\/\/\S+$/i;

export function toPerson(profile: Profile, account: Account): IncomingPerson {
  const handle = profile.handle.replace(/^@/, '');
  const validHandle = handle !== 'handle.invalid';
  return {
    id: localId(account.id, profile.did),
    accountId: account.id,
    networkId: profile.did,
    handle: validHandle ? handle : profile.did,
    displayName: profile.displayName?.trim() || (validHandle ? handle : profile.did),
    avatarUrl: profile.avatar != null && URL_PATTERN.test(profile.avatar) ? profile.avatar : null,
    profileUrl: profileUrlOf(profile.did),
    isSelf: profile.did === account.networkUserId,
  };
}

/** The parts of an AT URI: `at://<repo>/<collection>/<rkey>`. */
export function splitAtUri(uri: string): { repo: string; collection: string; rkey: string } | null {
  const match = /^at:\/\/([^/]+)\/([^/]+)\/([^/]+)$/.exec(uri);
  if (match === null) return null;
  const [, repo = '', collection = '', rkey = ''] = match;
  return { repo, collection, rkey };
}

/** The post's page on Bluesky's web app. */
export function postUrlOf(uri: string): string | null {
  const parts = splitAtUri(uri);
  if (parts === null || parts.collection !== 'app.bsky.feed.post') return null;
  return `${BLUESKY_WEB}/profile/${encodeURIComponent(parts.repo)}/post/${encodeURIComponent(parts.rkey)}`;
}

function ref(accountId: string, strong: StrongRef): PostRef {
  return { id: localId(accountId, strong.uri), uri: strong.uri, cid: strong.cid };
}

export interface PostSource {
  readonly uri: string;
  readonly cid: string;
  /** The author's DID. */
  readonly authorDid: string;
  readonly record: PostRecord;
}

/**
 * A post record as a post: its text with mentions, links and tags from its facets (see
 * rich-text-html.ts), its thread from `reply.root` (itself when it answers nothing), the first of
 * its languages. Bluesky posts are public and have no content warning (labels are not warnings
 * the author wrote).
 */
export function toPost(source: PostSource, account: Account): Post {
  const { record } = source;
  const self: StrongRef = { uri: source.uri, cid: source.cid };
  const root = record.reply?.root ?? self;
  return {
    id: localId(account.id, source.uri),
    accountId: account.id,
    networkId: source.uri,
    uri: source.uri,
    cid: source.cid,
    url: postUrlOf(source.uri),
    threadId: localId(account.id, root.uri),
    authorId: localId(account.id, source.authorDid),
    contentHtml: richTextToHtml(record.text, record.facets),
    createdAt: record.createdAt,
    parent: record.reply == null ? null : ref(account.id, record.reply.parent),
    root: ref(account.id, root),
    visibility: 'public',
    contentWarning: null,
    language: normaliseLanguageTag(record.langs?.[0] ?? null),
    isOwn: source.authorDid === account.networkUserId,
    arrivedAt: 0,
    screen: null,
    media: mediaOf(record.embed),
  };
}

const AltSchema = z.string().nullish().catch(null);
const ImagesSchema = z.object({
  $type: z.literal('app.bsky.embed.images'),
  images: z.array(z.object({ alt: AltSchema })),
});
const VideoSchema = z.object({ $type: z.literal('app.bsky.embed.video'), alt: AltSchema });
const WithMediaSchema = z.object({
  $type: z.literal('app.bsky.embed.recordWithMedia'),
  media: z.unknown(),
});

/**
 * What a post record has attached, by its descriptions: the record holds blobs, not addresses,
 * so there is nothing to load (the post's own web page shows them).
 */
function mediaOf(embed: unknown, depth = 0): PostMedia[] {
  const described = (alt: string | null | undefined) => {
    const text = alt?.trim() ?? '';
    return text === '' ? null : text;
  };
  const images = ImagesSchema.safeParse(embed);
  if (images.success) {
    return images.data.images
      .slice(0, 20)
      .map((image) => ({ kind: 'image', url: null, description: described(image.alt) }));
  }
  const video = VideoSchema.safeParse(embed);
  if (video.success) return [{ kind: 'video', url: null, description: described(video.data.alt) }];
  const withMedia = WithMediaSchema.safeParse(embed);
  if (withMedia.success && depth === 0) return mediaOf(withMedia.data.media, 1);
  return [];
}

/** Reasons whose record is a post that is part of a conversation with the user. */
export const REASONS_WITH_POST: ReadonlySet<string> = new Set(['reply', 'mention', 'quote']);

/**
 * What a notification is for Slowpost: `reply`, `mention`, `quote` as they are, `like` →
 * favourite, `repost` → boost, `follow` → follow; everything else (`starterpack-joined`,
 * `like-via-repost`, `verified`, reasons added later) → other, with Bluesky's name kept in
 * `rawType`.
 */
export function activityKindOf(reason: string): ActivityKind {
  switch (reason) {
    case 'reply':
      return 'reply';
    case 'mention':
      return 'mention';
    case 'quote':
      return 'quote';
    case 'like':
      return 'favourite';
    case 'repost':
      return 'boost';
    case 'follow':
      return 'follow';
    default:
      return 'other';
  }
}
