/**
 * The JSON a Mastodon 4.x server sends for the contract server's records: Account,
 * CredentialAccount, Status (with boosts, quotes and polls), Notification, Marker. Snake case,
 * ids as strings, times as ISO 8601 with milliseconds, as Rails writes them.
 */
import {
  STATUS_TYPES,
  type ContractAccount,
  type ContractMarker,
  type ContractNotification,
  type ContractState,
  type ContractStatus,
} from './contract-state';
import { renderContent } from './status-text';

type Json = Record<string, unknown>;

const iso = (ms: number) => new Date(ms).toISOString();
/** Mastodon shows when an account was created to the day only. */
const isoDay = (ms: number) => `${new Date(ms).toISOString().slice(0, 10)}T00:00:00.000Z`;

export interface Entities {
  account(account: ContractAccount): Json;
  credentialAccount(account: ContractAccount): Json;
  /** `viewerId`: who asks (their favourited/reblogged flags), null when nobody is signed in. */
  status(status: ContractStatus, viewerId: string | null, depth?: number): Json;
  notification(notification: ContractNotification, viewerId: string): Json;
  marker(marker: ContractMarker): Json;
  accountUrl(account: ContractAccount): string;
}

/** People's pictures and posts' media, when a test gives them (see ContractServerOptions). */
export interface ContractPictures {
  /** The avatar URL of a person (default: Mastodon's `missing.png` on the server). */
  readonly avatarFor?: (username: string) => string | null;
  /** Media attached to every post a person writes. */
  readonly mediaFor?: (
    username: string,
  ) => readonly { readonly url: string; readonly description: string }[];
}

