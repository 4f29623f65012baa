import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import type { Post } from '../domain';
import { ConnectorError } from './connector';
import type {
  ActivityBatch,
  ConnectorProblem,
  IncomingActivity,
  IncomingPerson,
} from './connector';
import type {
  IncomingActivitySchema,
  IncomingPersonSchema,
  IncomingPostSchema,
} from './incoming-schemas';
import { readableId, sanitizeBatch } from './sanitize-batch';

const T = 1_700_000_100_000;

function person(networkId: string, name: string): IncomingPerson {
  return {
    id: `acct|${networkId}`,
    accountId: 'acct',
    networkId,
    handle: `@${name.toLowerCase().replaceAll(' ', '')}@example.social`,
    displayName: name,
    avatarUrl: null,
    profileUrl: null,
    isSelf: false,
  };
}

function post(networkId: string, author: string): Post {
  const ref = { id: `acct|${networkId}`, uri: `https://example.social/s/${networkId}`, cid: null };
  return {
    ...ref,
    accountId: 'acct',
    networkId,
    url: null,
    threadId: ref.id,
    authorId: `acct|${author}`,
    contentHtml: `<p>Post ${networkId}</p>`,
    createdAt: T,
    parent: null,
    root: ref,
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    isOwn: false,
    arrivedAt: 0,
    screen: null,
  };
}

function mention(networkId: string, actor: string, postNetworkId: string): IncomingActivity {
  return {
    id: `acct|n${networkId}`,
    accountId: 'acct',
    networkId: `n${networkId}`,
    kind: 'mention',
    rawType: 'mention',
    actorId: `acct|${actor}`,
    postId: `acct|${postNetworkId}`,
    subjectPostId: null,
    threadId: `acct|${postNetworkId}`,
    createdAt: T,
  };
}

/** A page whose items may be anything (what a misbehaving network could send). */
function page(parts: { [K in keyof ActivityBatch]?: unknown }): unknown {
  return {
    people: [],
    posts: [],
    activity: [],
    nextCursor: null,
    hasMore: false,
    problems: [],
    ...parts,
  };
}

/** Each problem's item id, and whether its message matches. */
function expectProblems(
  problems: readonly ConnectorProblem[],
  expected: readonly (readonly [string | null, RegExp])[],
): void {
  expect(problems.map((p) => p.itemId)).toEqual(expected.map(([id]) => id));
  problems.forEach((p, i) => expect(p.message).toMatch(expected[i]?.[1] ?? /^$/));
}

describe('the incoming schemas', () => {
  it('describe the same records as the Connector types', () => {
    expectTypeOf<z.output<typeof IncomingPersonSchema>>().toEqualTypeOf<IncomingPerson>();
    expectTypeOf<z.output<typeof IncomingPostSchema>>().toEqualTypeOf<Post>();
    expectTypeOf<z.output<typeof IncomingActivitySchema>>().toEqualTypeOf<IncomingActivity>();
  });
});

