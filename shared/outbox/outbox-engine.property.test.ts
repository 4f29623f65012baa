/**
 * The headline property: whatever the network and the process do — faults on every attempt,
 * crashes at any store operation or mid-request (before or after the server accepted), restarts,
 * clock jumps, users cancelling, retrying and discarding — no reply is ever delivered twice, no
 * cancelled reply is ever delivered, and once the faults stop every reply is delivered exactly once
 * or waits for the user with its text kept.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OutboxEntry } from '../domain/outbox';
import type { QueueReplyInput } from './outbox-transitions';
import {
  faultSequence,
  NO_FAULTS,
  type CreatedPost,
  type InjectedFault,
} from './testing/fault-injecting-connector';
import {
  createOutboxWorld,
  seededRandom,
  type OutboxWorld,
  type StoreCrashPoint,
} from './testing/outbox-world';

const ACCOUNTS = ['a', 'b', 'c'] as const;
const MINUTE = 60_000;

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

type Command =
  | {
      readonly t: 'queue';
      readonly account: number;
      readonly parent: number;
      readonly delay: number;
    }
  | {
      readonly t: 'tick';
      readonly faults: readonly InjectedFault[];
      readonly crash: StoreCrashPoint | null;
    }
  | { readonly t: 'advance'; readonly ms: number }
  | { readonly t: 'restart'; readonly crashDuringRecover: StoreCrashPoint | null }
  | { readonly t: 'cancel' | 'retry' | 'dismiss'; readonly pick: number }
  | { readonly t: 'deleteParent'; readonly account: number; readonly parent: number };

const faultArb: fc.Arbitrary<InjectedFault> = fc.oneof(
  { weight: 6, arbitrary: fc.constant<InjectedFault>({ kind: 'none' }) },
  { weight: 2, arbitrary: fc.constant<InjectedFault>({ kind: 'offline' }) },
  fc.constant<InjectedFault>({ kind: 'timeout-before-accept' }),
  { weight: 2, arbitrary: fc.constant<InjectedFault>({ kind: 'timeout-after-accept' }) },
  fc.boolean().map<InjectedFault>((afterAccept) => ({ kind: 'server-error', afterAccept })),
  fc
    .option(fc.integer({ min: 1_000, max: 10 * MINUTE }), { nil: null })
    .map<InjectedFault>((retryAfterMs) => ({ kind: 'rate-limited', retryAfterMs })),
  fc.constant<InjectedFault>({ kind: 'rejected', status: 422, message: 'Validation failed' }),
  fc.constant<InjectedFault>({ kind: 'auth' }),
  fc.constant<InjectedFault>({ kind: 'malformed-after-accept' }),
  {
    weight: 2,
    arbitrary: fc.boolean().map<InjectedFault>((afterAccept) => ({ kind: 'hang', afterAccept })),
  },
);

const crashPointArb: fc.Arbitrary<StoreCrashPoint | null> = fc.option(
  fc.record({
    atOperation: fc.nat({ max: 6 }),
    mode: fc.constantFrom<StoreCrashPoint['mode']>('before', 'after'),
  }),
  { nil: null, freq: 2 },
);

const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('queue' as const),
      account: fc.nat({ max: ACCOUNTS.length - 1 }),
      parent: fc.nat({ max: 1 }),
      delay: fc.constantFrom(0, 0, 30_000, 5 * MINUTE),
    }),
  },
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('tick' as const),
      faults: fc.array(faultArb, { maxLength: 5 }),
      crash: crashPointArb,
    }),
  },
  {
    weight: 4,
    arbitrary: fc.record({
      t: fc.constant('advance' as const),
      ms: fc.oneof(fc.integer({ min: 0, max: 5_000 }), fc.integer({ min: 0, max: 20 * MINUTE })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ t: fc.constant('restart' as const), crashDuringRecover: crashPointArb }),
  },
  fc.record({
    t: fc.constantFrom('cancel' as const, 'retry' as const, 'dismiss' as const),
    pick: fc.nat(),
  }),
  {
    weight: 1,
    arbitrary: fc.record({
      t: fc.constant('deleteParent' as const),
      account: fc.nat({ max: ACCOUNTS.length - 1 }),
      parent: fc.nat({ max: 1 }),
    }),
  },
);

// ---------------------------------------------------------------------------------------------
// The model: what we know from outside the engine
// ---------------------------------------------------------------------------------------------

interface Queued {
  readonly id: string;
  readonly key: string;
  readonly text: string;
  readonly parentPostId: string;
}

interface Model {
  readonly queued: Queued[];
  /** Withdrawn by `cancel` (undo): must never reach the server at all. */
  readonly undone: Set<string>;
  /** Withdrawn by `dismiss` after a failure: at most one post (an earlier ambiguous attempt). */
  readonly dismissed: Set<string>;
  readonly deletedParents: Set<string>;
}

