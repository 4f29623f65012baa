/**
 * Test support: a whole little world for the outbox engine — a fake clock, a fake reply server,
 * one memory store that outlives "processes", and processes that can crash at any step.
 *
 * A process is an engine + a store handle + connectors. `crash()` kills it: its store handle dies
 * (writes already made are kept; its unsettled promises never settle), its connectors stop reaching
 * the server, and `process.crashed` resolves so a driver racing `tick()` against it can move on.
 * `restart()` crashes the current process and starts a new one (without calling `recover()`).
 */
import type { Connector } from '../../connectors/connector';
import type { OutboxEntry } from '../../domain/outbox';
import type { Post } from '../../domain/post';
import {
  createOutboxEngine,
  type OutboxEngine,
  type OutboxEngineOptions,
  type RequestTimer,
} from '../outbox-engine';
import type { OutboxStore } from '../outbox-store';
import { createMemoryOutboxStore, type MemoryOutboxStore } from './memory-outbox-store';
import { mulberry32 } from '../../demo/prng';
import {
  createFakeReplyServer,
  createFaultInjectingConnector,
  NO_FAULTS,
  type FakeReplyServer,
  type FaultInjectingConnector,
  type FaultScript,
  type IdempotencyModel,
} from './fault-injecting-connector';

export interface FakeClock {
  now(): number;
  advance(ms: number): void;
}

export function createFakeClock(start: number): FakeClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms) => {
      t += Math.max(0, ms);
    },
  };
}

/** A small deterministic PRNG (the demo's mulberry32), for seeded runs. */
export const seededRandom = mulberry32;

export type StoreCrashPoint = {
  /** Crash at the n-th store operation (0-based) this process makes from now on. */
  readonly atOperation: number;
  /** `before`: the operation never happens. `after`: it happens, but its caller never learns. */
  readonly mode: 'before' | 'after';
};

export interface OutboxProcess {
  readonly engine: OutboxEngine;
  readonly store: OutboxStore;
  readonly connectors: ReadonlyMap<string, FaultInjectingConnector>;
  readonly alive: boolean;
  /** Resolves when this process crashes. */
  readonly crashed: Promise<void>;
  /** Posts handed to `onSent`. */
  readonly onSentPosts: readonly Post[];
  crashAtStoreOperation(point: StoreCrashPoint | null): void;
}

export interface OutboxWorld {
  readonly clock: FakeClock;
  readonly server: FakeReplyServer;
  readonly memory: MemoryOutboxStore;
  readonly process: OutboxProcess;
  readonly restarts: number;
  /** The fault script for an account's sends, kept across restarts. */
  setFaults(accountId: string, script: FaultScript): void;
  setAllFaults(script: FaultScript): void;
  /** Kill the current process (if alive). */
  crash(): void;
  /** Kill the current process and start a new one. Call `world.process.engine.recover()` next. */
  restart(): OutboxProcess;
  /** Every stored entry, read synchronously. */
  entries(): OutboxEntry[];
  /**
   * Runs `work` (typically `engine.tick()`) in the current process; resolves with its result, or
   * with `'crashed'` if the process died first.
   */
  run<T>(work: (process: OutboxProcess) => Promise<T>): Promise<T | 'crashed'>;
}

export interface OutboxWorldOptions {
  readonly start?: number;
  readonly accounts: readonly string[];
  readonly random?: () => number;
  /** Accounts that have no connector (signed out). */
  readonly withoutConnector?: readonly string[];
  /** How the server treats idempotency keys (default: kept forever). */
  readonly idempotency?: IdempotencyModel;
  /** The connectors' check never finds anything (a control: the outbox without its check). */
  readonly blindCheck?: boolean;
  /**
   * Engine options beyond the world's own (timeouts, grace delays). The default request timer
   * passes at the next macrotask: a request still unanswered by then has stalled.
   */
  readonly engine?: Partial<
    Omit<OutboxEngineOptions, 'store' | 'connectorFor' | 'clock' | 'random' | 'onSent'>
  >;
}

const NEVER: Promise<never> = new Promise<never>(() => {});

/**
 * A request deadline that passes at the next macrotask. Simulated requests answer within
 * microtasks, so only a stalled one (which never answers) runs out of time.
 */
