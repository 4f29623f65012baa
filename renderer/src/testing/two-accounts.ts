import type {
  Account,
  ActivityItem,
  Draft,
  OutboxEntry,
  Person,
  Post,
  Thread,
} from '@shared/domain';
import { WAITING_FOR_DELIVERY } from '@shared/domain';
import type { SlowpostDb } from '../db/database';

/** A Mastodon and a Bluesky account, each with one conversation, a draft and an outbox entry. */
export const MASTODON: Account = {
  id: 'm-0000000000000001',
  network: 'mastodon',
  handle: '@me@example.social',
  displayName: 'Me',
  serverOrigin: 'https://example.social',
  networkUserId: '1',
  isDemo: false,
  addedAt: 1_000,
  syncCursor: 'c-1',
  lastSyncedAt: 2_000,
};

export const BLUESKY: Account = {
  id: 'b-0000000000000001',
  network: 'bluesky',
  handle: 'me.bsky.social',
  displayName: 'Me',
  serverOrigin: 'https://pds.example.com',
  networkUserId: 'did:plc:me',
  isDemo: false,
  addedAt: 1_500,
  syncCursor: 'bluesky:c-1',
  lastSyncedAt: 2_000,
};

export function personOf(account: Account, networkId: string, name: string): Person {
  return {
    id: `${account.id}|${networkId}`,
    accountId: account.id,
    networkId,
    handle:
      account.network === 'bluesky'
        ? `${name.toLowerCase()}.bsky.social`
        : `@${name.toLowerCase()}@example.social`,
    displayName: name,
    avatarUrl: null,
    profileUrl: null,
    isSelf: false,
    firstSeenAt: 1_000,
    screening: 'let-in',
    notes: '',
    keepInTouchDays: null,
  };
}

/** Everything one account holds locally, keyed by table. */
export interface AccountRecords {
  readonly people: Person[];
  readonly posts: Post[];
  readonly threads: Thread[];
  readonly activity: ActivityItem[];
  readonly drafts: Draft[];
  readonly outbox: OutboxEntry[];
}

export function recordsOf(account: Account, authorName: string): AccountRecords {
  const author = personOf(account, 'author', authorName);
  const postId = `${account.id}|post-1`;
  const ref = { id: postId, uri: `at://${account.id}/post-1`, cid: null };
  return {
    people: [author],
    posts: [
      {
        id: postId,
        accountId: account.id,
        networkId: 'post-1',
        uri: ref.uri,
        cid: null,
        url: null,
        threadId: postId,
        authorId: author.id,
        contentHtml: `<p>Hello from ${authorName}</p>`,
        createdAt: 1_000,
        parent: null,
        root: ref,
        visibility: 'public',
        contentWarning: null,
        language: 'en',
        isOwn: false,
        arrivedAt: 1_100,
        screen: null,
      },
    ],
    threads: [
      {
        id: postId,
        accountId: account.id,
        rootPostId: postId,
        subject: `Hello from ${authorName}`,
        participantIds: [author.id],
        participantsLabel: authorName,
        lastSnippet: `Hello from ${authorName}`,
        isDirect: false,
        lastActivityAt: 1_000,
        lastPostId: postId,
        triage: 'open',
        triagedAt: null,
      },
    ],
    activity: [
      {
        id: `${account.id}|n-1`,
        accountId: account.id,
        networkId: 'n-1',
        kind: 'mention',
        rawType: 'mention',
        actorId: author.id,
        postId,
        subjectPostId: null,
        threadId: postId,
        createdAt: 1_000,
        arrivedAt: 1_100,
        deliveryId: WAITING_FOR_DELIVERY,
      },
    ],
    drafts: [
      {
        id: postId,
        accountId: account.id,
        threadId: postId,
        text: `A draft for ${authorName}`,
        visibility: 'public',
        contentWarning: null,
        language: 'en',
        updatedAt: 1_200,
      },
    ],
    outbox: [
      {
        id: `o-${account.id}`,
        idempotencyKey: `key-${account.id}-0123456789abcdef`,
        accountId: account.id,
        threadId: postId,
        inReplyToPostId: postId,
        text: `A reply to ${authorName}`,
        visibility: 'public',
        contentWarning: null,
        language: 'en',
        state: 'waiting',
        createdAt: 1_300,
        sendAfter: 1_300,
        attempts: 0,
        firstAttemptAt: null,
        outcomeUnknown: false,
        recordKey: null,
        nextAttemptAt: 1_300,
        lastError: null,
        sentPostId: null,
      },
    ],
  };
}

export async function writeAccount(
  db: SlowpostDb,
  account: Account,
  records: AccountRecords,
): Promise<void> {
  await db.accounts.put(account);
  await db.people.bulkPut(records.people);
  await db.posts.bulkPut(records.posts);
  await db.threads.bulkPut(records.threads);
  await db.activity.bulkPut(records.activity);
  await db.drafts.bulkPut(records.drafts);
  await db.outbox.bulkPut(records.outbox);
}

/** What the store holds of one account now, in the same shape. */
export async function readAccount(db: SlowpostDb, accountId: string): Promise<AccountRecords> {
  const threadIds = await db.threads.where('accountId').equals(accountId).primaryKeys();
  return {
    people: await db.people.where('accountId').equals(accountId).toArray(),
    posts: await db.posts.where('accountId').equals(accountId).toArray(),
    threads: await db.threads.where('accountId').equals(accountId).toArray(),
    activity: await db.activity.where('accountId').equals(accountId).toArray(),
    drafts: await db.drafts.where('threadId').anyOf(threadIds).toArray(),
    outbox: (await db.outbox.toArray()).filter((e) => e.accountId === accountId),
  };
}