/** A plain check for the hot path (`expect` is slow when called ~10⁶ times). */
function check(condition: boolean, message: () => string): void {
  if (!condition) throw new Error(message());
}

/** Checked after every command. */
function checkInvariants(world: OutboxWorld, model: Model): void {
  const entries = new Map(world.memory.snapshot().map((e) => [e.id, e]));
  const byText = new Map(model.queued.map((q) => [q.text, q]));
  const postsByText = new Map<string, CreatedPost[]>();

  // Every post on the server belongs to a queued reply, and was made with that reply's key.
  for (const created of world.server.posts) {
    const q = byText.get(created.reply.text);
    check(q !== undefined, () => `unknown post ${created.reply.text}`);
    check(created.idempotencyKey === q?.key, () => `${created.reply.text} posted with a new key`);
    const list = postsByText.get(created.reply.text) ?? [];
    list.push(created);
    postsByText.set(created.reply.text, list);
  }
  // Every request for a reply used its one key.
  const requestedKeys = new Set<string>();
  for (const request of world.server.requests) {
    requestedKeys.add(request.idempotencyKey);
    const q = byText.get(request.reply.text);
    check(q?.key === request.idempotencyKey, () => `${request.reply.text} sent with a new key`);
  }

  for (const q of model.queued) {
    const entry = entries.get(q.id);
    check(entry !== undefined, () => `entry ${q.id} lost`);
    if (!entry) continue;
    const posts = postsByText.get(q.text) ?? [];
    // Never delivered twice.
    check(posts.length <= 1, () => `${q.text} delivered ${posts.length} times`);
    // The key and text never change.
    check(entry.idempotencyKey === q.key, () => `${q.id}: key changed`);
    check(entry.text === q.text, () => `${q.id}: text changed`);
    if (entry.state === 'sent') {
      check(posts.length === 1, () => `${q.id} is sent but the server has no post`);
      check(entry.sentPostId === posts[0]?.post.id, () => `${q.id}: wrong sentPostId`);
    }
    if (model.undone.has(q.id)) {
      check(entry.state === 'cancelled', () => `${q.id} was undone but is ${entry.state}`);
      check(posts.length === 0, () => `${q.text} was undone but delivered`);
      check(!requestedKeys.has(q.key), () => `${q.text} was undone but a request was made`);
    }
    if (entry.state === 'cancelled') {
      check(
        model.undone.has(q.id) || model.dismissed.has(q.id),
        () => `${q.id} cancelled by nobody`,
      );
    }
  }
}

function postsFor(world: OutboxWorld, q: Queued): CreatedPost[] {
  return world.server.posts.filter((p) => p.reply.text === q.text);
}

// ---------------------------------------------------------------------------------------------
// The driver
// ---------------------------------------------------------------------------------------------

async function ensureAlive(world: OutboxWorld): Promise<void> {
  while (!world.process.alive) {
    const next = world.restart();
    await world.run(() => next.engine.recover());
  }
}

async function runToQuiet(world: OutboxWorld): Promise<void> {
  for (let round = 0; round < 6; round++) {
    await ensureAlive(world);
    world.clock.advance(30 * MINUTE); // beyond the backoff cap and any Retry-After used here
    const result = await world.run((p) => p.engine.tick());
    expect(result).not.toBe('crashed');
    if (!world.entries().some((e) => e.state === 'waiting' || e.state === 'sending')) return;
  }
  const stuck = world.entries().filter((e) => e.state === 'waiting' || e.state === 'sending');
  expect(stuck, 'replies still waiting after the faults stopped').toEqual([]);
}

