import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Thread, TriageState } from '@shared/domain';
import { BroughtBack } from '@shared/session';
import type { Session, SessionConversation } from '@shared/session';
import { thread } from '@shared/session/testing/session-fixtures';
import type { KeptReview } from './next-review';
import { nextReview } from './next-review';
import type { DeliveredSession } from './use-delivered-session';

const SINCE = 10_000;
const PEOPLE = ['mira', 'kai', 'olga'];
const THREADS = ['t0', 't1', 't2', 't3', 't4', 't5', 't6', 't7'];
/** Triaged in the store but not in this session (another delivery's thread). */
const ELSEWHERE = 'elsewhere';

/** How a thread came in the delivery: open, or triaged before the session began. */
const deliveredStateArb = fc.constantFrom<Pick<Thread, 'triage' | 'triagedAt'>>(
  { triage: 'open', triagedAt: null },
  { triage: 'muted', triagedAt: SINCE - 5 },
  { triage: 'muted', triagedAt: null },
  { triage: 'done', triagedAt: SINCE - 5 },
  { triage: 'later', triagedAt: SINCE - 1 },
);

const stepArb = fc.oneof(
  fc.record({
    type: fc.constant('triage' as const),
    thread: fc.constantFrom(...THREADS, ELSEWHERE),
    triage: fc.constantFrom<TriageState>('done', 'later', 'muted'),
    after: fc.nat({ max: 50 }),
  }),
  fc.record({ type: fc.constant('undo' as const), thread: fc.constantFrom(...THREADS, ELSEWHERE) }),
  fc.record({ type: fc.constant('same' as const) }),
  fc.record({ type: fc.constant('reply' as const), replies: fc.nat({ max: 3 }) }),
  fc.record({ type: fc.constant('digest' as const) }),
);

const caseArb = fc.record({
  conversations: fc.uniqueArray(fc.constantFrom(...THREADS), { minLength: 0, maxLength: 8 }),
  people: fc.array(fc.constantFrom(...PEOPLE), { minLength: 8, maxLength: 8 }),
  delivered: fc.array(deliveredStateArb, { minLength: 8, maxLength: 8 }),
  steps: fc.array(stepArb, { maxLength: 40 }),
});

function conversation(threadId: string, personId: string): SessionConversation {
  return {
    threadId,
    kind: 'reply',
    people: [personId],
    personId,
    activityIds: [`act-${threadId}`],
    postIds: [`post-${threadId}`],
    latestAt: SINCE,
    priority: 1,
    reason: `${personId} replied to you`,
  };
}

function deliveredSession(
  ids: readonly string[],
  people: readonly string[],
  states: readonly Pick<Thread, 'triage' | 'triagedAt'>[],
): DeliveredSession {
  const session: Session = {
    conversations: ids.map((id, i) => conversation(id, people[i] ?? 'mira')),
    screener: [],
    digest: {
      text: '2 people appreciated 1 of your posts',
      peopleCount: 2,
      postCount: 1,
      followCount: 0,
      kinds: ['favourite'],
    },
    keptOutCount: 0,
    setAside: { muted: [], keptOut: [], unplaced: [] },
    counts: { conversations: ids.length, screened: 0 },
  };
  return {
    session,
    partial: false,
    threads: new Map(THREADS.map((id, i) => [id, { ...thread(id), id, ...states[i] }])),
    quotes: null,
    posts: new Map(),
    broughtBack: BroughtBack.fromEntries([]),
    startedAt: SINCE,
    since: SINCE,
  };
}

/** What the review shows, to compare one made step by step with one made from nothing. */
function shown(kept: KeptReview) {
  const { review } = kept;
  return {
    conversations: review.session.conversations.map((c) => c.threadId),
    digest: review.session.digest,
    pending: review.view.pending.map((c) => c.threadId),
    summary: review.view.summary,
    finished: review.view.finished,
    digestText: review.view.digestText,
    screener: review.view.screener,
    threads: [...THREADS, ELSEWHERE].map((id) => review.threads.get(id) ?? null),
    size: review.threads.size,
    entries: [...review.threads.entries()].sort(([a], [b]) => a.localeCompare(b)),
  };
}

describe('the review session, answer by answer', () => {
  it('is what a review made from nothing would be, over any run of triage, undo and replies', () => {
    fc.assert(
      fc.property(caseArb, ({ conversations, people, delivered: states, steps }) => {
        const delivered = deliveredSession(conversations, people, states);
        // The store: threads triaged since the session began, as the live query reads them.
        const triaged = new Map<string, Thread>();
        let replies = 0;
        let hideDigest = false;
        const answer = () => ({
          // Every answer brings new objects, as the store does.
          triagedSince: [...triaged.values()].map((t) => ({ ...t })),
          repliesWritten: replies,
        });
        let kept = nextReview(null, delivered, answer(), { hideDigest, budgetMinutes: 20 });
        for (const step of steps) {
          const before = kept;
          if (step.type === 'triage') {
            const base = delivered.threads.get(step.thread) ?? thread(step.thread);
            triaged.set(step.thread, {
              ...base,
              id: step.thread,
              triage: step.triage,
              triagedAt: SINCE + step.after,
            });
          } else if (step.type === 'undo') triaged.delete(step.thread);
          else if (step.type === 'reply') replies = step.replies;
          else if (step.type === 'digest') hideDigest = !hideDigest;
          const settings = { hideDigest, budgetMinutes: 20 };
          const state = answer();
          kept = nextReview(kept, delivered, state, settings);
          expect(shown(kept)).toEqual(shown(nextReview(null, delivered, state, settings)));
          // An answer that changes nothing the view shows keeps the view (and the session).
          if (step.type === 'same') {
            expect(kept.review.view).toBe(before.review.view);
            expect(kept.review.session).toBe(before.review.session);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the session and the list when a triage changes one thread of many', () => {
    const ids = THREADS;
    const delivered = deliveredSession(
      ids,
      PEOPLE.concat(PEOPLE, PEOPLE),
      ids.map(() => ({ triage: 'open', triagedAt: null })),
    );
    const settings = { hideDigest: false, budgetMinutes: 20 };
    const first = nextReview(null, delivered, { triagedSince: [], repliesWritten: 0 }, settings);
    const done = { ...thread('t3'), id: 't3', triage: 'done' as const, triagedAt: SINCE + 1 };
    const next = nextReview(
      first,
      delivered,
      { triagedSince: [done], repliesWritten: 0 },
      settings,
    );
    expect(next.review.session).toBe(first.review.session);
    expect(next.review.view.pending.map((c) => c.threadId)).toEqual([
      't0',
      't1',
      't2',
      't4',
      't5',
      't6',
      't7',
    ]);
    // The conversations still listed are the same objects.
    expect(next.review.view.pending[3]).toBe(first.review.view.pending[4]);
    expect(next.review.view.summary).toMatchObject({ handled: 1, untouched: 7 });
  });
});
