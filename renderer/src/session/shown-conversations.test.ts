import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { SessionConversation } from '@shared/session';
import { OptimisticTriage } from './optimistic-triage';
import { OrderedSubset } from './ordered-subset';
import { nextShownList } from './shown-conversations';
import type { KeptList } from './shown-conversations';

const IDS = ['a', 'b', 'c', 'd', 'e', 'f'];
const all = IDS.map((threadId) => ({ threadId }) as SessionConversation);
const order = new OrderedSubset(all, (c) => c.threadId);
const ids = (list: readonly SessionConversation[]) => list.map((c) => c.threadId);

const stepArb = fc.oneof(
  fc.record({ type: fc.constant('done' as const), thread: fc.constantFrom(...IDS) }),
  fc.record({ type: fc.constant('undo' as const), thread: fc.constantFrom(...IDS) }),
  // The store answers: some conversations pending; the writes so far are finished or not.
  fc.record({
    type: fc.constant('answer' as const),
    pending: fc.subarray(IDS),
    written: fc.boolean(),
  }),
);

describe('the conversations the list shows', () => {
  it('made step by step, are the store’s list with the overrides applied, made from nothing', () => {
    fc.assert(
      fc.property(fc.subarray(IDS), fc.array(stepArb, { maxLength: 30 }), (first, steps) => {
        const triage = new OptimisticTriage();
        let storePending = order.filter((id) => first.includes(id));
        let version = 0;
        const tokens = new Map<string, number>();
        let kept: KeptList | null = null;
        const check = (): void => {
          const store = new Set(ids(storePending));
          triage.settle((id) => store.has(id), version);
          const before: KeptList | null = kept;
          kept = nextShownList(kept, all, order, storePending, triage);
          const expected = triage.apply(all, (id) => store.has(id));
          expect(ids(kept.list)).toEqual(ids(expected));
          if (before !== null && ids(before.list).join() === ids(kept.list).join())
            expect(kept.list).toBe(before.list);
        };
        check();
        for (const step of steps) {
          if (step.type === 'answer') {
            storePending = order.filter((id) => step.pending.includes(id));
            version += 1;
            if (step.written) for (const [id, token] of tokens) triage.written(id, token, version);
          } else {
            tokens.set(
              step.thread,
              triage.set(step.thread, step.type === 'done' ? 'handled' : 'open'),
            );
          }
          check();
        }
      }),
      { numRuns: 300 },
    );
  });
});
