/** Small hand-made records and the demo network as session input, for the session tests. */
import type { IncomingActivity, IncomingPerson } from '../../connectors/connector';
import { generateDemoNetwork } from '../../demo';
import type { ActivityItem, ActivityKind, Person, Post, Thread } from '../../domain';
import { historyFromPosts, type PersonHistory } from '../person-history';
import type { BuildSessionInput } from '../session-types';

export const T0 = Date.UTC(2025, 4, 14, 7, 30);
export const MINUTE = 60_000;
export const SELF = 'a|me';

export function person(key: string, overrides: Partial<Person> = {}): Person {
  const name = key.charAt(0).toUpperCase() + key.slice(1);
  return {
    id: `a|${key}`,
    accountId: 'a',
    networkId: key,
    handle: `@${key}@example.social`,
    displayName: name,
    avatarUrl: null,
    profileUrl: null,
    isSelf: `a|${key}` === SELF,
    firstSeenAt: 0,
    screening: 'unknown',
    notes: '',
    keepInTouchDays: null,
    ...overrides,
  };
}

export function post(
  key: string,
  by: string,
  minutes: number,
  options: { thread?: string; parent?: string; html?: string; own?: boolean } = {},
): Post {
  const id = `a|${key}`;
  const threadId = options.thread === undefined ? id : `a|${options.thread}`;
  const ref = (k: string) => ({ id: `a|${k}`, uri: `https://example.social/s/${k}`, cid: null });
  return {
    id,
    accountId: 'a',
    networkId: key,
    uri: `https://example.social/s/${key}`,
    cid: null,
    url: null,
    threadId,
    authorId: `a|${by}`,
    contentHtml: options.html ?? `<p>A few words from ${by} about the garden.</p>`,
    createdAt: T0 + minutes * MINUTE,
    parent: options.parent === undefined ? null : ref(options.parent),
    root: ref(options.thread ?? key),
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    isOwn: options.own ?? `a|${by}` === SELF,
    arrivedAt: 0,
    screen: null,
  };
}

/** An activity item about post `postKey` (or about nothing, for follows and appreciation). */
export function item(
  key: string,
  kind: ActivityKind,
  by: string,
  minutes: number,
  options: { post?: string; thread?: string | null; subject?: string; rawType?: string } = {},
): ActivityItem {
  const postId = options.post === undefined ? null : `a|${options.post}`;
  const threadId =
    options.thread === null ? null : options.thread !== undefined ? `a|${options.thread}` : postId;
  return {
    id: `a|n-${key}`,
    accountId: 'a',
    networkId: `n-${key}`,
    kind,
    rawType: options.rawType ?? kind,
    actorId: `a|${by}`,
    postId,
    subjectPostId: options.subject === undefined ? null : `a|${options.subject}`,
    threadId,
    createdAt: T0 + minutes * MINUTE,
    arrivedAt: T0 + minutes * MINUTE,
    deliveryId: 'd1',
  };
}

export function thread(rootKey: string, overrides: Partial<Thread> = {}): Thread {
  const id = `a|${rootKey}`;
  return {
    id,
    accountId: 'a',
    rootPostId: id,
    subject: '',
    participantIds: [],
    participantsLabel: '',
    lastSnippet: '',
    isDirect: false,
    lastActivityAt: T0,
    lastPostId: id,
    triage: 'open',
    triagedAt: null,
    ...overrides,
  };
}

export function history(
  repliedTo: readonly string[] = [],
  conversations: Readonly<Record<string, number>> = {},
): PersonHistory {
  return {
    repliedTo: new Set(repliedTo.map((k) => `a|${k}`)),
    conversationsWith: new Map(Object.entries(conversations).map(([k, n]) => [`a|${k}`, n])),
  };
}

// ---------------------------------------------------------------------------------------------
// The demo network as one (welcome) delivery
// ---------------------------------------------------------------------------------------------

export function toPerson(p: IncomingPerson, screening: Person['screening'] = 'unknown'): Person {
  return { ...p, firstSeenAt: 0, screening, notes: '', keepInTouchDays: null };
}

export function toItem(a: IncomingActivity): ActivityItem {
  return { ...a, arrivedAt: a.createdAt, deliveryId: 'welcome' };
}

/** Minimal thread records (the store keeps richer ones; the session reads `id` and `triage`). */
export function threadsOf(posts: readonly Post[]): Thread[] {
  const threads = new Map<string, Thread>();
  for (const p of posts) {
    const known = threads.get(p.threadId);
    if (known !== undefined && known.lastActivityAt >= p.createdAt) continue;
    threads.set(p.threadId, {
      id: p.threadId,
      accountId: p.accountId,
      rootPostId: p.root.id,
      subject: '',
      participantIds: [],
      participantsLabel: '',
      lastSnippet: '',
      isDirect: p.visibility === 'direct',
      lastActivityAt: p.createdAt,
      lastPostId: p.id,
      triage: 'open',
      triagedAt: null,
    });
  }
  return [...threads.values()];
}

export interface DemoSession {
  readonly input: BuildSessionInput;
  readonly posts: ReadonlyMap<string, Post>;
}

/** Everything the demo network has up to `anchor`, released by one delivery. */
export function demoSessionInput(anchor: number = T0): DemoSession {
  const network = generateDemoNetwork(anchor);
  const posts = network.posts.filter((p) => p.createdAt <= anchor);
  const self = network.people.find((p) => p.isSelf);
  const input: BuildSessionInput = {
    activity: network.activity.filter((a) => a.createdAt <= anchor).map(toItem),
    posts,
    people: network.people.map((p) => toPerson(p)),
    threads: threadsOf(posts),
    ...(self === undefined ? {} : { selfId: self.id }),
    history: historyFromPosts(posts, self?.id),
  };
  return { input, posts: new Map(posts.map((p) => [p.id, p])) };
}
