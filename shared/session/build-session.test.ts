import { describe, expect, it } from 'vitest';
import type { ActivityItem, Person, Post, Thread } from '../domain';
import { buildSession } from './build-session';
import { emptyHistory, type PersonHistory } from './person-history';
import { createScreeningCache } from './screening-cache';
import type { BuildSessionInput, Session } from './session-types';
import { history, item, person, post, SELF, thread } from './testing/session-fixtures';

/** Link-stuffed and written with Cyrillic look-alike letters (о, е, а). */
const SPAM_HTML =
  '<p>Grеаt pоst! Сhеck my prоfilе <a href="https://spam.example/a">https://spam.example/a</a> ' +
  '<a href="https://spam.example/b">https://spam.example/b</a> ' +
  '<a href="https://spam.example/c">https://spam.example/c</a></p>';

interface World {
  people?: Person[];
  posts?: Post[];
  activity: ActivityItem[];
  threads?: Thread[];
  history?: PersonHistory;
  hideDigest?: boolean;
}

const CAST = ['mira', 'tom', 'ngozi', 'sven', 'olga', 'spammer', 'troll', 'me'];

function session(world: World): Session {
  const input: BuildSessionInput = {
    activity: world.activity,
    posts: world.posts ?? [],
    people: world.people ?? CAST.map((k) => person(k, k === 'me' ? { isSelf: true } : {})),
    threads: world.threads ?? [],
    selfId: SELF,
    history: world.history ?? history(['mira', 'tom', 'olga']),
    ...(world.hideDigest === undefined ? {} : { hideDigest: world.hideDigest }),
  };
  return buildSession(input);
}

/** A post by `by` in its own thread and the item that notifies it. */
function message(
  key: string,
  kind: ActivityItem['kind'],
  by: string,
  minutes: number,
  html?: string,
) {
  return {
    post: post(key, by, minutes, html === undefined ? {} : { html }),
    item: item(key, kind, by, minutes, { post: key }),
  };
}

function world(messages: ReturnType<typeof message>[], extra: Partial<World> = {}): World {
  return {
    posts: messages.map((m) => m.post),
    activity: messages.map((m) => m.item),
    ...extra,
  };
}

const threadIdsOf = (s: Session) => s.conversations.map((c) => c.threadId);

