/**
 * The headline property, against each kind of server the app meets (keys kept forever, kept for
 * an hour, ignored): whatever the network and the process do — faults on every request, stalled
 * requests, crashes at any store operation or mid-request (before or after the server accepted),
 * restarts, clock jumps of hours, users taking replies back, retrying, editing failed ones as
 * drafts and sending them again — no reply (nor new conversation) is ever posted twice, none is lost, and once the faults
 * stop every reply is posted exactly once or waits for the user with its text kept.
 *
 * `npm test` runs a few hundred histories per server model; `npm run test:soak` runs 10,000
 * everyday and 2,000 crash-heavy histories per model, counts what went wrong, and prints the
 * figures, next to a control run in which the outbox cannot ask the network (its check never finds
 * anything) — which must post replies twice, or the histories are not reaching the danger.
 */
import fc from 'fast-check';
import { describe, expect, inject, it } from 'vitest';
import type { OutboxEngine } from './outbox-engine';
import { SERVER_MODELS, type IdempotencyModel } from './testing/fault-injecting-connector';
import {
  addCoverage,
  emptyCoverage,
  historyArbitrary,
  measureScenarios,
  runScenario,
  type CoverageCounts,
  type ScenarioFigures,
} from './testing/outbox-scenario';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Set by `npm run test:soak` (vitest.config.mts). */
    outboxSoak: boolean;
  }
}

const SOAK = inject('outboxSoak');
const EVERYDAY_RUNS = SOAK ? 10_000 : 400;
const CRASH_HEAVY_RUNS = SOAK ? 2_000 : 60;
/** Generous: these runs are CPU-bound, and the machine may be busy. */
const BUDGET_MS = SOAK ? 60 * 60_000 : 180_000;
const STALLS = { stalls: true };

/** "Edit as a draft" as the app does it: a reply found posted after all stays sent. */
async function editAsDraft(engine: OutboxEngine, id: string): Promise<{ ok: boolean }> {
  const result = await engine.editAsDraft(id);
  return { ok: result.ok && result.value.kind === 'draft' };
}

/** fast-check over random histories (shrinking a failing one to the shortest that still fails). */
async function assertHistories(
  model: IdempotencyModel,
  kind: 'everyday' | 'crash-heavy',
  runs: number,
  coverage: CoverageCounts,
): Promise<void> {
  await fc.assert(
    fc.asyncProperty(historyArbitrary(kind, STALLS), fc.integer(), async (commands, seed) => {
      const result = await runScenario(commands, { idempotency: model, seed, editAsDraft });
      addCoverage(coverage, result.coverage);
      expect(result.violations).toEqual([]);
    }),
    { numRuns: runs },
  );
}

function line(name: string, figures: ScenarioFigures): string {
  return `${name.padEnd(34)} ${String(figures.runs).padStart(6)} runs: ${figures.runsWithDuplicates} with a reply posted twice, ${figures.runsWithLoss} with a reply lost, ${figures.runsWithOther} with another violation`;
}

describe.each(Object.entries(SERVER_MODELS))(
  'the outbox against a server with %s',
  (kind, model) => {
    it(
      'never posts a reply twice and never loses one',
      async () => {
        const coverage = emptyCoverage();
        if (SOAK) {
          const everyday = await measureScenarios(
            EVERYDAY_RUNS,
            1,
            { idempotency: model, editAsDraft },
            historyArbitrary('everyday', STALLS),
          );
          const heavy = await measureScenarios(
            CRASH_HEAVY_RUNS,
            2,
            { idempotency: model, editAsDraft },
            historyArbitrary('crash-heavy', STALLS),
          );
          const control = await measureScenarios(
            EVERYDAY_RUNS,
            1,
            { idempotency: model, editAsDraft, blindCheck: true },
            historyArbitrary('everyday', STALLS),
          );
          console.log(
            [
              `Outbox soak, server with ${kind}:`,
              line('  everyday histories', everyday),
              line('  crash-heavy histories', heavy),
              line('  control: the check finds nothing', control),
            ].join('\n'),
          );
          expect(everyday.firstViolations).toEqual([]);
          expect(heavy.firstViolations).toEqual([]);
          Object.assign(coverage, everyday.coverage);
        } else {
          await assertHistories(model, 'everyday', EVERYDAY_RUNS, coverage);
          await assertHistories(model, 'crash-heavy', CRASH_HEAVY_RUNS, emptyCoverage());
        }
        // The runs really went through the dangerous paths (counts of paths, not timings).
        const runs = EVERYDAY_RUNS;
        expect(coverage.crashedAfterAccept).toBeGreaterThan(runs * 0.05);
        expect(coverage.foundByCheck).toBeGreaterThan(runs * 0.1);
        expect(coverage.restarted).toBeGreaterThan(runs * 0.3);
        expect(coverage.undone).toBeGreaterThan(runs * 0.02);
        expect(coverage.edited).toBeGreaterThan(runs * 0.02);
        expect(coverage.needsAttentionAtEnd).toBeGreaterThan(runs * 0.02);
        // New conversations (posts that answer nothing) went through the check too.
        expect(coverage.newConversationFoundByCheck).toBeGreaterThan(runs * 0.03);
      },
      BUDGET_MS,
    );
  },
);

describe('the outbox property can fail', () => {
  it(
    'finds replies posted twice when the outbox cannot ask the network (a control)',
    async () => {
      const figures = await measureScenarios(
        200,
        7,
        { idempotency: SERVER_MODELS['keys ignored'], editAsDraft, blindCheck: true },
        historyArbitrary('everyday', STALLS),
      );
      expect(figures.runsWithDuplicates).toBeGreaterThan(20);
    },
    BUDGET_MS,
  );
});
