/**
 * Mastodon accounts and statuses as Slowpost's records (people and posts), and what a
 * notification type means for Slowpost (its activity kind).
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
  type Visibility,
} from '../domain';
import { normaliseLanguageTag } from '../text/language-tag';
import type { MastodonAccount, MastodonStatus } from './payloads';
import type { StatusRef, ThreadRoots } from './thread-roots';

/** What mapping needs besides the payload. */
export interface MappingContext {
  readonly account: Account;
  /** The server's own domain, for handles of its local accounts (`acct` has no host for them). */
  readonly localDomain: string;
  readonly roots: ThreadRoots;
}

/** The domain of the account's own handle (`@me@example.social`), else of its server. */
export function localDomainOf(account: Account): string {
  const fromHandle = /^@?[^@\s]+@([^@\s]+)$/.exec(account.handle)?.[1];
  return fromHandle ?? new URL(account.serverOrigin).host;
}

const UrlSchema = z.string().url();
function urlOrNull(value: string | null | undefined): string | null {
  return value != null && UrlSchema.safeParse(value).success ? value : null;
}

export function toPerson(person: MastodonAccount, context: MappingContext): IncomingPerson {
  const { account } = context;
  const handle = person.acct.includes('@')
    ? `@${person.acct}`
    : `@${person.acct}@${context.localDomain}`;
  return {
    id: localId(account.id, person.id),
    accountId: account.id,
    networkId: person.id,
    handle,
    displayName: person.displayName?.trim() || person.username,
    avatarUrl: urlOrNull(person.avatar),
    profileUrl: urlOrNull(person.url),
    isSelf: person.id === account.networkUserId,
  };
}

/** Mastodon's four audiences; anything else a server invents (`limited`, …) is treated as private. */
export function visibilityOf(value: string): Visibility {
  return value === 'public' || value === 'unlisted' || value === 'private' || value === 'direct'
    ? value
    : 'private';
}

function ref(accountId: string, status: StatusRef): PostRef {
  return { id: localId(accountId, status.id), uri: status.uri, cid: null };
}

/**
 * A status as a post: its HTML kept as it came (untrusted: sanitized when shown), the content
 * warning from `spoiler_text`, the language normalised to BCP 47, the parent from
 * `in_reply_to_id`, the thread from its root (see thread-roots). Null while the root is not known:
 * a post is stored only with its real thread.
 */
export function toPost(status: MastodonStatus, context: MappingContext): Post | null {
  const { account, roots } = context;
  const root = roots.rootOf(status.id);
  if (root === undefined) return null;
  const warning = status.spoilerText?.trim() ?? '';
  return {
    id: localId(account.id, status.id),
    accountId: account.id,
    networkId: status.id,
    uri: status.uri,
    cid: null,
    url: urlOrNull(status.url),
    threadId: localId(account.id, root.id),
    authorId: localId(account.id, status.account.id),
    contentHtml: status.content,
    createdAt: status.createdAt,
    parent: status.inReplyToId == null ? null : ref(account.id, roots.refOf(status.inReplyToId)),
    root: ref(account.id, root),
    visibility: visibilityOf(status.visibility),
    contentWarning: warning === '' ? null : warning,
    language: normaliseLanguageTag(status.language ?? null),
    isOwn: status.account.id === account.networkUserId,
    arrivedAt: 0,
    screen: null,
    media: mediaOf(status),
  };
}

const MEDIA_KINDS: Readonly<Record<string, PostMedia['kind']>> = {
  image: 'image',
  gifv: 'video',
  video: 'video',
  audio: 'audio',
};

/** Attachments as links and descriptions (at most 20; the page never loads them). */
function mediaOf(status: MastodonStatus): PostMedia[] {
  return (status.mediaAttachments ?? []).slice(0, 20).map((m) => {
    const url = urlOrNull(m.url) ?? urlOrNull(m.remoteUrl);
    const description = m.description?.trim() ?? '';
    return {
      kind: MEDIA_KINDS[m.type ?? ''] ?? 'other',
      url: url !== null && /^https?:/i.test(url) ? url : null,
      description: description === '' ? null : description,
    };
  });
}

/** Notification types whose status is part of a conversation with the user. */
export const CONVERSATION_TYPES: ReadonlySet<string> = new Set(['mention', 'quote']);
/** Types that cannot mean anything without their status. */
export const TYPES_WITH_STATUS: ReadonlySet<string> = new Set([
  'mention',
  'status',
  'reblog',
  'favourite',
  'poll',
  'update',
  'quote',
  'quoted_update',
]);

/**
 * What a notification is for Slowpost:
 * - `mention`: a direct message when its status is `direct`; a reply when it answers one of the
 *   user's own statuses; otherwise a mention;
 * - `reblog` → boost, `favourite` → favourite, `follow` and `follow_request` → follow,
 *   `quote` → quote;
 * - everything else (`status`, `poll`, `update`, `quoted_update`, admin and moderation notices,
 *   types added later) → other, with Mastodon's name kept in `rawType`.
 */
export function activityKindOf(
  type: string,
  status: MastodonStatus | null | undefined,
  account: Account,
): ActivityKind {
  switch (type) {
    case 'mention':
      if (status != null && status.visibility === 'direct') return 'direct';
      if (status?.inReplyToAccountId === account.networkUserId) return 'reply';
      return 'mention';
    case 'reblog':
      return 'boost';
    case 'favourite':
      return 'favourite';
    case 'follow':
    case 'follow_request':
      return 'follow';
    case 'quote':
      return 'quote';
    default:
      return 'other';
  }
}
