import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Person, Post, Thread } from '@shared/domain';
import type { SessionConversation } from '@shared/session';
import { OrderedSubset } from '../../session/ordered-subset';
import {
  conversationRows,
  nextConversationRows,
  type KeptRows,
  type Lookup,
} from './conversation-row';

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

  it('made from the last rows, after any run of conversations leaving, coming back and threads changing, are the rows made from nothing, and keep every row that shows the same', () => {
    const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
    const PEOPLE = ['mira', 'kai', 'mira', 'mira', 'kai', 'zoe', 'zoe'];
    const all = IDS.map((id, i) => conversation(id, PEOPLE[i] ?? 'mira'));
    const order = new OrderedSubset(all, (c) => c.threadId);
    const stepArb = fc.record({
      listed: fc.subarray(IDS),
      // Threads the store answers with as new records.
      touched: fc.subarray(IDS),
    });
    const shows = (row: KeptRows['rows'][number]) => ({
      id: row.id,
      title: row.title,
      detail: row.detail,
      continuesGroup: row.continuesGroup,
      note: row.note,
      account: row.account,
      face: row.face,
    });
    fc.assert(
      fc.property(fc.array(stepArb, { maxLength: 25 }), (steps) => {
        const base = lookup();
        let threads = new Map(
          IDS.map((id) => [id, { id, accountId: 'acc', lastSnippet: id } as Thread]),
        );
        let kept: KeptRows | null = null;
        for (const { listed, touched } of steps) {
          const nextThreads = new Map(threads);
          for (const id of touched)
            nextThreads.set(id, { id, accountId: 'acc', lastSnippet: `${id}!` } as Thread);
          const list = order.filter((id) => listed.includes(id));
          const next: Lookup = { ...base, threads: nextThreads };
          const before: KeptRows | null = kept;
          kept = nextConversationRows(
            kept,
            list,
            next,
            noNote,
            order,
            kept === null ? null : touched,
          );
          const fresh = conversationRows(list, next, noNote, new Map());
          expect(kept.rows.map(shows)).toEqual(fresh.map(shows));
          if (before !== null) {
            // A row whose conversation, group and thread are as they were is the same object.
            const old = new Map(before.rows.map((row) => [row.id, row]));
            kept.rows.forEach((row, i) => {
              const was = old.get(row.id);
              if (
                was !== undefined &&
                was.continuesGroup === fresh[i]?.continuesGroup &&
                !touched.includes(row.id)
              )
                expect(row).toBe(was);
            });
          }
          threads = nextThreads;
        }
      }),
      { numRuns: 200 },
    );
  });
});
