import type { Account, ActivityItem, Delivery, Person, Post, Thread } from '@shared/domain';
import type { Page } from '@playwright/test';
import { readAll, writeRecords } from './app';

/** A real account's records, written straight into the store (these tests sync nothing). */
export interface SeededAccount {
  readonly account: Account;
  readonly author: Person;
  readonly postId: string;
}

interface Spec {
  readonly account: Account;
  readonly authorNetworkId: string;
  readonly authorHandle: string;
  readonly authorName: string;
  readonly text: string;
  readonly postUri: string;
}

export const MASTODON_ACCOUNT: Account = {
  id: 'm-00000000000000a1',
  network: 'mastodon',
  handle: '@robin@tidepool.social',
  displayName: 'Robin',
  serverOrigin: 'https://tidepool.social',
  networkUserId: '1001',
  isDemo: false,
  addedAt: Date.UTC(2026, 10, 1),
  syncCursor: null,
  lastSyncedAt: null,
};

export const BLUESKY_ACCOUNT: Account = {
  id: 'b-00000000000000b1',
  network: 'bluesky',
  handle: 'robin.bsky.social',
  displayName: 'Robin',
  serverOrigin: 'https://bsky.social',
  networkUserId: 'did:plc:robin',
  isDemo: false,
  addedAt: Date.UTC(2026, 10, 1),
  syncCursor: null,
  lastSyncedAt: null,
};

/**
 * Writes an account with one person who mentioned the user, into the delivery that is open now,
 * so the inbox shows it after a reload.
 */
export async function seedAccount(page: Page, spec: Spec): Promise<SeededAccount> {
  const deliveries = await readAll<Delivery>(page, 'deliveries');
  const open = deliveries.find((d) => d.closedAt === null);
  if (open === undefined) throw new Error('no open delivery to put the mention in');
  const { account } = spec;
  const at = open.deliveredAt - 60_000;
  const id = (networkId: string) => `${account.id}|${networkId}`;
  const author: Person = {
    id: id(spec.authorNetworkId),
    accountId: account.id,
    networkId: spec.authorNetworkId,
    handle: spec.authorHandle,
    displayName: spec.authorName,
    avatarUrl: null,
    profileUrl: null,
    isSelf: false,
    firstSeenAt: at,
    screening: 'let-in',
    notes: '',
    keepInTouchDays: null,
  };
  const self: Person = {
    ...author,
    id: id(account.networkUserId),
    networkId: account.networkUserId,
    handle: account.handle,
    displayName: account.displayName,
    isSelf: true,
  };
  const postId = id(spec.postUri);
  const ref = { id: postId, uri: spec.postUri, cid: null };
  const post: Post = {
    id: postId,
    accountId: account.id,
    networkId: spec.postUri,
    uri: spec.postUri,
    cid: null,
    url: null,
    threadId: postId,
    authorId: author.id,
    contentHtml: `<p>${spec.text}</p>`,
    createdAt: at,
    parent: null,
    root: ref,
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    isOwn: false,
    arrivedAt: at,
    screen: null,
  };
  const thread: Thread = {
    id: postId,
    accountId: account.id,
    rootPostId: postId,
    subject: spec.text,
    participantIds: [author.id],
    participantsLabel: spec.authorName,
    lastSnippet: spec.text,
    isDirect: false,
    lastActivityAt: at,
    lastPostId: postId,
    triage: 'open',
    triagedAt: null,
  };
  const mention: ActivityItem = {
    id: id(`n-${spec.postUri}`),
    accountId: account.id,
    networkId: `n-${spec.postUri}`,
    kind: 'mention',
    rawType: 'mention',
    actorId: author.id,
    postId,
    subjectPostId: null,
    threadId: postId,
    createdAt: at,
    arrivedAt: at,
    deliveryId: open.id,
  };
  await writeRecords(page, 'accounts', [account]);
  await writeRecords(page, 'people', [author, self]);
  await writeRecords(page, 'posts', [post]);
  await writeRecords(page, 'threads', [thread]);
  await writeRecords(page, 'activity', [mention]);
  return { account, author, postId };
}
