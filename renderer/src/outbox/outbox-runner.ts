import type { Account } from '../../../shared/domain';
import type { Connector } from '../../../shared/connectors/connector';
import { createOutboxEngine, type OutboxEngine, type TickReport } from '../../../shared/outbox';
import type { SlowpostDb } from '../db/database';
import { createDexieOutboxStore } from '../db/repositories/outbox-store';
import { storeSentReply } from '../db/repositories/sent-replies';

export interface OutboxRunnerOptions {
  readonly db: SlowpostDb;
  readonly now: () => number;
  /** Whether the computer is online; while it is not, nothing is attempted (replies stay undoable). */
  readonly isOnline: () => boolean;
  /** Builds the connector for an account (called once per account: one connector each). */
  readonly connectorFor: (account: Account) => Connector | null;
  readonly random?: () => number;
  /** How often to look again when nothing is due (entries queued elsewhere, clock changes). */
  readonly idleRecheckMs?: number;
  /** Problems worth a line in the console; never thrown. */
  readonly log?: (message: string) => void;
  /**
   * Runs a pass only if no other page of this profile is running one (`navigator.locks` in the
   * app), else skips it. Default: always run. Two passes at once would still never send a reply
   * twice (every write is compare-and-set), but one sender per profile keeps recovery simple.
   */
  readonly exclusive?: (run: () => Promise<void>) => Promise<void>;
  /**
   * How long after starting the first pass waits (default 0). The app gives the first view the
   * store to itself for a moment; anything queued meanwhile kicks a pass at once.
   */
  readonly firstPassDelayMs?: number;
  /** After every pass, for tests and diagnostics. */
  readonly onTick?: (report: TickReport) => void;
}

export interface OutboxRunner {
  readonly engine: OutboxEngine;
  /** Look now (a reply was queued, retried, or the network came back). */
  kick(): void;
  /** Stop looking; a pass in progress finishes. */
  stop(): void;
  /** The pass running now, if any (tests await it). */
  idle(): Promise<void>;
}

export const IDLE_RECHECK_MS = 60_000;

/**
 * Runs the outbox engine in the page: one pass when started (which first recovers replies a
 * previous run left in `sending`), one whenever something is queued or the network returns, and
 * one when the next reply becomes due. While offline nothing is attempted, so replies simply wait
 * (and can still be taken back). A sent reply is stored in its thread at once.
 */
export function startOutboxRunner(options: OutboxRunnerOptions): OutboxRunner {
  const { db, now, isOnline } = options;
  const log = options.log ?? ((message: string) => console.warn(message));
  const connectors = new Map<string, Connector | null>();
  const engine = createOutboxEngine({
    store: createDexieOutboxStore(db),
    clock: { now },
    random: options.random ?? Math.random,
    async connectorFor(accountId) {
      if (!connectors.has(accountId)) {
        const account = await db.accounts.get(accountId);
        connectors.set(accountId, account === undefined ? null : options.connectorFor(account));
      }
      return connectors.get(accountId);
    },
    onSent: (_entry, post) => storeSentReply(db, post, now()),
  });

  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let running: Promise<void> | null = null;
  let again = false;

  const schedule = (delayMs: number): void => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(kick, Math.max(0, delayMs));
  };

  const exclusive = options.exclusive ?? ((run: () => Promise<void>) => run());

  async function pass(): Promise<void> {
    if (!isOnline()) return; // the `online` event kicks us again
    let ran = false;
    await exclusive(async () => {
      ran = true;
      await tickOnce();
    });
    // Another page is sending; look again later in case it goes away.
    if (!ran) schedule(options.idleRecheckMs ?? IDLE_RECHECK_MS);
  }

  async function tickOnce(): Promise<void> {
    const report = await engine.tick();
    for (const error of [...report.storeErrors, ...report.callbackErrors]) {
      log(`Outbox: ${error instanceof Error ? error.message : String(error)}`);
    }
    options.onTick?.(report);
    const next = await engine.nextDueAt();
    const recheck = options.idleRecheckMs ?? IDLE_RECHECK_MS;
    schedule(next === null ? recheck : Math.min(recheck, next - now()));
  }

  function kick(): void {
    if (stopped) return;
    if (running !== null) {
      again = true;
      return;
    }
    running = (async () => {
      do {
        again = false;
        try {
          await pass();
        } catch (error) {
          log(`Outbox: ${error instanceof Error ? error.message : String(error)}`);
          schedule(options.idleRecheckMs ?? IDLE_RECHECK_MS);
        }
      } while (again && !stopped);
    })().finally(() => {
      running = null;
    });
  }

  const delay = options.firstPassDelayMs ?? 0;
  if (delay > 0) schedule(delay);
  else kick();
  return {
    engine,
    kick,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
    idle: () => running ?? Promise.resolve(),
  };
}
