import { describe, expect, it } from 'vitest';
import type { Person, Post, Thread } from '../../../../shared/domain';
import type { SessionConversation } from '../../../../shared/session';
import { conversationRows, type Lookup } from './conversation-row';

const conversation = (threadId: string, personId: string): SessionConversation => ({
  threadId,
  kind: 'reply',
  people: [personId],
  personId,
  activityIds: [`act-${threadId}`],
  postIds: [`post-${threadId}`],
  latestAt: 1_000,
  priority: 1,
  reason: `${personId} replied to you`,
});

const person = (id: string, displayName: string) =>
  ({ id, displayName, handle: `@${id}`, avatarUrl: null, accountId: 'acc' }) as unknown as Person;
const post = (id: string, contentHtml: string) => ({ id, contentHtml }) as Post;

const lookup = (): Lookup => ({
  posts: new Map([
    ['post-a', post('post-a', '<p>Tuesday works</p>')],
    ['post-b', post('post-b', '<p>Thanks for the patch</p>')],
  ]),
  quotes: null,
  threads: new Map<string, Thread>(),
  accounts: null,
  people: new Map([
    ['mira', person('mira', 'Mira Okafor')],
    ['kai', person('kai', 'Kai Mehta')],
  ]),
});

const noNote = () => undefined;

describe('the session list rows', () => {
  it('shows each conversation: why it is here, its latest post, whose face, grouped by person', () => {
    const list = [conversation('a', 'mira'), conversation('b', 'mira'), conversation('c', 'kai')];
    const rows = conversationRows(list, lookup(), noNote, new Map());
    expect(rows.map((r) => r.id)).toEqual(['a', 'b', 'c']);
    expect(rows.map((r) => r.title)).toEqual([
      'mira replied to you',
      'mira replied to you',
      'kai replied to you',
    ]);
    expect(rows[0]?.detail).toBe('Tuesday works');
    expect(rows[1]?.detail).toBe('Thanks for the patch');
    expect(rows.map((r) => r.continuesGroup)).toEqual([false, true, false]);
    expect(rows[2]?.face).toEqual({ name: 'Kai Mehta', avatarUrl: null });
  });

  it('quotes what the first view kept when the posts are not read', () => {
    const list = [conversation('a', 'mira'), conversation('b', 'mira')];
    const kept = {
      ...lookup(),
      posts: new Map<string, Post>(),
      quotes: new Map([['a', 'Tuesday works']]),
    };
    const rows = conversationRows(list, kept, noNote, new Map());
    expect(rows[0]?.detail).toBe('Tuesday works');
    // Not kept, no post: the thread's last line (here no thread: nothing).
    expect(rows[1]?.detail).toBe('');
  });

  it('keeps the rows that show the same after one conversation leaves, and remakes its neighbours', () => {
    const list = [
      conversation('a', 'mira'),
      conversation('b', 'kai'),
      conversation('c', 'kai'),
      conversation('d', 'zoe'),
    ];
    const same = lookup();
    const before = conversationRows(list, same, noNote, new Map());
    const kept = new Map(before.map((r) => [r.id, r]));
    // "b" is handled: "c" is no longer grouped under the row above it.
    const after = conversationRows([list[0]!, list[2]!, list[3]!], same, noNote, kept);
    expect(after.map((r) => r.id)).toEqual(['a', 'c', 'd']);
    expect(after[0]).toBe(before[0]);
    expect(after[2]).toBe(before[3]);
    expect(after[1]).not.toBe(before[2]);
    expect(after[1]?.continuesGroup).toBe(false);
  });

  it('keeps rows when the store answers with new threads but the same thread for them', () => {
    const list = [conversation('a', 'mira'), conversation('b', 'kai')];
    const a = { id: 'a', accountId: 'acc', lastSnippet: 'old line' } as Thread;
    const b = { id: 'b', accountId: 'acc', lastSnippet: 'old line' } as Thread;
    const first = lookup();
    const before = conversationRows(
      list,
      {
        ...first,
        threads: new Map([
          ['a', a],
          ['b', b],
        ]),
      },
      noNote,
      new Map(),
    );
    const kept = new Map(before.map((r) => [r.id, r]));
    // "b" was triaged: a new record for it, the same one for "a".
    const triagedB = { ...b, triage: 'done' } as Thread;
    const after = conversationRows(
      list,
      {
        ...first,
        threads: new Map([
          ['a', a],
          ['b', triagedB],
        ]),
      },
      noNote,
      kept,
    );
    expect(after[0]).toBe(before[0]);
    expect(after[1]).not.toBe(before[1]);
  });

  it('remakes every row when what rows are looked up in changes (people loaded, a note)', () => {
    const list = [conversation('a', 'mira')];
    const first = conversationRows(list, lookup(), noNote, new Map());
    const kept = new Map(first.map((r) => [r.id, r]));
    const withPeople = conversationRows(list, lookup(), noNote, kept);
    expect(withPeople[0]).not.toBe(first[0]);
    const noted = conversationRows(list, lookup(), () => 'Waiting since Tuesday', kept);
    expect(noted[0]?.note).toBe('Waiting since Tuesday');
  });
});
