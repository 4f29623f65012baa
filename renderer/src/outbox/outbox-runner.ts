import type { Account } from '@shared/domain';
import type { Connector } from '@shared/connectors/connector';
import { createOutboxEngine, type OutboxEngine, type TickReport } from '@shared/outbox';
import type { SlowpostDb } from '../db/database';
import { createDexieOutboxStore } from '../db/repositories/dexie-outbox-store';
import { storeSentReply } from '../db/repositories/sent-replies';

export interface OutboxRunnerOptions {
  readonly db: SlowpostDb;
  readonly now: () => number;
  /** Whether the computer is online; while it is not, nothing is attempted (replies stay undoable). */
  readonly isOnline: () => boolean;
  /** Builds the connector for an account (called once per account: one connector each). */
  readonly connectorFor: (account: Account) => Connector | null | Promise<Connector | null>;
  readonly random?: () => number;
  /** How often to look again when nothing is due (entries queued elsewhere, clock changes). */
  readonly idleRecheckMs?: number;
  /** Problems worth a line in the console; never thrown. */
  readonly log?: (message: string) => void;
  /**
   * Resolves once this page may send for the profile, and it keeps that right until it goes away
   * (the app holds a Web Lock: one sender per profile). Default: at once. Two senders would still
   * never post a reply twice (every write is compare-and-set, and unclear outcomes are checked
   * with the network), but one keeps recovery simple.
   */
  readonly sendingRight?: () => Promise<void>;
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
  /** Resolves when no pass is running (tests await it). */
  idle(): Promise<void>;
}

export const IDLE_RECHECK_MS = 60_000;

/**
 * Runs the outbox engine in the page: one pass when started (which first recovers replies a
 * previous run left in `sending`), one whenever something is queued or the network returns, and
 * one when the next reply becomes due. While offline nothing is attempted, so replies simply wait
 * (and can still be taken back). Passes are not queued behind one another: the engine runs one
 * lane per account, so a slow server holds up only its own account. A sent reply is stored in its
 * thread at once.
 */
export function startOutboxRunner(options: OutboxRunnerOptions): OutboxRunner {
  const { db, now, isOnline } = options;
  const log = options.log ?? ((message: string) => console.warn(message));
  const recheckMs = options.idleRecheckMs ?? IDLE_RECHECK_MS;
  const connectors = new Map<string, Connector | null>();
  const engine = createOutboxEngine({
    store: createDexieOutboxStore(db, log),
    clock: { now },
    random: options.random ?? Math.random,
    async connectorFor(accountId) {
      if (!connectors.has(accountId)) {
        const account = await db.accounts.get(accountId);
        connectors.set(
          accountId,
          account === undefined ? null : await options.connectorFor(account),
        );
      }
      return connectors.get(accountId);
    },
    onSent: (_entry, post) => storeSentReply(db, post, now()),
  });

  let stopped = false;
  let mayStart = false;
  let kickedEarly = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const passes = new Set<Promise<void>>();

  const schedule = (delayMs: number): void => {
    if (stopped) return;
    if (timer !== null) clearTimeout(timer);
    timer = setTimeout(kick, Math.max(0, delayMs));
  };

  async function pass(): Promise<void> {
    try {
      const report = await engine.tick();
      for (const error of [...report.storeErrors, ...report.callbackErrors]) {
        log(`Outbox: ${error instanceof Error ? error.message : String(error)}`);
      }
      options.onTick?.(report);
      const next = await engine.nextDueAt();
      schedule(next === null ? recheckMs : Math.min(recheckMs, next - now()));
    } catch (error) {
      log(`Outbox: ${error instanceof Error ? error.message : String(error)}`);
      schedule(recheckMs);
    }
  }

  function kick(): void {
    kickedEarly = true;
    if (stopped || !mayStart || !isOnline()) return; // the `online` event kicks us again
    const running = pass().finally(() => passes.delete(running));
    passes.add(running);
  }

  const right = options.sendingRight ?? (() => Promise.resolve());
  void right().then(() => {
    mayStart = true;
    const delay = options.firstPassDelayMs ?? 0;
    // Anything queued meanwhile goes at once; otherwise the first view has the store to itself.
    if (delay > 0 && !kickedEarly) schedule(delay);
    else kick();
  });
  return {
    engine,
    kick,
    stop() {
      stopped = true;
      if (timer !== null) clearTimeout(timer);
    },
    idle: async () => {
      while (passes.size > 0) await Promise.all([...passes]);
    },
  };
}