describe('buildSession: order', () => {
  const mixed = () =>
    world([
      message('quote-sven', 'quote', 'sven', 50),
      message('mention-sven', 'mention', 'sven', 40),
      message('mention-mira', 'mention', 'mira', 10),
      message('dm-sven', 'direct', 'sven', 5),
    ]);

  it('puts direct messages and people the user talks with first, others after', () => {
    // Sven shared one thread with the user: not a first-time sender, not someone they talk with.
    const s = session({ ...mixed(), history: history(['mira'], { sven: 1 }) });
    expect(s.conversations.map((c) => [c.threadId, c.priority])).toEqual([
      ['a|mention-mira', 1],
      ['a|dm-sven', 1],
      ['a|quote-sven', 2],
      ['a|mention-sven', 2],
    ]);
  });

  it('counts someone met in two threads as someone the user talks with', () => {
    const s = session({ ...mixed(), history: history(['mira'], { sven: 2 }) });
    expect(s.conversations.map((c) => [c.threadId, c.priority])).toEqual([
      ['a|mention-sven', 1],
      ['a|dm-sven', 1],
      ['a|mention-mira', 1],
      // A quote is public commentary, not addressed to the user: always the second tier.
      ['a|quote-sven', 2],
    ]);
  });

  it('screens a sender with no history at all', () => {
    const s = session({ ...mixed(), history: history(['mira']) });
    expect(threadIdsOf(s)).toEqual(['a|mention-mira']);
    expect(s.screener.map((e) => e.threadId)).toEqual([
      'a|quote-sven',
      'a|mention-sven',
      'a|dm-sven',
    ]);
  });

  it('keeps conversations with the same person together, the most recent group first', () => {
    const s = session(
      world([
        message('mira-old', 'reply', 'mira', 1),
        message('tom-mid', 'reply', 'tom', 20),
        message('mira-new', 'mention', 'mira', 30),
        message('olga', 'reply', 'olga', 25),
        message('tom-new', 'mention', 'tom', 26),
      ]),
    );
    expect(threadIdsOf(s)).toEqual([
      'a|mira-new',
      'a|mira-old',
      'a|tom-new',
      'a|tom-mid',
      'a|olga',
    ]);
    expect(s.conversations.map((c) => c.personId)).toEqual([
      'a|mira',
      'a|mira',
      'a|tom',
      'a|tom',
      'a|olga',
    ]);
  });

  it('puts newest first inside a group, and groups a conversation under its latest writer', () => {
    const root = post('root', 'me', 0);
    const s = session({
      posts: [
        root,
        post('r1', 'tom', 5, { thread: 'root', parent: 'root' }),
        post('r2', 'mira', 9, { thread: 'root', parent: 'root' }),
        post('solo', 'mira', 7),
      ],
      activity: [
        item('r1', 'reply', 'tom', 5, { post: 'r1', thread: 'root' }),
        item('r2', 'reply', 'mira', 9, { post: 'r2', thread: 'root' }),
        item('solo', 'mention', 'mira', 7, { post: 'solo' }),
      ],
    });
    expect(s.conversations).toHaveLength(2);
    const [first, second] = s.conversations;
    expect(first).toMatchObject({
      threadId: 'a|root',
      personId: 'a|mira',
      people: ['a|tom', 'a|mira'],
      activityIds: ['a|n-r1', 'a|n-r2'],
      postIds: ['a|r1', 'a|r2'],
      latestAt: root.createdAt + 9 * 60_000,
      kind: 'reply',
      priority: 1,
      reason: 'Tom and Mira replied to you',
    });
    expect(second).toMatchObject({ threadId: 'a|solo', personId: 'a|mira' });
  });

  it('does not depend on the order the activity comes in', () => {
    const w = world([
      message('a', 'reply', 'mira', 3),
      message('b', 'direct', 'tom', 3),
      message('c', 'mention', 'olga', 3),
      message('d', 'quote', 'mira', 3),
    ]);
    const forward = session(w);
    const backward = session({ ...w, activity: [...w.activity].reverse() });
    expect(backward).toEqual(forward);
  });

  it('excludes muted threads', () => {
    const s = session(
      world([message('quiet', 'reply', 'mira', 1), message('loud', 'reply', 'tom', 2)], {
        threads: [thread('quiet', { triage: 'muted' }), thread('loud', { triage: 'done' })],
      }),
    );
    expect(threadIdsOf(s)).toEqual(['a|loud']);
    expect(s.setAside.muted).toEqual(['a|n-quiet']);
    expect(s.counts).toEqual({ conversations: 1, screened: 0 });
  });
});