async function execute(world: OutboxWorld, model: Model, command: Command): Promise<void> {
  await ensureAlive(world);
  const proc = world.process;
  switch (command.t) {
    case 'queue': {
      const account = ACCOUNTS[command.account] ?? 'a';
      const n = model.queued.length;
      const parentPostId = `${account}|parent-${command.parent}`;
      const input: QueueReplyInput = {
        accountId: account,
        threadId: `${account}|thread-${command.parent}`,
        inReplyToPostId: parentPostId,
        text: `reply #${n}`,
        visibility: 'public',
        contentWarning: null,
        language: null,
      };
      const key = `idem-${n}-${'x'.repeat(16)}`;
      const result = await world.run((p) =>
        p.engine.queue(input, {
          newId: () => `out-${n}`,
          newKey: () => key,
          sendAfter: world.clock.now() + command.delay,
        }),
      );
      expect(result).toMatchObject({ ok: true });
      model.queued.push({ id: `out-${n}`, key, text: input.text, parentPostId });
      return;
    }
    case 'tick': {
      world.setAllFaults(faultSequence(...command.faults));
      proc.crashAtStoreOperation(command.crash);
      await world.run((p) => p.engine.tick());
      proc.crashAtStoreOperation(null);
      world.setAllFaults(NO_FAULTS);
      return;
    }
    case 'advance':
      world.clock.advance(command.ms);
      return;
    case 'restart': {
      const next = world.restart();
      next.crashAtStoreOperation(command.crashDuringRecover);
      await world.run((p) => p.engine.recover());
      next.crashAtStoreOperation(null);
      return;
    }
    case 'cancel':
    case 'retry':
    case 'dismiss': {
      // Aim mostly at entries where the action makes sense, sometimes at any (to see refusals).
      const wanted = command.t === 'cancel' ? 'waiting' : 'needs-attention';
      const inState = new Set(
        world
          .entries()
          .filter((e) => e.state === wanted)
          .map((e) => e.id),
      );
      const aimed = model.queued.filter((q) => inState.has(q.id));
      const pool = aimed.length > 0 && command.pick % 4 !== 0 ? aimed : model.queued;
      const q = pool[command.pick % Math.max(1, pool.length)];
      if (!q) return;
      const before = world.entries().find((e) => e.id === q.id);
      const action = command.t;
      const result = await world.run((p): Promise<{ ok: boolean }> => {
        switch (action) {
          case 'cancel':
            return p.engine.cancel(q.id);
          case 'retry':
            return p.engine.retry(q.id);
          case 'dismiss':
            return p.engine.dismiss(q.id);
        }
      });
      if (result === 'crashed' || !result.ok) return;
      if (command.t === 'cancel') {
        // Undo is only possible for a reply that never left.
        expect(before).toMatchObject({ state: 'waiting', attempts: 0 });
        model.undone.add(q.id);
      }
      if (command.t === 'dismiss') model.dismissed.add(q.id);
      return;
    }
    case 'deleteParent': {
      const account = ACCOUNTS[command.account] ?? 'a';
      const postId = `${account}|parent-${command.parent}`;
      world.server.deletePost(postId);
      model.deletedParents.add(postId);
      return;
    }
  }
}

/** What a run went through, to check the generator reaches the interesting paths. */
interface Coverage {
  /** The server saw the same key again after it had created the post (a crash or lost answer). */
  deduplicated: boolean;
  restarted: boolean;
  /** A process died between the server accepting a reply and the reply being marked sent. */
  crashedAfterAccept: boolean;
  undone: boolean;
  dismissed: boolean;
  needsAttentionAtEnd: boolean;
  delivered: number;
}

