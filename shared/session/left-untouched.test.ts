import { describe, expect, it } from 'vitest';
import type { LeftConversation, Thread } from '../domain';
import { isHandled, leftUntouched, mergeLeft, stillWaiting } from './left-untouched';
import type { ScreenerEntry, Session, SessionConversation } from './session-types';

const START = 10_000;
const CLOSED = 20_000;

const thread = (id: string, triage: Thread['triage'], triagedAt: number | null) =>
  ({ id, triage, triagedAt }) as Thread;
const conversation = (threadId: string, activityIds: string[]) =>
  ({ threadId, activityIds }) as unknown as SessionConversation;
const entry = (threadId: string, activityIds: string[]) =>
  ({ threadId, activityIds, personId: 'p' }) as unknown as ScreenerEntry;
const session = (conversations: SessionConversation[], screener: ScreenerEntry[] = []) =>
  ({ conversations, screener }) as unknown as Session;
const left = (threadId: string, activityIds: string[], leftAt = CLOSED): LeftConversation => ({
  threadId,
  activityIds,
  leftAt,
});

describe('what a session leaves untouched', () => {
  it('is every conversation not triaged during the session, in the session order', () => {
    const threads = new Map([
      ['done', thread('done', 'done', START + 1)],
      ['later', thread('later', 'later', START + 2)],
      ['open', thread('open', 'open', null)],
      // Done long ago, active again in this session: not handled now.
      ['again', thread('again', 'done', START - 1)],
    ]);
    const untouched = leftUntouched(
      session([
        conversation('done', ['1']),
        conversation('open', ['2', '3']),
        conversation('later', ['4']),
        conversation('again', ['5']),
        conversation('unknown', ['6']),
      ]),
      threads,
      START,
      CLOSED,
    );
    expect(untouched).toEqual([
      left('open', ['2', '3']),
      left('again', ['5']),
      left('unknown', ['6']),
    ]);
  });

  it('includes everyone still in the screener, with the conversation of the same thread', () => {
    const untouched = leftUntouched(
      session([conversation('t', ['1'])], [entry('t', ['2']), entry('u', ['3'])]),
      new Map(),
      START,
      CLOSED,
    );
    expect(untouched).toEqual([left('t', ['1', '2']), left('u', ['3'])]);
  });

  it('never carries a muted thread, muted before or during the session', () => {
    const threads = new Map([
      ['before', thread('before', 'muted', START - 5)],
      ['during', thread('during', 'muted', START + 5)],
    ]);
    expect(
      leftUntouched(
        session([conversation('before', ['1'])], [entry('during', ['2'])]),
        threads,
        START,
        CLOSED,
      ),
    ).toEqual([]);
  });

  it('counts handling the same way the session does', () => {
    expect(isHandled(thread('a', 'done', START), START)).toBe(true);
    expect(isHandled(thread('a', 'done', START - 1), START)).toBe(false);
    expect(isHandled(thread('a', 'open', null), START)).toBe(false);
    expect(isHandled(undefined, START)).toBe(false);
  });
});

describe('a conversation left untouched', () => {
  it('still waits unless its thread was triaged after it was left', () => {
    const waiting = left('t', ['1']);
    expect(stillWaiting(waiting, undefined)).toBe(true);
    expect(stillWaiting(waiting, thread('t', 'open', null))).toBe(true);
    // Triaged before it was left (done earlier, then active again): still waiting.
    expect(stillWaiting(waiting, thread('t', 'done', CLOSED - 1))).toBe(true);
    expect(stillWaiting(waiting, thread('t', 'done', CLOSED))).toBe(false);
    expect(stillWaiting(waiting, thread('t', 'later', CLOSED + 1))).toBe(false);
    expect(stillWaiting(waiting, thread('t', 'muted', CLOSED + 1))).toBe(false);
  });

  it('merges by thread: each activity once, the earlier place, the later moment', () => {
    expect(
      mergeLeft(
        [left('a', ['1', '2'], 5), left('b', ['3'], 5)],
        [left('c', ['4'], 9), left('a', ['2', '5'], 9)],
      ),
    ).toEqual([left('a', ['1', '2', '5'], 9), left('b', ['3'], 5), left('c', ['4'], 9)]);
  });
});