export function createEntities(
  state: ContractState,
  origin: string,
  pictures: ContractPictures = {},
): Entities {
  const accountUrl = (account: ContractAccount) => `${origin}/@${account.username}`;
  const missing = (kind: string) => `${origin}/${kind}/original/missing.png`;

  function account(a: ContractAccount): Json {
    const lastStatus = state.lastStatusAtOf(a.id);
    return {
      id: a.id,
      username: a.username,
      acct: a.username,
      display_name: a.displayName,
      locked: a.locked,
      bot: false,
      discoverable: true,
      indexable: false,
      group: false,
      created_at: isoDay(a.createdAt),
      note: '',
      url: accountUrl(a),
      uri: `${origin}/users/${a.username}`,
      avatar: pictures.avatarFor?.(a.username) ?? missing('avatars'),
      avatar_static: pictures.avatarFor?.(a.username) ?? missing('avatars'),
      header: missing('headers'),
      header_static: missing('headers'),
      followers_count: state.follows.filter((f) => f.targetAccountId === a.id && !f.pending).length,
      following_count: state.follows.filter((f) => f.accountId === a.id && !f.pending).length,
      statuses_count: state.statusCountOf(a.id),
      last_status_at: lastStatus === null ? null : iso(lastStatus).slice(0, 10),
      hide_collections: false,
      noindex: false,
      emojis: [],
      roles: [],
      fields: [],
    };
  }

  function credentialAccount(a: ContractAccount): Json {
    return {
      ...account(a),
      source: {
        privacy: 'public',
        sensitive: false,
        language: 'en',
        note: '',
        fields: [],
        follow_requests_count: state.follows.filter((f) => f.targetAccountId === a.id && f.pending)
          .length,
        hide_collections: false,
        discoverable: true,
        indexable: false,
        attribution_domains: [],
      },
      role: { id: '-99', name: '', permissions: '0', color: '', highlighted: false },
    };
  }

  function mentionLink(username: string, domain: string | undefined) {
    if (domain !== undefined && domain.toLowerCase() !== state.host.toLowerCase()) return undefined;
    const person = state.accountByUsername(username);
    return person === undefined
      ? undefined
      : { username: person.username, url: accountUrl(person) };
  }

  function poll(s: ContractStatus, viewerId: string | null): Json | null {
    const p = s.poll;
    if (p === null) return null;
    const counts = p.options.map(() => 0);
    for (const choices of p.votes.values())
      for (const c of choices) counts[c] = (counts[c] ?? 0) + 1;
    const own = viewerId === null ? undefined : p.votes.get(viewerId);
    return {
      id: p.id,
      expires_at: iso(p.expiresAt),
      expired: p.expiresAt <= state.clock.now(),
      multiple: p.multiple,
      votes_count: counts.reduce((sum, n) => sum + n, 0),
      voters_count: p.votes.size,
      options: p.options.map((title, i) => ({ title, votes_count: counts[i] ?? 0 })),
      emojis: [],
      ...(viewerId === null ? {} : { voted: own !== undefined, own_votes: own ?? [] }),
    };
  }

  function status(s: ContractStatus, viewerId: string | null, depth = 0): Json {
    const author = state.accountOf(s);
    const boosted = s.reblogOfId === null ? null : state.statuses.get(s.reblogOfId);
    const quoted = s.quoteOfId === null ? null : state.statuses.get(s.quoteOfId);
    const live = (id: string) => state.liveStatus(id) !== undefined;
    const mentions = s.mentionIds
      .map((id) => state.accounts.get(id))
      .filter((a): a is ContractAccount => a !== undefined)
      .map((a) => ({ id: a.id, username: a.username, url: accountUrl(a), acct: a.username }));
    return {
      id: s.id,
      created_at: iso(s.createdAt),
      in_reply_to_id: s.inReplyToId,
      in_reply_to_account_id: s.inReplyToAccountId,
      sensitive: s.spoilerText !== '',
      spoiler_text: s.spoilerText,
      visibility: s.visibility,
      language: s.language,
      uri: `${origin}/users/${author.username}/statuses/${s.id}`,
      url: s.reblogOfId === null ? `${accountUrl(author)}/${s.id}` : null,
      replies_count: state.liveRepliesTo(s).length,
      reblogs_count: state.liveBoostsOf(s).length,
      favourites_count: s.favouritedBy.size,
      quotes_count: state.liveQuotesOf(s).length,
      edited_at: s.editedAt === null ? null : iso(s.editedAt),
      ...(viewerId === null
        ? {}
        : {
            favourited: s.favouritedBy.has(viewerId),
            reblogged: state.liveBoostsOf(s).some((b) => b.accountId === viewerId),
            muted: false,
            bookmarked: false,
            ...(s.accountId === viewerId ? { pinned: false } : {}),
          }),
      content: s.reblogOfId === null ? renderContent(s.text, mentionLink) : '',
      filtered: [],
      reblog: boosted == null ? null : status(boosted, viewerId, depth),
      ...(s.applicationName === null || s.accountId !== viewerId
        ? {}
        : { application: { name: s.applicationName, website: null } }),
      account: account(author),
      media_attachments: (pictures.mediaFor?.(author.username) ?? []).map((m, i) => ({
        id: `${s.id}${i}`,
        type: 'image',
        url: m.url,
        preview_url: m.url,
        remote_url: null,
        meta: {},
        description: m.description,
        blurhash: null,
      })),
      mentions,
      tags: [],
      emojis: [],
      card: null,
      poll: poll(s, viewerId),
      quote:
        quoted == null
          ? null
          : depth === 0 && live(quoted.id)
            ? { state: 'accepted', quoted_status: status(quoted, viewerId, depth + 1) }
            : { state: live(quoted.id) ? 'accepted' : 'deleted', quoted_status_id: quoted.id },
    };
  }

  function notification(n: ContractNotification, viewerId: string): Json {
    const from = state.accounts.get(n.fromAccountId);
    if (from === undefined) throw new Error(`notification ${n.id} has no sender`);
    const target = n.statusId === null ? undefined : state.statuses.get(n.statusId);
    return {
      id: String(n.id),
      type: n.type,
      created_at: iso(n.createdAt),
      group_key: n.groupKey ?? `ungrouped-${n.id}`,
      account: account(from),
      ...(target !== undefined && (STATUS_TYPES.includes(n.type) || n.statusId !== null)
        ? { status: status(target, viewerId) }
        : {}),
    };
  }

  function marker(m: ContractMarker): Json {
    return { last_read_id: m.lastReadId, version: m.version, updated_at: iso(m.updatedAt) };
  }

  return { account, credentialAccount, status, notification, marker, accountUrl };
}
