import { describe, expect, it } from 'vitest';
import { day, outboxOf, postOf, SELF_IDS } from './testing/keep-in-touch-fixtures';
import { lastContactWith, type ContactRecords, type OutboxContact } from './last-contact';

const records = (over: Partial<ContactRecords>): ContactRecords => ({
  posts: [],
  outbox: [],
  selfIds: SELF_IDS,
  releasedUpTo: day(1000),
  ...over,
});

describe('last contact', () => {
  it('is none when nothing on this computer was shared with them', () => {
    const posts = [
      postOf('masto|p1', 'masto|mira', -3),
      // The user wrote elsewhere, with someone else.
      postOf('masto|p2', 'masto|me', -2, { thread: 'masto|p3' }),
      postOf('masto|p3', 'masto|tomas', -2.5),
    ];
    expect(lastContactWith(['masto|mira'], records({ posts }))).toBeNull();
  });

  it('is the user replying to them, in that conversation', () => {
    const posts = [
      postOf('masto|p1', 'masto|mira', -10),
      postOf('masto|p2', 'masto|me', -9, { thread: 'masto|p1', parent: 'masto|p1' }),
    ];
    expect(lastContactWith(['masto|mira'], records({ posts }))).toEqual({
      at: day(-9),
      threadId: 'masto|p1',
      personId: 'masto|mira',
      text: null,
    });
  });

  it('counts a conversation both took part in at its latest post by either, them answering too', () => {
    const posts = [
      postOf('masto|t', 'masto|me', -20),
      postOf('masto|a', 'masto|mira', -19, { thread: 'masto|t', parent: 'masto|t' }),
      postOf('masto|b', 'masto|tomas', -2, { thread: 'masto|t', parent: 'masto|a' }),
      postOf('masto|c', 'masto|mira', -5, { thread: 'masto|t', parent: 'masto|b' }),
    ];
    expect(lastContactWith(['masto|mira'], records({ posts }))?.at).toBe(day(-5));
  });

  it('leaves out their posts no delivery has released yet', () => {
    const posts = [
      postOf('masto|t', 'masto|me', -20),
      postOf('masto|a', 'masto|mira', -19, { thread: 'masto|t' }),
      postOf('masto|b', 'masto|mira', -1, { thread: 'masto|t', arrivedAt: day(-1) }),
    ];
    expect(lastContactWith(['masto|mira'], records({ posts, releasedUpTo: day(-2) }))?.at).toBe(
      day(-19),
    );
  });

  it('takes people on two networks linked as one together: the latest on either counts', () => {
    const posts = [
      // Mastodon: talked three weeks ago.
      postOf('masto|p1', 'masto|mira', -22),
      postOf('masto|p2', 'masto|me', -21, { thread: 'masto|p1', parent: 'masto|p1' }),
      // Bluesky: talked four days ago.
      postOf('sky|q1', 'sky|me', -5),
      postOf('sky|q2', 'sky|mira', -4, { thread: 'sky|q1', parent: 'sky|q1' }),
    ];
    const linked = lastContactWith(['masto|mira', 'sky|mira'], records({ posts }));
    expect(linked).toEqual({
      at: day(-4),
      threadId: 'sky|q1',
      personId: 'sky|mira',
      text: null,
    });
    // Each alone knows only their own network's conversation.
    expect(lastContactWith(['masto|mira'], records({ posts }))?.at).toBe(day(-21));
  });

  it('counts a reply in the outbox from when it was written, once it is on its way', () => {
    const theirs = postOf('masto|p1', 'masto|mira', -30);
    const posts = [theirs];
    for (const state of ['waiting', 'sending', 'sent'] as const) {
      const outbox = [outboxOf('o1', theirs, state, -2)];
      expect(lastContactWith(['masto|mira'], records({ posts, outbox }))?.at, state).toBe(day(-2));
    }
    for (const state of ['needs-attention', 'cancelled'] as const) {
      const outbox = [outboxOf('o1', theirs, state, -2)];
      expect(lastContactWith(['masto|mira'], records({ posts, outbox })), state).toBeNull();
    }
  });

  it('counts a new conversation written to them first, once it is on its way', () => {
    const newConversation = (state: OutboxContact['state']): OutboxContact => ({
      state,
      createdAt: day(-1),
      threadId: null,
      inReplyToPostId: null,
      addressee: { personId: 'sky|mira' },
      text: 'Hello Mira, how did the seed swap go?',
    });
    const posts = [
      postOf('masto|p1', 'masto|mira', -22),
      postOf('masto|p2', 'masto|me', -21, { thread: 'masto|p1', parent: 'masto|p1' }),
    ];
    const both = ['masto|mira', 'sky|mira'];
    expect(lastContactWith(both, records({ posts, outbox: [newConversation('sent')] }))).toEqual({
      at: day(-1),
      threadId: null,
      personId: 'sky|mira',
      text: 'Hello Mira, how did the seed swap go?',
    });
    expect(
      lastContactWith(both, records({ posts, outbox: [newConversation('cancelled')] }))?.at,
    ).toBe(day(-21));
    // Written to someone else: not a contact with her.
    expect(
      lastContactWith(['masto|tomas'], records({ outbox: [newConversation('sent')] })),
    ).toBeNull();
  });
});
