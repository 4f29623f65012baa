import { describe, expect, it } from 'vitest';
import type { Thread } from '@shared/domain';
import type { Session, SessionConversation } from '@shared/session';
import { isHandled } from '@shared/session';
import { sessionViewModel } from './session-view-model';

const START = 1_000;
const thread = (id: string, triage: Thread['triage'], triagedAt: number | null) =>
  ({ id, triage, triagedAt }) as Thread;
const conversation = (threadId: string) => ({ threadId }) as SessionConversation;
const session = (ids: string[]): Session => ({
  conversations: ids.map(conversation),
  screener: [],
  digest: null,
  keptOutCount: 0,
  setAside: { muted: [], keptOut: [], unplaced: [] },
  counts: { conversations: ids.length, screened: 0 },
});

describe('the session view model', () => {
  it('counts a thread as handled only when it was triaged in this session', () => {
    expect(isHandled(thread('a', 'done', START + 1), START)).toBe(true);
    expect(isHandled(thread('a', 'done', START - 1), START)).toBe(false);
    expect(isHandled(thread('a', 'open', null), START)).toBe(false);
  });

  it('lists what is left and sums up what was done, muted threads included', () => {
    const threads = new Map([
      ['a', thread('a', 'done', START + 5)],
      ['b', thread('b', 'later', START + 6)],
      ['c', thread('c', 'open', null)],
      ['d', thread('d', 'muted', START + 7)],
    ]);
    const view = sessionViewModel(session(['a', 'b', 'c', 'd']), threads, START, 2);
    expect(view.pending.map((c) => c.threadId)).toEqual(['c']);
    expect(view.summary).toMatchObject({
      handled: 2,
      leftForLater: 1,
      untouched: 1,
      repliesWritten: 2,
    });
    expect(view.summary.text).toBe(
      'You went through 2 conversations and wrote 2 replies. 1 conversation is saved for a considered reply later. 1 conversation waits for your next delivery — nothing is lost.',
    );
    expect(view.finished).toBe(false);
  });
});
