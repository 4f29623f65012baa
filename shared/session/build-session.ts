/**
 * The review session for one delivery: which conversations the user sees and in which order, who
 * waits in the screener, and the one calm line of appreciation. Pure and linear in the input
 * (plus one sort), apart from screening post text, which a `ScreeningCache` remembers.
 */
import type { ActivityItem, ActivityKind, Person, Post, Thread } from '../domain';
import { CONVERSATION_KINDS } from '../domain';
import { buildDigest, isDigestKind } from './digest';
import { hasHistory, talksWith, type PersonHistory } from './person-history';
import { createScreeningCache, type ScreeningCache } from './screening-cache';
import { orderForReading } from './session-order';
import type {
  BuildSessionInput,
  ConversationKind,
  ScreenerEntry,
  Session,
  SessionConversation,
} from './session-types';
import { conversationReason, firstTimeExplanation } from './session-wording';

/** Most personal first: the kind a conversation is shown as is the first one among its items. */
const KIND_RANK: Readonly<Partial<Record<ActivityKind, number>>> = {
  direct: 0,
  reply: 1,
  mention: 2,
  quote: 3,
  other: 4,
};

function rankOf(kind: ActivityKind): number {
  return KIND_RANK[kind] ?? 5;
}

function shownKind(kind: ActivityKind): ConversationKind {
  return kind === 'direct' || kind === 'reply' || kind === 'quote' ? kind : 'mention';
}

function toMap<T extends { readonly id: string }>(
  source: ReadonlyMap<string, T> | readonly T[],
): ReadonlyMap<string, T> {
  if (!Array.isArray(source)) return source as ReadonlyMap<string, T>;
  const map = new Map<string, T>();
  for (const record of source as readonly T[]) map.set(record.id, record);
  return map;
}

/** Conversation: mentions, replies, direct messages, quotes, and other notifications with a post. */
export function isConversational(item: Pick<ActivityItem, 'kind' | 'postId'>): boolean {
  return CONVERSATION_KINDS.includes(item.kind) || (item.kind === 'other' && item.postId !== null);
}

/** Oldest first, ties by id; duplicate ids count once. */
function sortedUnique(activity: readonly ActivityItem[]): ActivityItem[] {
  const seen = new Set<string>();
  const unique: ActivityItem[] = [];
  for (const item of activity) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    unique.push(item);
  }
  return unique.sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : 1));
}

interface Bucket {
  readonly threadId: string;
  readonly items: ActivityItem[];
}

interface Context {
  readonly people: ReadonlyMap<string, Person>;
  readonly posts: ReadonlyMap<string, Post>;
  readonly history: PersonHistory;
  readonly cache: ScreeningCache;
}

function addTo(buckets: Map<string, Bucket>, key: string, threadId: string, item: ActivityItem) {
  const bucket = buckets.get(key);
  if (bucket === undefined) buckets.set(key, { threadId, items: [item] });
  else bucket.items.push(item);
}

function postIdsOf(items: readonly ActivityItem[]): string[] {
  return [...new Set(items.flatMap((i) => (i.postId === null ? [] : [i.postId])))];
}

function uniqueActors(items: readonly ActivityItem[]): string[] {
  return [...new Set(items.map((i) => i.actorId))];
}

/** The first (most personal) kind among the items, and the items of that kind. */
function dominant(items: readonly ActivityItem[]): { kind: ActivityKind; of: ActivityItem[] } {
  let kind: ActivityKind = 'other';
  for (const item of items) if (rankOf(item.kind) < rankOf(kind)) kind = item.kind;
  return { kind, of: items.filter((i) => i.kind === kind) };
}

function toConversation(bucket: Bucket, ctx: Context): SessionConversation {
  const { items, threadId } = bucket;
  const newest = items[items.length - 1];
  const people = uniqueActors(items);
  const top = dominant(items);
  const primary = uniqueActors(top.of);
  const inPrimary = new Set(primary);
  const latestOfKind = top.of[top.of.length - 1];
  const personal = items.some(
    (i) =>
      i.kind === 'direct' ||
      ((i.kind === 'reply' || i.kind === 'mention') &&
        talksWith(ctx.history, i.actorId, ctx.people.get(i.actorId)?.screening)),
  );
  return {
    threadId,
    kind: shownKind(top.kind),
    people,
    personId: newest?.actorId ?? '',
    activityIds: items.map((i) => i.id),
    postIds: postIdsOf(items),
    latestAt: newest?.createdAt ?? 0,
    priority: personal ? 1 : 2,
    reason: conversationReason(
      {
        kind: top.kind,
        rawType: latestOfKind?.rawType ?? top.kind,
        primary,
        others: people.filter((p) => !inPrimary.has(p)),
        count: top.of.length,
      },
      ctx.people,
    ),
  };
}

