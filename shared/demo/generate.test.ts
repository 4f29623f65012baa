import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import {
  AccountSchema,
  ActivityItemSchema,
  CONVERSATION_KINDS,
  localId,
  PersonSchema,
  PostSchema,
  type ActivityKind,
  type Post,
} from '../domain';
import {
  DEMO_ACCOUNT_ID,
  DEMO_FIRST_TIME_POST_ID,
  DEMO_FIRST_TIME_SENDER_HANDLE,
  DEMO_FIRST_TIME_SENDER_ID,
  DEMO_SELF_HANDLE,
  DEMO_SELF_PERSON_ID,
  DEMO_SPAM_HANDLES,
  DEMO_SPAM_PERSON_IDS,
  DEMO_SPAM_POST_IDS,
  DEMO_XSS_AUTHOR_HANDLE,
  DEMO_XSS_ONERROR_PAYLOAD,
  DEMO_XSS_POST_ID,
  DEMO_XSS_SCRIPT_PAYLOAD,
} from './constants';
import { DAY, generateDemoNetwork, HOUR } from './generate';
import { demoPersonHints } from './people';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

const ANCHOR = Date.UTC(2025, 4, 14, 7, 30);
const network = generateDemoNetwork(ANCHOR);
const postsById = new Map(network.posts.map((p) => [p.id, p]));
const peopleById = new Map(network.people.map((p) => [p.id, p]));
const past = network.activity.filter((a) => a.createdAt <= ANCHOR);
const future = network.activity.filter((a) => a.createdAt > ANCHOR);

const IncomingPersonSchema = PersonSchema.omit({
  screening: true,
  notes: true,
  keepInTouchDays: true,
  firstSeenAt: true,
}).strict();
const IncomingActivitySchema = ActivityItemSchema.omit({
  arrivedAt: true,
  deliveryId: true,
}).strict();

/** The visible text of a post: tags dropped, the few entities we write decoded. */
function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

/** Words that mix Latin letters with Cyrillic or Greek ones: the look-alike spam signal. */
function mixedScriptWords(html: string): string[] {
  return textOf(html)
    .split(/[^\p{L}]+/u)
    .filter(
      (word) =>
        /\p{Script=Latin}/u.test(word) && /[\p{Script=Cyrillic}\p{Script=Greek}]/u.test(word),
    );
}

function chainOf(post: Post): Post[] {
  const chain = [post];
  let current = post;
  while (current.parent !== null) {
    const parent = postsById.get(current.parent.id);
    if (parent === undefined) throw new Error(`missing parent of ${current.id}`);
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

function recordsOf(personId: string): number {
  return (
    network.posts.filter((p) => p.authorId === personId).length +
    network.activity.filter((a) => a.actorId === personId).length
  );
}

describe('generateDemoNetwork: determinism', { timeout: HEAVY_TEST_MS }, () => {
  it('gives an identical network for the same seed and anchor', () => {
    expect(generateDemoNetwork(ANCHOR, 99)).toEqual(generateDemoNetwork(ANCHOR, 99));
    expect(JSON.stringify(generateDemoNetwork(ANCHOR))).toBe(JSON.stringify(network));
  });

  it('gives a different network for another seed', () => {
    const other = generateDemoNetwork(ANCHOR, 12345);
    expect(other.activity.map((a) => a.createdAt)).not.toEqual(
      network.activity.map((a) => a.createdAt),
    );
  });

  it('moves the same network in time for another anchor', () => {
    const shift = 3 * DAY + 17 * 60_000;
    const moved = generateDemoNetwork(ANCHOR + shift);
    expect(moved.posts).toEqual(
      network.posts.map((p) => ({ ...p, createdAt: p.createdAt + shift })),
    );
    expect(moved.activity).toEqual(
      network.activity.map((a) => ({ ...a, createdAt: a.createdAt + shift })),
    );
  });

  it('never reads Math.random or the system clock', () => {
    vi.spyOn(Math, 'random').mockImplementation(() => {
      throw new Error('Math.random used');
    });
    vi.spyOn(Date, 'now').mockImplementation(() => {
      throw new Error('Date.now used');
    });
    expect(generateDemoNetwork(ANCHOR)).toEqual(network);
  });

  it('keeps its shape for any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const other = generateDemoNetwork(ANCHOR, seed);
        const before = other.activity.filter((a) => a.createdAt <= ANCHOR);
        expect(before.length).toBeGreaterThanOrEqual(300);
        expect(new Set(before.map((a) => a.kind)).size).toBe(8);
        const firstTime = other.activity.filter((a) => a.actorId === DEMO_FIRST_TIME_SENDER_ID);
        expect(firstTime).toHaveLength(1);
        for (let day = 0; day < 3; day += 1) {
          const start = ANCHOR + day * DAY;
          const count = other.activity.filter(
            (a) => a.createdAt > start && a.createdAt <= start + DAY,
          ).length;
          expect(count).toBeGreaterThanOrEqual(50);
        }
      }),
      { numRuns: 12 },
    );
  });

  it('refuses an anchor too close to the epoch or not an integer', () => {
    expect(() => generateDemoNetwork(1000)).toThrow(RangeError);
    expect(() => generateDemoNetwork(ANCHOR + 0.5)).toThrow(RangeError);
  });
});

