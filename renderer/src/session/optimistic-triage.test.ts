import { describe, expect, it } from 'vitest';
import type { SessionConversation } from '@shared/session';
import { OptimisticTriage } from './optimistic-triage';

const all = ['a', 'b', 'c'].map((threadId) => ({ threadId }) as SessionConversation);
const ids = (list: SessionConversation[]) => list.map((c) => c.threadId);
const everything = (id: string) => ['a', 'b', 'c'].includes(id);
const withoutA = (id: string) => ['b', 'c'].includes(id);

describe('optimistic triage', () => {
  it('hides a handled conversation at once, until a newer store answer agrees', () => {
    const triage = new OptimisticTriage();
    const token = triage.set('a', 'handled');
    expect(ids(triage.apply(all, everything))).toEqual(['b', 'c']);
    triage.settle(everything, 1); // an old answer: keep hiding
    expect(triage.size).toBe(1);
    triage.written('a', token, 1);
    triage.settle(withoutA, 2);
    expect(triage.size).toBe(0);
    expect(ids(triage.apply(all, withoutA))).toEqual(['b', 'c']);
  });

  it('done then undo, the store answering late: the row never flickers', () => {
    const triage = new OptimisticTriage();
    const done = triage.set('a', 'handled');
    const undo = triage.set('a', 'open');
    // The stale answer from before "done" agrees with "open", but the undo is not written yet.
    triage.settle(everything, 1);
    expect(ids(triage.apply(all, everything))).toEqual(['a', 'b', 'c']);
    triage.written('a', done, 1); // superseded: ignored
    // The answer to "done" arrives: the row stays.
    triage.settle(withoutA, 2);
    expect(ids(triage.apply(all, withoutA))).toEqual(['a', 'b', 'c']);
    triage.written('a', undo, 2);
    triage.settle(withoutA, 2);
    expect(triage.size).toBe(1);
    triage.settle(everything, 3); // the answer to "undo"
    expect(triage.size).toBe(0);
  });

  it('tells which conversations its changes since a revision concern', () => {
    const triage = new OptimisticTriage();
    const seen = triage.revision;
    const done = triage.set('a', 'handled');
    triage.set('b', 'handled');
    expect(triage.changedSince(seen)).toEqual(['a', 'b']);
    const now = triage.revision;
    expect(triage.changedSince(now)).toEqual([]);
    triage.written('a', done, 1);
    triage.settle(withoutA, 2); // a is settled (dropped): the list may change for it
    expect(triage.changedSince(now)).toEqual(['a']);
    expect(triage.shows('a', withoutA)).toBe(false);
    expect(triage.shows('b', everything)).toBe(false);
    expect(triage.shows('c', everything)).toBe(true);
  });
});