function toScreenerEntry(bucket: Bucket, firstTime: boolean, ctx: Context): ScreenerEntry {
  const { items, threadId } = bucket;
  const newest = items[items.length - 1];
  const personId = newest?.actorId ?? '';
  const postIds = postIdsOf(items);
  let suspicious = false;
  const signals: string[] = [];
  for (const postId of postIds) {
    const post = ctx.posts.get(postId);
    if (post === undefined) continue;
    const result = ctx.cache.screen(post);
    suspicious ||= result.suspicious;
    for (const reason of result.reasons) signals.push(reason.message);
  }
  const unique = [...new Set(signals)];
  const firstLine = firstTime ? [firstTimeExplanation(ctx.people.get(personId))] : [];
  return {
    personId,
    threadId,
    kind: shownKind(dominant(items).kind),
    activityIds: items.map((i) => i.id),
    postIds,
    latestAt: newest?.createdAt ?? 0,
    reason: suspicious ? 'suspicious' : 'first-time',
    explanations: suspicious ? [...unique, ...firstLine] : [...firstLine, ...unique],
  };
}

/** Builds the session for what one delivery released. Pure; the input is not modified. */
export function buildSession(input: BuildSessionInput): Session {
  const people = toMap<Person>(input.people);
  const posts = toMap<Post>(input.posts);
  const threads = toMap<Thread>(input.threads);
  const ctx: Context = {
    people,
    posts,
    history: input.history,
    cache: input.screeningCache ?? createScreeningCache(),
  };
  const isSelf = (personId: string): boolean =>
    personId === input.selfId || people.get(personId)?.isSelf === true;

  const firstTimers = new Map<string, boolean>();
  const isFirstTime = (personId: string): boolean => {
    let known = firstTimers.get(personId);
    if (known === undefined) {
      const screening = people.get(personId)?.screening ?? 'unknown';
      known = screening === 'unknown' && !hasHistory(input.history, personId);
      firstTimers.set(personId, known);
    }
    return known;
  };

  const muted: string[] = [];
  const keptOut: string[] = [];
  const unplaced: string[] = [];
  const appreciation: ActivityItem[] = [];
  const shown = new Map<string, Bucket>();
  const screened = new Map<string, Bucket>();

  for (const item of sortedUnique(input.activity)) {
    if (isSelf(item.actorId)) continue;
    const screening = people.get(item.actorId)?.screening ?? 'unknown';
    if (isDigestKind(item.kind)) {
      if (screening !== 'kept-out') appreciation.push(item);
      continue;
    }
    if (!isConversational(item)) continue;

    const post = item.postId === null ? undefined : posts.get(item.postId);
    const threadId = item.threadId ?? post?.threadId ?? null;
    if (threadId === null) unplaced.push(item.id);
    else if (threads.get(threadId)?.triage === 'muted') muted.push(item.id);
    else if (screening === 'kept-out') keptOut.push(item.id);
    else if (
      screening !== 'let-in' &&
      (isFirstTime(item.actorId) || (post !== undefined && ctx.cache.screen(post).suspicious))
    ) {
      addTo(screened, `${item.actorId}\u0000${threadId}`, threadId, item);
    } else {
      addTo(shown, threadId, threadId, item);
    }
  }

  const conversations = orderForReading(
    [...shown.values()].map((bucket) => toConversation(bucket, ctx)),
    (c) => c.priority,
  );
  const screener = orderForReading(
    [...screened.values()].map((bucket) => {
      const personId = bucket.items[0]?.actorId ?? '';
      return toScreenerEntry(bucket, isFirstTime(personId), ctx);
    }),
    // People who may simply be new come before what looks like spam.
    (e) => (e.reason === 'first-time' ? 1 : 2),
  );

  return {
    conversations,
    screener,
    digest: input.hideDigest === true ? null : buildDigest(appreciation, { people, posts }),
    keptOutCount: keptOut.length,
    setAside: { muted, keptOut, unplaced },
    counts: { conversations: conversations.length, screened: screener.length },
  };
}