describe('generateDemoNetwork: records', () => {
  it('emits records that pass the domain schemas exactly', () => {
    expect(() => AccountSchema.strict().parse(network.account)).not.toThrow();
    for (const person of network.people) IncomingPersonSchema.parse(person);
    for (const post of network.posts) PostSchema.strict().parse(post);
    for (const item of network.activity) IncomingActivitySchema.parse(item);
  });

  it('uses unique local ids made of the account id and the network id', () => {
    for (const list of [network.people, network.posts, network.activity]) {
      const ids = list.map((r) => r.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const record of list) {
        expect(record.accountId).toBe(DEMO_ACCOUNT_ID);
        expect(record.id).toBe(localId(DEMO_ACCOUNT_ID, record.networkId));
      }
    }
  });

  it('sorts posts and activity oldest first', () => {
    const sorted = (xs: readonly { createdAt: number }[]) =>
      xs.every((x, i) => i === 0 || (xs[i - 1]?.createdAt ?? 0) <= x.createdAt);
    expect(sorted(network.posts)).toBe(true);
    expect(sorted(network.activity)).toBe(true);
  });

  it('has at least 30 people, exactly one of them the user', () => {
    expect(network.people.length).toBeGreaterThanOrEqual(30);
    const selves = network.people.filter((p) => p.isSelf);
    expect(selves.map((p) => [p.id, p.handle])).toEqual([[DEMO_SELF_PERSON_ID, DEMO_SELF_HANDLE]]);
    expect(network.account.networkUserId).toBe(selves[0]?.networkId);
    for (const p of network.people) expect(p.handle).toMatch(/^@[\w.-]+@[\w.-]+\.[a-z]+$/);
    expect(new Set(network.people.map((p) => p.handle)).size).toBe(network.people.length);
  });

  it('marks exactly the user’s posts as own', () => {
    for (const post of network.posts)
      expect(post.isOwn).toBe(post.authorId === DEMO_SELF_PERSON_ID);
    expect(network.posts.filter((p) => p.isOwn).length).toBeGreaterThanOrEqual(30);
    expect(network.posts.some((p) => p.isOwn && p.createdAt > ANCHOR)).toBe(false);
  });

  it('suggests notes only for people who exist', () => {
    const hints = demoPersonHints();
    expect(hints.length).toBeGreaterThan(5);
    for (const hint of hints) expect(peopleById.get(hint.personId)?.isSelf).toBe(false);
    expect(hints.some((h) => /SummitUp/.test(h.notes))).toBe(true);
  });
});

