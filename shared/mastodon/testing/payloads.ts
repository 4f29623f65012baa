/**
 * Test support: Mastodon API payloads as a server sends them (snake_case, every field the
 * OpenAPI description requires, as in its examples), and `asMasto`, which renames keys the way
 * `masto` does before the connector sees them (`in_reply_to_id` → `inReplyToId`).
 */

export const SERVER = 'https://example.social';
/** The user's own Mastodon account id on SERVER. */
export const SELF_ID = '109000000000000001';

type Json = Record<string, unknown>;

export function accountJson(id: string, username: string, acct: string = username): Json {
  const local = !acct.includes('@');
  const profile = local ? `${SERVER}/@${username}` : `https://${acct.split('@')[1]}/@${username}`;
  return {
    id,
    username,
    acct,
    display_name: username.charAt(0).toUpperCase() + username.slice(1),
    locked: false,
    bot: false,
    discoverable: true,
    group: false,
    indexable: true,
    created_at: '2023-01-01T00:00:00.000Z',
    note: '<p>Gardener, reader.</p>',
    url: profile,
    uri: local ? `${SERVER}/users/${username}` : `${profile.replace('/@', '/users/')}`,
    avatar: `${SERVER}/system/accounts/avatars/${id}/original/avatar.png`,
    avatar_static: `${SERVER}/system/accounts/avatars/${id}/original/avatar.png`,
    header: `${SERVER}/headers/original/missing.png`,
    header_static: `${SERVER}/headers/original/missing.png`,
    followers_count: 120,
    following_count: 80,
    statuses_count: 1500,
    last_status_at: '2024-08-22',
    emojis: [],
    fields: [],
  };
}

export const SELF = accountJson(SELF_ID, 'me');
export const MIRA = accountJson('110000000000000002', 'mira', 'mira@fjord.town');
export const TOM = accountJson('110000000000000003', 'tom');

export interface StatusOptions {
  readonly id: string;
  readonly account?: Json;
  readonly content?: string;
  readonly createdAt?: string;
  readonly inReplyTo?: { readonly id: string; readonly accountId: string } | null;
  readonly visibility?: string;
  readonly spoilerText?: string;
  readonly language?: string | null;
  readonly mentions?: readonly Json[];
  readonly quote?: Json | null;
}

export function statusJson(options: StatusOptions): Json {
  const account = options.account ?? MIRA;
  const username = String(account.username);
  return {
    id: options.id,
    created_at: options.createdAt ?? '2024-08-23T08:57:12.057Z',
    in_reply_to_id: options.inReplyTo?.id ?? null,
    in_reply_to_account_id: options.inReplyTo?.accountId ?? null,
    sensitive: (options.spoilerText ?? '') !== '',
    spoiler_text: options.spoilerText ?? '',
    visibility: options.visibility ?? 'public',
    language: options.language === undefined ? 'en' : options.language,
    uri: `${SERVER}/users/${username}/statuses/${options.id}`,
    url: `${SERVER}/@${username}/${options.id}`,
    replies_count: 0,
    reblogs_count: 0,
    favourites_count: 0,
    edited_at: null,
    favourited: false,
    reblogged: false,
    muted: false,
    bookmarked: false,
    content: options.content ?? '<p>Hello</p>',
    filtered: [],
    reblog: null,
    application: { name: 'Web', website: null },
    account,
    media_attachments: [],
    mentions: options.mentions ?? [],
    tags: [],
    emojis: [],
    card: null,
    poll: null,
    ...(options.quote === undefined ? {} : { quote: options.quote }),
  };
}

export function mentionJson(account: Json): Json {
  return {
    id: account.id,
    username: account.username,
    url: account.url,
    acct: account.acct,
  };
}

export function notificationJson(
  id: string,
  type: string,
  account: Json,
  status: Json | null,
  createdAt = '2024-08-23T09:00:00.000Z',
): Json {
  return {
    id,
    type,
    created_at: createdAt,
    group_key: `ungrouped-${id}`,
    account,
    ...(status === null ? {} : { status }),
  };
}

export function groupJson(options: {
  readonly key: string;
  readonly type: string;
  readonly count: number;
  readonly newest: string;
  readonly oldest?: string;
  readonly at?: string;
  readonly sample: readonly string[];
  readonly statusId?: string | null;
}): Json {
  return {
    group_key: options.key,
    notifications_count: options.count,
    type: options.type,
    most_recent_notification_id: Number(options.newest),
    page_min_id: options.oldest ?? options.newest,
    page_max_id: options.newest,
    latest_page_notification_at: options.at ?? '2024-08-23T08:59:56.743Z',
    sample_account_ids: options.sample,
    ...(options.statusId == null ? {} : { status_id: options.statusId }),
  };
}

/** Keys renamed as `masto` renames them: `snake_case` → `camelCase`, at every depth. */
export function asMasto(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asMasto);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, inner]) => [
      key.replace(/_([a-z0-9])/g, (_m, c: string) => c.toUpperCase()),
      asMasto(inner),
    ]),
  );
}
