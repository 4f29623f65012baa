/** Small hand-made records for the keep-in-touch tests: two accounts, Mastodon-like and Bluesky-like. */
import type { OutboxEntry, OutboxState, Person, PersonLink, Post } from '../../domain';
import { DAY_MS } from '../overdue';

/** Monday 2 March 2026, 09:00 UTC. */
export const T0 = Date.UTC(2026, 2, 2, 9);
export const day = (n: number): number => T0 + n * DAY_MS;
/** The user on each account. */
export const SELF_IDS = new Set(['masto|me', 'sky|me']);

export function personOf(id: string, overrides: Partial<Person> = {}): Person {
  const [accountId = 'masto', networkId = id] = id.split('|');
  return {
    id,
    accountId,
    networkId,
    handle: `@${networkId}@example.social`,
    displayName: networkId,
    avatarUrl: null,
    profileUrl: null,
    isSelf: SELF_IDS.has(id),
    firstSeenAt: day(-100),
    screening: 'let-in',
    notes: '',
    keepInTouchDays: null,
    ...overrides,
  };
}

export function linkOf(personIds: string[], overrides: Partial<PersonLink> = {}): PersonLink {
  return {
    id: personIds.join('+'),
    personIds,
    notes: '',
    keepInTouchDays: null,
    linkedAt: day(-50),
    ...overrides,
  };
}

/** A post `id` (`account|key`) by `by` on day `onDay`; the thread defaults to the post itself. */
export function postOf(
  id: string,
  by: string,
  onDay: number,
  options: { thread?: string; parent?: string; arrivedAt?: number } = {},
): Post {
  const [accountId = 'masto'] = id.split('|');
  const threadId = options.thread ?? id;
  const ref = (key: string) => ({ id: key, uri: `uri:${key}`, cid: null });
  return {
    id,
    accountId,
    networkId: id,
    uri: `uri:${id}`,
    cid: null,
    url: null,
    threadId,
    authorId: by,
    contentHtml: `<p>Words by ${by}</p>`,
    createdAt: day(onDay),
    parent: options.parent === undefined ? null : ref(options.parent),
    root: ref(threadId),
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    isOwn: SELF_IDS.has(by),
    arrivedAt: options.arrivedAt ?? day(onDay),
    screen: null,
  };
}

export function outboxOf(
  id: string,
  answering: Post,
  state: OutboxState,
  onDay: number,
): OutboxEntry {
  return {
    id,
    idempotencyKey: `key-${id}-0123456789abcdef`,
    accountId: answering.accountId,
    threadId: answering.threadId,
    inReplyToPostId: answering.id,
    text: 'A reply',
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    state,
    createdAt: day(onDay),
    sendAfter: day(onDay),
    attempts: 0,
    firstAttemptAt: null,
    outcomeUnknown: false,
    nextAttemptAt: day(onDay),
    lastError: null,
    sentPostId: null,
    recordKey: null,
  };
}