async function scenario(commands: readonly Command[], seed: number): Promise<Coverage> {
  const world = createOutboxWorld({ accounts: ACCOUNTS, random: seededRandom(seed) });
  const model: Model = {
    queued: [],
    undone: new Set(),
    dismissed: new Set(),
    deletedParents: new Set(),
  };
  await world.process.engine.recover();

  let crashedAfterAccept = false;
  for (const command of commands) {
    const wasAlive = world.process.alive;
    await execute(world, model, command);
    checkInvariants(world, model);
    if (wasAlive && !world.process.alive) {
      const sendingWithPost = world
        .entries()
        .some(
          (e) =>
            e.state === 'sending' &&
            world.server.posts.some((p) => p.idempotencyKey === e.idempotencyKey),
        );
      crashedAfterAccept ||= sendingWithPost;
    }
  }

  // The faults stop; time passes.
  world.setAllFaults(NO_FAULTS);
  await runToQuiet(world);
  checkInvariants(world, model);
  const states = new Map(world.entries().map((e) => [e.id, e]));
  for (const q of model.queued) {
    const entry = states.get(q.id) as OutboxEntry;
    const posts = postsFor(world, q);
    switch (entry.state) {
      case 'sent':
        expect(posts).toHaveLength(1);
        break;
      case 'needs-attention':
        expect(entry.text).toBe(q.text);
        expect(entry.lastError).toEqual(expect.any(String));
        expect(posts.length).toBeLessThanOrEqual(1);
        break;
      case 'cancelled':
        break;
      default:
        throw new Error(`${q.id} ended in ${entry.state}`);
    }
  }

  // The user retries everything that needs attention: all of it goes out exactly once, except
  // replies to posts that were deleted — those stay, text intact, and were never posted.
  await ensureAlive(world);
  for (const entry of world.entries()) {
    if (entry.state === 'needs-attention') await world.process.engine.retry(entry.id);
  }
  await runToQuiet(world);
  checkInvariants(world, model);
  const final = new Map(world.entries().map((e) => [e.id, e]));
  for (const q of model.queued) {
    const entry = final.get(q.id) as OutboxEntry;
    const posts = postsFor(world, q);
    if (entry.state === 'cancelled') {
      expect(posts.length).toBeLessThanOrEqual(model.undone.has(q.id) ? 0 : 1);
    } else if (entry.state === 'needs-attention') {
      expect(model.deletedParents.has(q.parentPostId)).toBe(true);
      expect(entry.lastError).toMatch(/^The post you were answering was deleted/);
      expect(entry.text).toBe(q.text);
      expect(posts).toHaveLength(0);
    } else {
      expect(entry.state).toBe('sent');
      expect(posts).toHaveLength(1);
      expect(entry.sentPostId).toBe(posts[0]?.post.id);
    }
  }

  return {
    deduplicated: world.server.requests.some((r) => r.serverOutcome === 'duplicate'),
    restarted: world.restarts > 0,
    crashedAfterAccept,
    undone: model.undone.size > 0,
    dismissed: model.dismissed.size > 0,
    needsAttentionAtEnd: [...final.values()].some((e) => e.state === 'needs-attention'),
    delivered: world.server.posts.length,
  };
}

function tally() {
  const counts = {
    runs: 0,
    deduplicated: 0,
    restarted: 0,
    crashedAfterAccept: 0,
    undone: 0,
    dismissed: 0,
    needsAttentionAtEnd: 0,
    delivered: 0,
  };
  return {
    counts,
    add(c: Coverage) {
      counts.runs++;
      counts.deduplicated += Number(c.deduplicated);
      counts.restarted += Number(c.restarted);
      counts.crashedAfterAccept += Number(c.crashedAfterAccept);
      counts.undone += Number(c.undone);
      counts.dismissed += Number(c.dismissed);
      counts.needsAttentionAtEnd += Number(c.needsAttentionAtEnd);
      counts.delivered += c.delivered;
    },
  };
}

describe('outbox engine under faults, crashes and restarts', () => {
  it('never delivers a reply twice, never delivers a cancelled one, and loses none', async () => {
    const seen = tally();
    await fc.assert(
      fc.asyncProperty(
        fc.array(commandArb, { minLength: 1, maxLength: 40, size: 'max' }),
        fc.integer(),
        async (commands, seed) => seen.add(await scenario(commands, seed)),
      ),
      { numRuns: 2_000 },
    );
    // The runs really went through the dangerous paths (not a timing check: counts of paths).
    const { counts } = seen;
    expect(counts.runs).toBe(2_000);
    expect(counts.crashedAfterAccept).toBeGreaterThan(counts.runs * 0.05);
    expect(counts.deduplicated).toBeGreaterThan(counts.runs * 0.1);
    expect(counts.restarted).toBeGreaterThan(counts.runs * 0.3);
    expect(counts.undone).toBeGreaterThan(counts.runs * 0.02);
    expect(counts.dismissed).toBeGreaterThan(counts.runs * 0.02);
    expect(counts.needsAttentionAtEnd).toBeGreaterThan(counts.runs * 0.02);
  }, 60_000);

  it('survives long crash-heavy runs', async () => {
    const crashHeavy = fc.oneof(
      commandArb,
      fc.record({
        t: fc.constant('tick' as const),
        faults: fc.array(
          fc.oneof(
            fc.boolean().map<InjectedFault>((afterAccept) => ({ kind: 'hang', afterAccept })),
            fc.constant<InjectedFault>({ kind: 'timeout-after-accept' }),
          ),
          { maxLength: 3 },
        ),
        crash: crashPointArb,
      }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(crashHeavy, { minLength: 20, maxLength: 120, size: 'max' }),
        fc.integer(),
        async (commands, seed) => {
          await scenario(commands, seed);
        },
      ),
      { numRuns: 300 },
    );
  }, 60_000);
});
