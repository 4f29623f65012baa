import { describe, expect, it } from 'vitest';
import type { Account } from '../domain';
import { decodeBlueskyCursor, encodeBlueskyCursor, FROM_THE_OLDEST } from './cursor';
import { BlueskyRecords, parseNotification } from './map-notifications';
import { TID_PATTERN, tidAt } from './tid';

const account: Account = {
  id: 'b-0123456789abcdef',
  network: 'bluesky',
  handle: 'alice.test',
  displayName: 'Alice',
  serverOrigin: 'https://pds.example',
  networkUserId: 'did:plc:alice',
  isDemo: false,
  addedAt: 0,
  syncCursor: null,
  lastSyncedAt: null,
};
const bob = { did: 'did:plc:bob', handle: 'bob.test', displayName: 'Bob', avatar: null };
const alicePost = { uri: 'at://did:plc:alice/app.bsky.feed.post/3aaaaaaaaaaaa', cid: 'bafy-a' };

function notification(reason: string, over: Record<string, unknown> = {}) {
  const uri = `at://did:plc:bob/app.bsky.feed.${reason === 'like' ? 'like' : 'post'}/3k${reason}`;
  return {
    uri,
    cid: `bafy-${reason}`,
    author: bob,
    reason,
    record: {
      $type: 'app.bsky.feed.post',
      text: 'Hello @alice.test',
      facets: [
        {
          index: { byteStart: 6, byteEnd: 17 },
          features: [{ $type: 'app.bsky.richtext.facet#mention', did: 'did:plc:alice' }],
        },
      ],
      langs: ['en'],
      createdAt: '2026-11-30T10:00:00.000Z',
      ...(reason === 'reply' ? { reply: { root: alicePost, parent: alicePost } } : {}),
    },
    isRead: false,
    indexedAt: '2026-11-30T10:00:01.000Z',
    labels: [],
    somethingNew: { added: 'later' },
    ...over,
  };
}

function map(...raw: unknown[]) {
  const records = new BlueskyRecords(account);
  for (const item of raw) {
    const parsed = parseNotification(item);
    if (parsed.ok) records.addNotification(parsed.value);
    else records.addProblem(parsed.uri, parsed.error);
  }
  return records.toBatch(null, false);
}

describe('Bluesky notifications as activity', () => {
  it('maps every reason, and keeps a new one as other with its name', () => {
    const batch = map(
      ...['reply', 'mention', 'quote', 'like', 'repost', 'follow', 'starterpack-joined'].map((r) =>
        notification(r, r === 'like' || r === 'repost' ? { reasonSubject: alicePost.uri } : {}),
      ),
    );
    expect(batch.activity.map((a) => [a.rawType, a.kind])).toEqual([
      ['reply', 'reply'],
      ['mention', 'mention'],
      ['quote', 'quote'],
      ['like', 'favourite'],
      ['repost', 'boost'],
      ['follow', 'follow'],
      ['starterpack-joined', 'other'],
    ]);
    const like = batch.activity.find((a) => a.rawType === 'like');
    expect(like).toMatchObject({ postId: null, subjectPostId: `${account.id}|${alicePost.uri}` });
    expect(batch.problems).toEqual([]);
  });

  it('a reply is a post in the thread of its root, with its mention linked from the facet', () => {
    const batch = map(notification('reply'));
    const [post] = batch.posts;
    expect(post).toMatchObject({
      threadId: `${account.id}|${alicePost.uri}`,
      parent: { uri: alicePost.uri, cid: alicePost.cid },
      root: { uri: alicePost.uri, cid: alicePost.cid },
      visibility: 'public',
      language: 'en',
      isOwn: false,
      authorId: `${account.id}|did:plc:bob`,
    });
    expect(post?.contentHtml).toBe(
      '<p>Hello <a href="https://bsky.app/profile/did%3Aplc%3Aalice">@alice.test</a></p>',
    );
    expect(batch.people).toEqual([
      expect.objectContaining({ handle: 'bob.test', displayName: 'Bob', isSelf: false }),
    ]);
  });

  it('skips a notification it cannot read, with the reason, and keeps the rest', () => {
    const broken = notification('mention', { uri: 'at://did:plc:bob/app.bsky.feed.post/bad' });
    const batch = map(
      { ...broken, indexedAt: 'yesterday' },
      notification('reply', { record: { text: 42 } }),
      notification('follow'),
    );
    expect(batch.activity.map((a) => a.kind)).toEqual(['follow']);
    expect(batch.problems).toHaveLength(2);
    expect(batch.problems[0]?.itemId).toBe(`${account.id}|at://did:plc:bob/app.bsky.feed.post/bad`);
    expect(batch.problems[0]?.message).toContain('indexedAt');
    expect(batch.problems[1]?.message).toContain('text');
  });
});

describe('the Bluesky sync position and record keys', () => {
  it('round-trips a position, and refuses what is not one', () => {
    const position = { at: 1_764_500_000_000, uri: 'at://did:plc:bob/app.bsky.feed.like/3k' };
    expect(decodeBlueskyCursor(encodeBlueskyCursor(position))).toEqual(position);
    expect(decodeBlueskyCursor(encodeBlueskyCursor(FROM_THE_OLDEST))).toEqual(FROM_THE_OLDEST);
    expect(() => decodeBlueskyCursor('mastodon:12')).toThrow(/Not a Bluesky sync position/);
  });

  it('makes TIDs that sort by time', () => {
    const early = tidAt(Date.UTC(2026, 0, 1), () => 0.5);
    const late = tidAt(Date.UTC(2026, 0, 1) + 1, () => 0.1);
    expect(early).toMatch(TID_PATTERN);
    expect(late).toMatch(TID_PATTERN);
    expect(early < late).toBe(true);
  });
});