describe('buildSession: kinds and reasons', () => {
  it('says why each conversation is there', () => {
    const s = session(
      world([
        message('dm', 'direct', 'mira', 1),
        message('re', 'reply', 'tom', 2),
        message('at', 'mention', 'olga', 3),
        message('qt', 'quote', 'mira', 4),
      ]),
    );
    const reasons = new Map(s.conversations.map((c) => [c.threadId, [c.kind, c.reason]]));
    expect(reasons.get('a|dm')).toEqual(['direct', 'Direct message from Mira']);
    expect(reasons.get('a|re')).toEqual(['reply', 'Tom replied to you']);
    expect(reasons.get('a|at')).toEqual(['mention', 'Olga mentioned you']);
    expect(reasons.get('a|qt')).toEqual(['quote', 'Mira quoted your post']);
  });

  it('shows a thread as its most personal kind and names who else wrote', () => {
    const s = session({
      posts: [post('t', 'me', 0), post('m', 'tom', 2, { thread: 't' })],
      activity: [
        item('m', 'mention', 'tom', 2, { post: 'm', thread: 't' }),
        item('d1', 'direct', 'mira', 3, { post: 'm', thread: 't' }),
        item('d2', 'direct', 'mira', 4, { post: 'm', thread: 't' }),
      ],
    });
    expect(s.conversations[0]).toMatchObject({
      kind: 'direct',
      reason: 'Direct messages from Mira; Tom also wrote',
      postIds: ['a|m'],
    });
  });

  it('treats an `other` notification with a post as conversation, and ignores one without', () => {
    const s = session({
      posts: [post('poll', 'mira', 0)],
      activity: [
        item('poll-end', 'other', 'mira', 5, { post: 'poll', rawType: 'poll' }),
        item('signup', 'other', 'tom', 6, { rawType: 'admin.sign_up' }),
      ],
    });
    expect(s.conversations).toHaveLength(1);
    expect(s.conversations[0]).toMatchObject({
      kind: 'mention',
      priority: 2,
      reason: 'A poll by Mira has ended',
    });
  });

  it('finds the thread through the post when the item has none, and sets aside what has neither', () => {
    const s = session({
      posts: [post('reply', 'tom', 1, { thread: 'root' })],
      activity: [
        item('reply', 'reply', 'tom', 1, { post: 'reply', thread: null }),
        item('lost', 'mention', 'mira', 2, { post: 'missing', thread: null }),
      ],
    });
    expect(threadIdsOf(s)).toEqual(['a|root']);
    expect(s.setAside.unplaced).toEqual(['a|n-lost']);
  });

  it("ignores the user's own activity", () => {
    const s = session({
      posts: [post('mine', 'me', 0)],
      activity: [
        item('mine', 'mention', 'me', 1, { post: 'mine' }),
        item('fav', 'favourite', 'me', 2, { subject: 'mine' }),
      ],
    });
    expect(s.conversations).toEqual([]);
    expect(s.screener).toEqual([]);
    expect(s.digest).toBeNull();
  });

  it('accepts maps as well as arrays', () => {
    const w = world([message('a', 'reply', 'mira', 1)]);
    const people = CAST.map((k) => person(k));
    const fromArrays = session({ ...w, people });
    const fromMaps = buildSession({
      activity: w.activity,
      posts: new Map((w.posts ?? []).map((p) => [p.id, p])),
      people: new Map(people.map((p) => [p.id, p])),
      threads: new Map<string, Thread>(),
      selfId: SELF,
      history: history(['mira', 'tom', 'olga']),
    });
    expect(fromMaps).toEqual(fromArrays);
  });
});