export const nextMacrotaskDeadline: RequestTimer = () => {
  let handle: ReturnType<typeof setTimeout> | undefined;
  const elapsed = new Promise<void>((resolve) => (handle = setTimeout(resolve, 0)));
  return { elapsed, cancel: () => clearTimeout(handle) };
};

export function createOutboxWorld(options: OutboxWorldOptions): OutboxWorld {
  const clock = createFakeClock(options.start ?? 1_700_000_000_000);
  const server = createFakeReplyServer({
    now: () => clock.now(),
    ...(options.idempotency === undefined ? {} : { idempotency: options.idempotency }),
  });
  const random = options.random ?? seededRandom(1);
  const scripts = new Map<string, FaultScript>();
  let memory = createMemoryOutboxStore();
  let restarts = 0;

  function startProcess(): OutboxProcess & { kill(): void } {
    let alive = true;
    let storeOps = 0;
    let crashPoint: StoreCrashPoint | null = null;
    let signal!: () => void;
    const crashed = new Promise<void>((resolve) => (signal = resolve));
    const handle = memory;
    const onSentPosts: Post[] = [];

    function kill(): void {
      if (!alive) return;
      alive = false;
      memory = handle.crash();
      signal();
    }

    /** Counts store operations and crashes at the armed one. */
    function guarded<A extends unknown[], R>(fn: (...args: A) => Promise<R>) {
      return (...args: A): Promise<R> => {
        if (!alive) return NEVER;
        const index = storeOps++;
        if (crashPoint && index === crashPoint.atOperation) {
          if (crashPoint.mode === 'before') {
            kill();
            return NEVER;
          }
          const pending = fn(...args); // applied synchronously by the memory store
          kill(); // …but the caller never hears back
          return pending;
        }
        return fn(...args);
      };
    }

    const store: OutboxStore = {
      get: guarded((id: string) => handle.get(id)),
      put: guarded((entry: OutboxEntry) => handle.put(entry)),
      compareAndSet: guarded((expected: OutboxEntry | null, next: OutboxEntry) =>
        handle.compareAndSet(expected, next),
      ),
      listDue: guarded((now: number) => handle.listDue(now)),
      listByState: guarded((state: OutboxEntry['state']) => handle.listByState(state)),
    };

    const connectors = new Map<string, FaultInjectingConnector>();
    for (const accountId of options.accounts) {
      const connector = createFaultInjectingConnector({
        server,
        account: accountId,
        faults: (call) => (scripts.get(accountId) ?? NO_FAULTS)(call),
        onHang: () => kill(),
        blindCheck: options.blindCheck ?? false,
      });
      const sendReply = connector.sendReply.bind(connector);
      const findSentReply = connector.findSentReply.bind(connector);
      // A dead process sends and asks nothing.
      connector.sendReply = (reply, key) => (alive ? sendReply(reply, key) : NEVER);
      connector.findSentReply = (reply, earlier) => (alive ? findSentReply(reply, earlier) : NEVER);
      connectors.set(accountId, connector);
    }
    const without = new Set(options.withoutConnector ?? []);

    const engine = createOutboxEngine({
      timer: nextMacrotaskDeadline,
      ...options.engine,
      store,
      connectorFor: (accountId): Connector | null =>
        without.has(accountId) ? null : (connectors.get(accountId) ?? null),
      clock,
      random,
      onSent: (_entry, post) => {
        onSentPosts.push(post);
      },
    });

    return {
      engine,
      store,
      connectors,
      get alive() {
        return alive;
      },
      crashed,
      onSentPosts,
      crashAtStoreOperation(point) {
        storeOps = 0;
        crashPoint = point;
      },
      kill,
    };
  }

  let current = startProcess();

  const world: OutboxWorld = {
    clock,
    server,
    get memory() {
      return memory;
    },
    get process() {
      return current;
    },
    get restarts() {
      return restarts;
    },
    setFaults: (accountId, script) => {
      scripts.set(accountId, script);
    },
    setAllFaults: (script) => {
      for (const accountId of options.accounts) scripts.set(accountId, script);
    },
    crash: () => current.kill(),
    restart() {
      current.kill();
      restarts++;
      current = startProcess();
      return current;
    },
    entries: () => memory.snapshot(),
    async run(work) {
      const proc = current;
      if (!proc.alive) return 'crashed';
      return Promise.race([work(proc), proc.crashed.then(() => 'crashed' as const)]);
    },
  };
  return world;
}