describe('generateDemoNetwork: activity', () => {
  it('has 300+ items in the four days before the anchor, of every kind', () => {
    expect(past.length).toBeGreaterThanOrEqual(300);
    const kinds = new Set(past.map((a) => a.kind));
    const all: ActivityKind[] = [
      'mention',
      'reply',
      'direct',
      'follow',
      'favourite',
      'boost',
      'quote',
      'other',
    ];
    expect([...kinds].sort()).toEqual([...all].sort());
    const conversation = past.filter((a) => CONVERSATION_KINDS.includes(a.kind));
    expect(conversation.length).toBeGreaterThanOrEqual(100);
    for (const item of past) expect(item.createdAt).toBeGreaterThanOrEqual(ANCHOR - 4 * DAY);
  });

  it('keeps arriving for three days after the anchor, 50 to 110 items a day', () => {
    for (let day = 0; day < 3; day += 1) {
      const start = ANCHOR + day * DAY;
      const count = future.filter((a) => a.createdAt > start && a.createdAt <= start + DAY).length;
      expect(count).toBeGreaterThanOrEqual(50);
      expect(count).toBeLessThanOrEqual(110);
    }
    expect(future.every((a) => a.createdAt <= ANCHOR + 3 * DAY)).toBe(true);
    expect(future.some((a) => a.kind === 'reply')).toBe(true);
    expect(future.some((a) => a.kind === 'direct')).toBe(true);
  });

  it('points every item at records that exist and fit its kind', () => {
    for (const item of network.activity) {
      const actor = peopleById.get(item.actorId);
      expect(actor, item.id).toBeDefined();
      expect(actor?.isSelf).toBe(false);
      const post = item.postId === null ? undefined : postsById.get(item.postId);
      const subject = item.subjectPostId === null ? undefined : postsById.get(item.subjectPostId);
      if (item.postId !== null) expect(post, item.id).toBeDefined();
      if (item.subjectPostId !== null) expect(subject, item.id).toBeDefined();
      if (CONVERSATION_KINDS.includes(item.kind)) {
        expect(post?.authorId).toBe(item.actorId);
        expect(post?.createdAt).toBe(item.createdAt);
        expect(item.threadId).toBe(post?.threadId);
        expect(post?.isOwn).toBe(false);
      }
      if (item.kind === 'favourite' || item.kind === 'boost' || item.kind === 'quote') {
        expect(subject?.isOwn, item.id).toBe(true);
        expect(subject?.createdAt).toBeLessThan(item.createdAt);
        expect(subject?.visibility).not.toBe('direct');
      } else {
        expect(item.subjectPostId).toBeNull();
      }
      if (item.kind === 'favourite' || item.kind === 'boost' || item.kind === 'follow') {
        expect(item.postId).toBeNull();
        expect(item.threadId).toBeNull();
      }
      if (item.kind === 'direct') expect(post?.visibility).toBe('direct');
      if (item.kind === 'reply') {
        expect(post?.parent && postsById.get(post.parent.id)?.isOwn).toBe(true);
      }
    }
  });

  it('favourites, boosts and follows each happen at most once per person and post', () => {
    const keys = network.activity
      .filter((a) => a.kind === 'favourite' || a.kind === 'boost' || a.kind === 'follow')
      .map((a) => `${a.kind}|${a.actorId}|${a.subjectPostId ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('tells the user about every post that mentions them', () => {
    const notified = new Set(network.activity.map((a) => a.postId));
    for (const post of network.posts) {
      if (post.isOwn) continue;
      if (post.contentHtml.includes(`href="https://demo.slowpost.invalid/${DEMO_SELF_HANDLE}"`)) {
        expect(notified.has(post.id), post.id).toBe(true);
      }
    }
  });
});

describe('generateDemoNetwork: threads', () => {
  it('links every post to its parent and root within one thread', () => {
    for (const post of network.posts) {
      expect(post.root.id).toBe(post.threadId);
      expect(post.root.cid).toBeNull();
      const root = postsById.get(post.threadId);
      expect(root?.parent).toBeNull();
      expect(root?.uri).toBe(post.root.uri);
      if (post.parent === null) {
        expect(post.threadId).toBe(post.id);
      } else {
        const parent = postsById.get(post.parent.id);
        expect(parent?.uri).toBe(post.parent.uri);
        expect(parent?.threadId).toBe(post.threadId);
        expect(parent?.createdAt).toBeLessThan(post.createdAt);
      }
    }
  });

  it('has threads at least four levels deep with several people and the user in them', () => {
    const deepChains = network.posts.map(chainOf).filter((chain) => chain.length >= 4);
    const deepThreads = new Set(deepChains.map((chain) => chain[0]?.id));
    expect(deepThreads.size).toBeGreaterThanOrEqual(8);
    const lively = deepChains.filter(
      (chain) => chain.some((p) => p.isOwn) && new Set(chain.map((p) => p.authorId)).size >= 3,
    );
    expect(lively.length).toBeGreaterThanOrEqual(3);
    expect(Math.max(...deepChains.map((c) => c.length))).toBeGreaterThanOrEqual(6);
  });

  it('speaks several languages, with content warnings and non-Latin scripts', () => {
    const languages = new Set(network.posts.map((p) => p.language));
    for (const lang of ['en', 'de', 'es', 'ru', 'el']) expect(languages).toContain(lang);
    expect(network.posts.filter((p) => p.language === 'de').length).toBeGreaterThanOrEqual(4);
    expect(network.posts.filter((p) => p.language === 'es').length).toBeGreaterThanOrEqual(4);
    expect(network.posts.some((p) => /\p{Script=Cyrillic}{4,}/u.test(textOf(p.contentHtml)))).toBe(
      true,
    );
    expect(network.posts.some((p) => /\p{Script=Greek}{4,}/u.test(textOf(p.contentHtml)))).toBe(
      true,
    );
    expect(network.posts.filter((p) => p.contentWarning !== null).length).toBeGreaterThanOrEqual(5);
  });

  it('writes Mastodon-shaped HTML whose mentions point at real people', () => {
    const profiles = new Set(network.people.map((p) => p.profileUrl));
    for (const post of network.posts) {
      expect(post.contentHtml.startsWith('<p>')).toBe(true);
      for (const m of post.contentHtml.matchAll(/<a href="([^"]+)" class="u-url mention">/g)) {
        expect(profiles.has(m[1] ?? '')).toBe(true);
      }
    }
    expect(network.posts.some((p) => p.contentHtml.includes('class="mention hashtag"'))).toBe(true);
    expect(network.posts.some((p) => p.contentHtml.includes('rel="nofollow noopener"'))).toBe(true);
  });
});

describe('generateDemoNetwork: screening cases', () => {
  it('has exactly one first-time sender with a single recent message and no history', () => {
    const person = peopleById.get(DEMO_FIRST_TIME_SENDER_ID);
    expect(person?.handle).toBe(DEMO_FIRST_TIME_SENDER_HANDLE);
    const items = network.activity.filter((a) => a.actorId === DEMO_FIRST_TIME_SENDER_ID);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(['mention', 'direct']).toContain(item?.kind);
    expect(item?.postId).toBe(DEMO_FIRST_TIME_POST_ID);
    expect(item?.createdAt).toBeLessThanOrEqual(ANCHOR);
    expect(item?.createdAt).toBeGreaterThan(ANCHOR - 12 * HOUR);
    const theirPosts = network.posts.filter((p) => p.authorId === DEMO_FIRST_TIME_SENDER_ID);
    expect(theirPosts.map((p) => p.id)).toEqual([DEMO_FIRST_TIME_POST_ID]);
    expect(theirPosts[0]?.parent).toBeNull();
    // Nobody else talks about them either.
    const others = network.posts.filter((p) => p.authorId !== DEMO_FIRST_TIME_SENDER_ID);
    expect(others.some((p) => p.contentHtml.includes(person?.profileUrl ?? '?'))).toBe(false);
  });

  it('gives everyone else who talks to the user some history', () => {
    const talkers = new Set(
      network.activity.filter((a) => CONVERSATION_KINDS.includes(a.kind)).map((a) => a.actorId),
    );
    const spammers = new Set<string>(DEMO_SPAM_PERSON_IDS);
    for (const id of talkers) {
      if (id === DEMO_FIRST_TIME_SENDER_ID || spammers.has(id)) continue;
      expect(recordsOf(id), id).toBeGreaterThanOrEqual(3);
    }
  });

  it('has link-stuffed spam replies spelled with mixed scripts', () => {
    expect(DEMO_SPAM_PERSON_IDS.map((id) => peopleById.get(id)?.handle)).toEqual([
      ...DEMO_SPAM_HANDLES,
    ]);
    const spam = DEMO_SPAM_POST_IDS.map((id) => postsById.get(id));
    for (const post of spam) {
      expect(post).toBeDefined();
      expect(DEMO_SPAM_PERSON_IDS as readonly string[]).toContain(post?.authorId);
      expect(mixedScriptWords(post?.contentHtml ?? '').length).toBeGreaterThanOrEqual(3);
      expect(post?.contentHtml.match(/<a href="https:/g)?.length ?? 0).toBeGreaterThanOrEqual(3);
      const item = network.activity.find((a) => a.postId === post?.id);
      expect(item?.kind).toBe('reply');
    }
    const spamAuthored = network.posts.filter((p) =>
      (DEMO_SPAM_PERSON_IDS as readonly string[]).includes(p.authorId),
    );
    expect(spamAuthored.map((p) => p.id).sort()).toEqual([...DEMO_SPAM_POST_IDS].sort());
  });

  it('has no mixed-script words anywhere else (Russian and Greek posts included)', () => {
    const spam = new Set<string>(DEMO_SPAM_POST_IDS);
    const offenders = network.posts
      .filter((p) => !spam.has(p.id))
      .filter((p) => mixedScriptWords(p.contentHtml).length > 0)
      .map((p) => p.id);
    expect(offenders).toEqual([]);
  });

  it('has one reply to the user carrying script and onerror payloads', () => {
    const post = postsById.get(DEMO_XSS_POST_ID);
    expect(post).toBeDefined();
    expect(peopleById.get(post?.authorId ?? '')?.handle).toBe(DEMO_XSS_AUTHOR_HANDLE);
    expect(post?.contentHtml).toContain(DEMO_XSS_SCRIPT_PAYLOAD);
    expect(post?.contentHtml).toContain(DEMO_XSS_ONERROR_PAYLOAD);
    expect(post?.createdAt).toBeLessThan(ANCHOR);
    expect(textOf(post?.contentHtml ?? '')).toMatch(/opening hours/);
    expect(network.activity.find((a) => a.postId === DEMO_XSS_POST_ID)?.kind).toBe('reply');
    const others = network.posts.filter((p) => p.id !== DEMO_XSS_POST_ID);
    expect(others.some((p) => /<script|onerror=/i.test(p.contentHtml))).toBe(false);
  });
});