describe('sanitizeBatch', () => {
  it('passes a good page through unchanged', () => {
    const good = page({
      people: [person('mira', 'Mira')],
      posts: [post('1', 'mira')],
      activity: [mention('a', 'mira', '1')],
      nextCursor: 'c1',
      hasMore: true,
    });
    expect(sanitizeBatch(good)).toEqual({ batch: good, problems: [] });
  });

  it('skips a malformed item with a reason naming the field, and keeps the rest', () => {
    const { id: _dropped, ...withoutId } = post('2', 'mira');
    const { batch: clean, problems } = sanitizeBatch(
      page({
        people: [person('mira', 'Mira'), { ...person('tom', 'Tom'), handle: 7 }],
        posts: [post('1', 'mira'), withoutId, { ...post('3', 'mira'), contentHtml: 42 }],
        nextCursor: 'c1',
      }),
    );
    expect(clean.people.map((p) => p.id)).toEqual(['acct|mira']);
    expect(clean.posts.map((p) => p.id)).toEqual(['acct|1']);
    expect(clean.nextCursor).toBe('c1');
    expectProblems(problems, [
      ['acct|tom', /^Invalid person: handle: /],
      ['acct|2', /^Invalid post: id: /],
      ['acct|3', /^Invalid post: contentHtml: /],
    ]);
    expect(clean.problems).toEqual(problems);
  });

  it('names nested fields by their path', () => {
    const broken = { ...post('1', 'mira'), root: { id: 'acct|1', uri: '', cid: null } };
    const { problems } = sanitizeBatch(page({ posts: [broken] }));
    expectProblems(problems, [['acct|1', /^Invalid post: root\.uri: /]]);
  });

  it('skips activity whose post or author was skipped, saying why', () => {
    const { id: _dropped, ...withoutId } = post('1', 'mira');
    const { batch: clean, problems } = sanitizeBatch(
      page({
        people: [person('mira', 'Mira'), { ...person('tom', 'Tom'), isSelf: 'no' }],
        posts: [withoutId, post('2', 'tom')],
        activity: [mention('a', 'mira', '1'), mention('b', 'tom', '2'), mention('c', 'mira', '2')],
      }),
    );
    expect(clean.activity.map((a) => a.id)).toEqual(['acct|nc']);
    expectProblems(problems, [
      ['acct|tom', /^Invalid person: isSelf: /],
      ['acct|1', /^Invalid post: id: /],
      ['acct|na', /^Its post acct\|1 was skipped\. Invalid post: id: /],
      ['acct|nb', /^Its author acct\|tom was skipped\. Invalid person: isSelf: /],
    ]);
  });

  it('merges duplicates within a page, the last one winning, without a problem', () => {
    const { batch: clean, problems } = sanitizeBatch(
      page({
        people: [person('mira', 'Mira'), person('mira', 'Mira Okafor')],
        posts: [post('1', 'mira'), { ...post('1', 'mira'), contentHtml: 'v2' }],
        activity: [mention('a', 'mira', '1'), { ...mention('a', 'mira', '1'), createdAt: T + 5 }],
      }),
    );
    expect(problems).toEqual([]);
    expect(clean.people).toEqual([person('mira', 'Mira Okafor')]);
    expect(clean.posts.map((p) => p.contentHtml)).toEqual(['v2']);
    expect(clean.activity.map((a) => a.createdAt)).toEqual([T + 5]);
  });

  it('keeps the good one of two duplicates when the other is malformed, and its activity', () => {
    const { batch: clean, problems } = sanitizeBatch(
      page({
        posts: [post('1', 'mira'), { ...post('1', 'mira'), createdAt: -1 }],
        activity: [mention('a', 'mira', '1')],
      }),
    );
    expect(clean.posts).toEqual([post('1', 'mira')]);
    expect(clean.activity).toHaveLength(1);
    expectProblems(problems, [['acct|1', /^Invalid post: createdAt: /]]);
  });

  it('normalises language tags, and keeps a post whose tag cannot be one without a language', () => {
    const tagged = (id: string, language: unknown) => ({ ...post(id, 'mira'), language });
    const { batch: clean, problems } = sanitizeBatch(
      page({
        posts: [
          tagged('1', 'en_US'),
          tagged('2', 'pt_br'),
          tagged('3', 'english'),
          tagged('4', 42),
          tagged('5', undefined),
        ],
      }),
    );
    expect(problems).toEqual([]);
    expect(clean.posts.map((p) => p.language)).toEqual(['en-US', 'pt-BR', null, null, null]);
  });

  it('tolerates unknown extra fields and leaves them out', () => {
    const { batch: clean, problems } = sanitizeBatch(
      page({
        people: [{ ...person('mira', 'Mira'), pronouns: 'she/her' }],
        posts: [{ ...post('1', 'mira'), reactions: [{ emoji: '🌱' }] }],
      }),
    );
    expect(problems).toEqual([]);
    expect(clean.people).toEqual([person('mira', 'Mira')]);
    expect(clean.posts).toEqual([post('1', 'mira')]);
  });

  it("keeps the connector's own problems, first", () => {
    const { problems } = sanitizeBatch(
      page({ problems: [{ itemId: 'n9', message: 'Unknown notification shape' }], people: [null] }),
    );
    expectProblems(problems, [
      ['n9', /^Unknown notification shape$/],
      [null, /^Invalid person: \(root\): /],
    ]);
  });

  it('refuses a page whose shape or cursor cannot be read, as malformed', () => {
    const attempt = () => sanitizeBatch(page({ nextCursor: 17 }));
    expect(attempt).toThrow(ConnectorError);
    expect(attempt).toThrow(/nextCursor/);
  });
});

describe('readableId', () => {
  it('reads the id, or makes it from the account and network ids', () => {
    expect(readableId({ id: 'acct|1' })).toBe('acct|1');
    expect(readableId({ accountId: 'acct', networkId: '7' })).toBe('acct|7');
    expect(readableId({ id: 3 })).toBeNull();
    expect(readableId('post')).toBeNull();
  });
});