describe('buildSession: screener', () => {
  it('holds a first-time sender back with a readable reason', () => {
    const s = session(world([message('hello', 'direct', 'ngozi', 1)]));
    expect(s.conversations).toEqual([]);
    expect(s.screener).toEqual([
      {
        personId: 'a|ngozi',
        threadId: 'a|hello',
        kind: 'direct',
        activityIds: ['a|n-hello'],
        postIds: ['a|hello'],
        latestAt: expect.any(Number) as number,
        reason: 'first-time',
        explanations: ["First message from @ngozi@example.social — you haven't talked before."],
      },
    ]);
    expect(s.counts).toEqual({ conversations: 0, screened: 1 });
  });

  it('screens spam even from someone with history, and explains it', () => {
    const s = session({
      ...world([message('spam', 'reply', 'tom', 1, SPAM_HTML), message('ok', 'reply', 'tom', 2)]),
    });
    expect(threadIdsOf(s)).toEqual(['a|ok']);
    const [entry] = s.screener;
    expect(entry?.reason).toBe('suspicious');
    expect(entry?.explanations.join(' ')).toMatch(/look-alike/);
    expect(entry?.explanations.join(' ')).toMatch(/links/);
    // Tom is not a first-time sender: no "first message" line.
    expect(entry?.explanations.join(' ')).not.toMatch(/First message/);
  });

  it('says both when a first-time sender writes spam, spam signals first', () => {
    const s = session(world([message('spam', 'reply', 'spammer', 1, SPAM_HTML)]));
    const [entry] = s.screener;
    expect(entry?.reason).toBe('suspicious');
    expect(entry?.explanations.at(-1)).toBe(
      "First message from @spammer@example.social — you haven't talked before.",
    );
    expect(entry?.explanations[0]).toMatch(/look-alike/);
  });

  it('lets a let-in person through, spam-looking text included', () => {
    const people = CAST.map((k) => person(k, k === 'ngozi' ? { screening: 'let-in' } : {}));
    const s = session({
      ...world([
        message('hi', 'direct', 'ngozi', 1),
        message('links', 'reply', 'ngozi', 2, SPAM_HTML),
      ]),
      people,
      history: emptyHistory(),
    });
    expect(s.screener).toEqual([]);
    expect(s.conversations.map((c) => [c.threadId, c.priority])).toEqual([
      ['a|links', 1],
      ['a|hi', 1],
    ]);
  });

  it('drops kept-out people entirely, counting but never naming them', () => {
    const people = CAST.map((k) => person(k, k === 'troll' ? { screening: 'kept-out' } : {}));
    const s = session({
      ...world([message('t1', 'reply', 'troll', 1), message('t2', 'direct', 'troll', 2)]),
      activity: [
        ...world([message('t1', 'reply', 'troll', 1), message('t2', 'direct', 'troll', 2)])
          .activity,
        item('fav', 'favourite', 'troll', 3, { subject: 't1' }),
        item('follow', 'follow', 'troll', 4),
      ],
      people,
    });
    expect(s.conversations).toEqual([]);
    expect(s.screener).toEqual([]);
    expect(s.keptOutCount).toBe(2);
    expect(s.setAside.keptOut).toEqual(['a|n-t1', 'a|n-t2']);
    expect(s.digest).toBeNull();
  });

  it('splits a thread: known people stay in the conversation, a stranger waits', () => {
    const s = session({
      posts: [
        post('root', 'me', 0),
        post('friend', 'mira', 2, { thread: 'root', parent: 'root' }),
        post('stranger', 'ngozi', 3, { thread: 'root', parent: 'root' }),
      ],
      activity: [
        item('friend', 'reply', 'mira', 2, { post: 'friend', thread: 'root' }),
        item('stranger', 'reply', 'ngozi', 3, { post: 'stranger', thread: 'root' }),
      ],
    });
    expect(s.conversations[0]).toMatchObject({ threadId: 'a|root', people: ['a|mira'] });
    expect(s.screener[0]).toMatchObject({
      threadId: 'a|root',
      personId: 'a|ngozi',
      postIds: ['a|stranger'],
    });
  });

  it('lists people who may just be new before what looks like spam', () => {
    const s = session(
      world([
        message('spam', 'reply', 'spammer', 9, SPAM_HTML),
        message('hello', 'direct', 'ngozi', 1),
      ]),
    );
    expect(s.screener.map((e) => e.reason)).toEqual(['first-time', 'suspicious']);
  });

  it('treats someone missing from the people list as unknown', () => {
    const s = session(world([message('who', 'mention', 'ghost', 1)]));
    expect(s.screener[0]?.explanations).toEqual([
      "First message from someone new — you haven't talked before.",
    ]);
  });

  it('screens each post once with a shared cache', () => {
    const w = world([message('a', 'reply', 'tom', 1), message('b', 'reply', 'mira', 2)]);
    const cache = createScreeningCache();
    const input: BuildSessionInput = {
      activity: w.activity,
      posts: w.posts ?? [],
      people: CAST.map((k) => person(k)),
      threads: [],
      history: history(['mira', 'tom']),
      screeningCache: cache,
    };
    const first = buildSession(input);
    expect(cache.size).toBe(2);
    expect(buildSession(input)).toEqual(first);
    expect(cache.size).toBe(2);
  });
});
