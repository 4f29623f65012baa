/**
 * Test support: random histories for the outbox engine, run against a fake server of a given kind
 * (`IdempotencyModel`), with faults on every request, crashes at every step, restarts, clock jumps
 * of up to hours, and users taking replies back, retrying, and editing failed ones as drafts and
 * sending them again. A run reports what went wrong as violations instead of throwing, so the same
 * runs serve the property test (which shrinks a failing history) and the soak (which counts).
 *
 * What must hold, whatever happened:
 * - no message is posted twice (`duplicate`);
 * - no entry disappears, changes its key or text, or claims a post that is not there (`lost`,
 *   `corrupted`);
 * - a reply taken back before it left never reaches the server (`undone-sent`);
 * - once the faults stop and the user retries what needs attention, every message is posted
 *   exactly once, except replies to deleted posts, which wait with their text kept (`stuck`).
 *
 * Messages are replies to one of two posts, or new conversations (posts that answer nothing,
 * written to someone), which the check must find among the account's own posts all the same.
 */
import fc from 'fast-check';
import type { OutboxEntry } from '../../domain/outbox';
import type { OutboxEngine } from '../outbox-engine';
import type { QueueReplyInput } from '../outbox-transitions';
import {
  faultSequence,
  NO_FAULTS,
  type CreatedPost,
  type IdempotencyModel,
  type InjectedFault,
} from './fault-injecting-connector';
import {
  createOutboxWorld,
  seededRandom,
  type OutboxWorld,
  type OutboxWorldOptions,
  type StoreCrashPoint,
} from './outbox-world';

const ACCOUNTS = ['a', 'b', 'c'] as const;
/** The `parent` of a queued message that answers nothing: a new conversation with someone. */
const NEW_CONVERSATION = 2;
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

// ---------------------------------------------------------------------------------------------
// Commands
// ---------------------------------------------------------------------------------------------

export type ScenarioCommand =
  | {
      readonly t: 'queue';
      readonly account: number;
      /** 0 or 1: a reply to that post; `NEW_CONVERSATION`: a post that answers nothing. */
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
  | { readonly t: 'cancel' | 'retry'; readonly pick: number }
  /** "Edit as a draft": the entry leaves the outbox; with `resend`, the same text is queued anew. */
  | { readonly t: 'edit'; readonly pick: number; readonly resend: boolean }
  | { readonly t: 'deleteParent'; readonly account: number; readonly parent: number };

export interface ScenarioArbitraryOptions {
  /** Include stalled requests (the engine must time them out). */
  readonly stalls: boolean;
}

export function faultArbitrary(options: ScenarioArbitraryOptions): fc.Arbitrary<InjectedFault> {
  const faults: fc.WeightedArbitrary<InjectedFault>[] = [
    { weight: 6, arbitrary: fc.constant<InjectedFault>({ kind: 'none' }) },
    { weight: 2, arbitrary: fc.constant<InjectedFault>({ kind: 'offline' }) },
    { weight: 1, arbitrary: fc.constant<InjectedFault>({ kind: 'timeout-before-accept' }) },
    { weight: 2, arbitrary: fc.constant<InjectedFault>({ kind: 'timeout-after-accept' }) },
    {
      weight: 1,
      arbitrary: fc
        .boolean()
        .map<InjectedFault>((afterAccept) => ({ kind: 'server-error', afterAccept })),
    },
    {
      weight: 1,
      arbitrary: fc
        .option(
          fc.oneof(fc.integer({ min: 1_000, max: 10 * MINUTE }), fc.integer({ max: 6 * HOUR })),
          { nil: null },
        )
        .map<InjectedFault>((retryAfterMs) => ({ kind: 'rate-limited', retryAfterMs })),
    },
    {
      weight: 1,
      arbitrary: fc.constant<InjectedFault>({
        kind: 'rejected',
        status: 422,
        message: 'Validation failed',
      }),
    },
    { weight: 1, arbitrary: fc.constant<InjectedFault>({ kind: 'auth' }) },
    { weight: 1, arbitrary: fc.constant<InjectedFault>({ kind: 'malformed-after-accept' }) },
    {
      weight: 2,
      arbitrary: fc.boolean().map<InjectedFault>((afterAccept) => ({ kind: 'hang', afterAccept })),
    },
  ];
  if (options.stalls) {
    faults.push({
      weight: 2,
      arbitrary: fc
        .record({
          afterAccept: fc.boolean(),
          landsAfterMs: fc.option(fc.integer({ min: 1, max: 45_000 }), { nil: undefined }),
        })
        .map<InjectedFault>(({ afterAccept, landsAfterMs }) => ({
          kind: 'stall',
          afterAccept,
          ...(landsAfterMs === undefined ? {} : { landsAfterMs }),
        })),
    });
  }
  return fc.oneof(...faults);
}

export const crashPointArbitrary: fc.Arbitrary<StoreCrashPoint | null> = fc.option(
  fc.record({
    atOperation: fc.nat({ max: 6 }),
    mode: fc.constantFrom<StoreCrashPoint['mode']>('before', 'after'),
  }),
  { nil: null, freq: 2 },
);

export function commandArbitrary(options: ScenarioArbitraryOptions): fc.Arbitrary<ScenarioCommand> {
  const fault = faultArbitrary(options);
  return fc.oneof(
    {
      weight: 4,
      arbitrary: fc.record({
        t: fc.constant('queue' as const),
        account: fc.nat({ max: ACCOUNTS.length - 1 }),
        parent: fc.nat({ max: NEW_CONVERSATION }),
        delay: fc.constantFrom(0, 0, 30_000, 5 * MINUTE),
      }),
    },
    {
      weight: 6,
      arbitrary: fc.record({
        t: fc.constant('tick' as const),
        faults: fc.array(fault, { maxLength: 5 }),
        crash: crashPointArbitrary,
      }),
    },
    {
      weight: 4,
      arbitrary: fc.record({
        t: fc.constant('advance' as const),
        ms: fc.oneof(
          fc.integer({ min: 0, max: 5_000 }),
          fc.integer({ min: 0, max: 20 * MINUTE }),
          fc.integer({ min: 0, max: 3 * HOUR }),
        ),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        t: fc.constant('restart' as const),
        crashDuringRecover: crashPointArbitrary,
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constantFrom('cancel' as const, 'retry' as const),
        pick: fc.nat(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('edit' as const),
        pick: fc.nat(),
        resend: fc.boolean(),
      }),
    },
    {
      weight: 1,
      arbitrary: fc.record({
        t: fc.constant('deleteParent' as const),
        account: fc.nat({ max: ACCOUNTS.length - 1 }),
        parent: fc.nat({ max: 1 }),
      }),
    },
  );
}

/** Commands whose faults lean on the dangerous paths: crashes, hangs and lost answers. */
export function crashHeavyArbitrary(
  options: ScenarioArbitraryOptions,
): fc.Arbitrary<ScenarioCommand> {
  const dangerous: fc.Arbitrary<InjectedFault>[] = [
    fc.boolean().map<InjectedFault>((afterAccept) => ({ kind: 'hang', afterAccept })),
    fc.constant<InjectedFault>({ kind: 'timeout-after-accept' }),
    fc.constant<InjectedFault>({ kind: 'malformed-after-accept' }),
  ];
  if (options.stalls) {
    dangerous.push(
      fc
        .integer({ min: 0, max: 45_000 })
        .map<InjectedFault>((landsAfterMs) => ({ kind: 'stall', afterAccept: true, landsAfterMs })),
    );
  }
  return fc.oneof(
    commandArbitrary(options),
    fc.record({
      t: fc.constant('tick' as const),
      faults: fc.array(fc.oneof(...dangerous), { maxLength: 3 }),
      crash: crashPointArbitrary,
    }),
  );
}

/** Whole histories: everyday ones (up to 40 commands), or long crash-heavy ones (20–120). */
export function historyArbitrary(
  kind: 'everyday' | 'crash-heavy',
  options: ScenarioArbitraryOptions,
): fc.Arbitrary<ScenarioCommand[]> {
  return kind === 'everyday'
    ? fc.array(commandArbitrary(options), { minLength: 1, maxLength: 40, size: 'max' })
    : fc.array(crashHeavyArbitrary(options), { minLength: 20, maxLength: 120, size: 'max' });
}

// ---------------------------------------------------------------------------------------------
// The model: what we know from outside the engine
// ---------------------------------------------------------------------------------------------

/** What the user wrote once: one text, sent through one or more outbox entries over time. */
interface Message {
  readonly text: string;
  readonly account: string;
  /** The post it answers, or null for a new conversation. */
  readonly parentPostId: string | null;
  /** Entry ids, oldest first; the last one is the live one. */
  readonly entries: string[];
  readonly keys: Set<string>;
  /** Taken back before it ever left. */
  undone: boolean;
  /** Edited as a draft and not sent again. */
  gaveUp: boolean;
}

interface Model {
  readonly messages: Message[];
  readonly byEntry: Map<string, Message>;
  readonly byText: Map<string, Message>;
  /** Entries withdrawn by the model's own commands (take back, edit as a draft). */
  readonly withdrawn: Set<string>;
  /** Entries taken back: their key must never reach the server. */
  readonly undoneEntries: Set<string>;
  readonly deletedParents: Set<string>;
  entrySerial: number;
}

export type ViolationKind =
  'duplicate' | 'lost' | 'corrupted' | 'undone-sent' | 'stuck' | 'unexpected';

export interface Violation {
  readonly kind: ViolationKind;
  readonly message: string;
}

function postsByText(world: OutboxWorld): Map<string, CreatedPost[]> {
  world.server.settle();
  const byText = new Map<string, CreatedPost[]>();
  for (const created of world.server.posts) {
    const list = byText.get(created.reply.text) ?? [];
    list.push(created);
    byText.set(created.reply.text, list);
  }
  return byText;
}

/** Checked after every command. */
function invariantViolations(world: OutboxWorld, model: Model): Violation[] {
  const out: Violation[] = [];
  const entries = new Map(world.memory.snapshot().map((e) => [e.id, e]));
  const posts = postsByText(world);

  for (const created of world.server.posts) {
    const message = model.byText.get(created.reply.text);
    if (message === undefined) {
      out.push({ kind: 'corrupted', message: `unknown post “${created.reply.text}”` });
    } else if (!message.keys.has(created.idempotencyKey)) {
      out.push({ kind: 'corrupted', message: `${created.reply.text} posted with a foreign key` });
    }
  }
  const requested = new Set(world.server.requests.map((r) => r.idempotencyKey));

  for (const message of model.messages) {
    const count = posts.get(message.text)?.length ?? 0;
    if (count > 1) {
      out.push({ kind: 'duplicate', message: `${message.text} posted ${count} times` });
    }
    for (const id of message.entries) {
      const entry = entries.get(id);
      if (entry === undefined) {
        out.push({ kind: 'lost', message: `entry ${id} (${message.text}) disappeared` });
        continue;
      }
      if (entry.text !== message.text) {
        out.push({ kind: 'corrupted', message: `${id}: text changed` });
      }
      if (!message.keys.has(entry.idempotencyKey)) {
        out.push({ kind: 'corrupted', message: `${id}: key changed` });
      }
      if (entry.state === 'sent') {
        const sent = posts.get(message.text) ?? [];
        if (sent.length === 0) {
          out.push({ kind: 'lost', message: `${id} is sent but the server has no post` });
        } else if (!sent.some((p) => p.post.id === entry.sentPostId)) {
          out.push({ kind: 'corrupted', message: `${id}: sentPostId is none of its posts` });
        }
      }
      if (entry.state === 'cancelled' && !model.withdrawn.has(id)) {
        out.push({ kind: 'corrupted', message: `${id} cancelled by nobody` });
      }
      if (model.undoneEntries.has(id) && requested.has(entry.idempotencyKey)) {
        out.push({ kind: 'undone-sent', message: `${id} was taken back but a request was made` });
      }
    }
    if (message.undone && count > 0) {
      out.push({ kind: 'undone-sent', message: `${message.text} was taken back but posted` });
    }
  }
  return out;
}

function liveEntry(world: OutboxWorld, message: Message): OutboxEntry | undefined {
  const id = message.entries[message.entries.length - 1];
  return world.memory.snapshot().find((e) => e.id === id);
}

/** After the faults stopped and the user retried what needed attention. */
function finalViolations(world: OutboxWorld, model: Model): Violation[] {
  const out: Violation[] = [];
  const posts = postsByText(world);
  for (const message of model.messages) {
    const entry = liveEntry(world, message);
    const count = posts.get(message.text)?.length ?? 0;
    if (entry === undefined) continue; // reported as lost already
    switch (entry.state) {
      case 'sent':
        // More than one post is reported as a duplicate already.
        if (count === 0) out.push({ kind: 'lost', message: `${message.text}: sent, no post` });
        break;
      case 'needs-attention':
        if (
          message.parentPostId === null ||
          !model.deletedParents.has(message.parentPostId) ||
          count !== 0
        ) {
          out.push({
            kind: 'stuck',
            message: `${message.text} still needs attention: ${entry.lastError ?? ''}`,
          });
        }
        break;
      case 'cancelled':
        if (!message.undone && !message.gaveUp) {
          out.push({ kind: 'lost', message: `${message.text} cancelled without the user` });
        }
        break;
      default:
        out.push({ kind: 'stuck', message: `${message.text} ended ${entry.state}` });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The driver
// ---------------------------------------------------------------------------------------------

export interface ScenarioOptions {
  readonly idempotency: IdempotencyModel;
  /** The check never finds anything (a control: the same histories without the check). */
  readonly blindCheck?: boolean;
  readonly seed: number;
  /** "Edit as a draft" as the app does it: resolves ok when the entry left the outbox unsent. */
  readonly editAsDraft: (engine: OutboxEngine, id: string) => Promise<{ readonly ok: boolean }>;
  readonly engine?: OutboxWorldOptions['engine'];
}

/** What a run went through, to check the generator reaches the interesting paths. */
export interface Coverage {
  /** The server saw the same key again after it had created the post (a crash or lost answer). */
  readonly deduplicated: boolean;
  /** The engine asked the server whether a reply existed, and it did. */
  readonly foundByCheck: boolean;
  readonly restarted: boolean;
  /** A process died between the server accepting a reply and the reply being marked sent. */
  readonly crashedAfterAccept: boolean;
  readonly undone: boolean;
  readonly edited: boolean;
  readonly needsAttentionAtEnd: boolean;
  readonly delivered: number;
  /** The engine's check found a new conversation (a post that answers nothing) already posted. */
  readonly newConversationFoundByCheck: boolean;
}

export interface ScenarioResult {
  readonly violations: readonly Violation[];
  readonly coverage: Coverage;
}

const FAULTS_STOP_ROUNDS = 8;

async function ensureAlive(world: OutboxWorld): Promise<void> {
  while (!world.process.alive) {
    const next = world.restart();
    await world.run(() => next.engine.recover());
  }
}

async function runToQuiet(world: OutboxWorld, out: Violation[]): Promise<void> {
  for (let round = 0; round < FAULTS_STOP_ROUNDS; round++) {
    await ensureAlive(world);
    // Beyond the backoff cap, any Retry-After used here, and every grace delay.
    world.clock.advance(7 * HOUR);
    const result = await world.run((p) => p.engine.tick());
    if (result === 'crashed') out.push({ kind: 'unexpected', message: 'crashed with no faults' });
    if (!world.entries().some((e) => e.state === 'waiting' || e.state === 'sending')) return;
  }
}

async function execute(
  world: OutboxWorld,
  model: Model,
  command: ScenarioCommand,
  options: ScenarioOptions,
  out: Violation[],
): Promise<void> {
  await ensureAlive(world);
  const proc = world.process;
  switch (command.t) {
    case 'queue': {
      const account = ACCOUNTS[command.account] ?? 'a';
      const message: Message = {
        text: `reply #${model.messages.length}`,
        account,
        parentPostId:
          command.parent === NEW_CONVERSATION ? null : `${account}|parent-${command.parent}`,
        entries: [],
        keys: new Set(),
        undone: false,
        gaveUp: false,
      };
      model.messages.push(message);
      model.byText.set(message.text, message);
      await queueEntry(world, model, message, world.clock.now() + command.delay);
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
    case 'edit': {
      // Aim mostly at entries where the action makes sense, sometimes at any (to see refusals).
      const wanted = command.t === 'cancel' ? 'waiting' : 'needs-attention';
      const live = model.messages.flatMap((m) => {
        const id = m.entries[m.entries.length - 1];
        return id === undefined ? [] : [{ message: m, id }];
      });
      const inState = new Set(
        world
          .entries()
          .filter((e) => e.state === wanted)
          .map((e) => e.id),
      );
      const aimed = live.filter((l) => inState.has(l.id));
      const pool = aimed.length > 0 && command.pick % 4 !== 0 ? aimed : live;
      const picked = pool[command.pick % Math.max(1, pool.length)];
      if (!picked) return;
      const before = world.entries().find((e) => e.id === picked.id);
      if (command.t === 'cancel') {
        const result = await world.run((p) => p.engine.cancel(picked.id));
        if (result === 'crashed' || !result.ok) return;
        if (before?.state !== 'waiting' || before.attempts !== 0) {
          out.push({
            kind: 'undone-sent',
            message: `${picked.id} was taken back after an attempt (${before?.state ?? 'gone'})`,
          });
        }
        model.withdrawn.add(picked.id);
        model.undoneEntries.add(picked.id);
        picked.message.undone = true;
        return;
      }
      if (command.t === 'retry') {
        await world.run((p) => p.engine.retry(picked.id));
        return;
      }
      const resend = command.t === 'edit' && command.resend;
      const result = await world.run((p) => options.editAsDraft(p.engine, picked.id));
      if (result === 'crashed' || !result.ok) return;
      model.withdrawn.add(picked.id);
      if (resend) await queueEntry(world, model, picked.message, world.clock.now());
      else picked.message.gaveUp = true;
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

async function queueEntry(
  world: OutboxWorld,
  model: Model,
  message: Message,
  sendAfter: number,
): Promise<void> {
  const n = model.entrySerial++;
  const id = `out-${n}`;
  const key = `idem-${n}-${'x'.repeat(16)}`;
  const reply = message.parentPostId !== null;
  const input: QueueReplyInput = {
    accountId: message.account,
    threadId: reply ? `${message.account}|thread-${message.parentPostId}` : null,
    inReplyToPostId: message.parentPostId,
    addressee: reply
      ? null
      : { personId: `${message.account}|friend`, networkId: 'friend', handle: 'friend@example' },
    text: message.text,
    visibility: 'public',
    contentWarning: null,
    language: null,
  };
  const result = await world.run((p) =>
    p.engine.queue(input, { newId: () => id, newKey: () => key, sendAfter }),
  );
  if (result === 'crashed') {
    // Queued or not, the user saw no confirmation; a queue write is one store operation.
    const stored = world.entries().some((e) => e.id === id);
    if (!stored) return;
  } else if (!result.ok) {
    throw new Error(`queue refused: ${result.error.message}`);
  }
  message.entries.push(id);
  message.keys.add(key);
  message.undone = false;
  message.gaveUp = false;
  model.byEntry.set(id, message);
}

export async function runScenario(
  commands: readonly ScenarioCommand[],
  options: ScenarioOptions,
): Promise<ScenarioResult> {
  const world = createOutboxWorld({
    accounts: ACCOUNTS,
    random: seededRandom(options.seed),
    idempotency: options.idempotency,
    blindCheck: options.blindCheck ?? false,
    ...(options.engine === undefined ? {} : { engine: options.engine }),
  });
  const model: Model = {
    messages: [],
    byEntry: new Map(),
    byText: new Map(),
    withdrawn: new Set(),
    undoneEntries: new Set(),
    deletedParents: new Set(),
    entrySerial: 0,
  };
  const violations: Violation[] = [];
  const seen = new Set<string>();
  const note = (found: readonly Violation[]): void => {
    for (const v of found) {
      const key = `${v.kind}:${v.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        violations.push(v);
      }
    }
  };
  await world.process.engine.recover();

  let crashedAfterAccept = false;
  for (const command of commands) {
    const wasAlive = world.process.alive;
    const during: Violation[] = [];
    await execute(world, model, command, options, during);
    note(during);
    note(invariantViolations(world, model));
    if (wasAlive && !world.process.alive) {
      crashedAfterAccept ||= world
        .entries()
        .some(
          (e) =>
            e.state === 'sending' &&
            world.server.posts.some((p) => p.idempotencyKey === e.idempotencyKey),
        );
    }
  }

  // The faults stop; time passes; the user retries everything that needs attention.
  world.setAllFaults(NO_FAULTS);
  const tail: Violation[] = [];
  await runToQuiet(world, tail);
  await ensureAlive(world);
  for (const entry of world.entries()) {
    if (entry.state === 'needs-attention') await world.process.engine.retry(entry.id);
  }
  await runToQuiet(world, tail);
  note(tail);
  note(invariantViolations(world, model));
  note(finalViolations(world, model));

  return {
    violations,
    coverage: {
      deduplicated: world.server.requests.some((r) => r.serverOutcome === 'duplicate'),
      foundByCheck: world.server.requests.some((r) => r.serverOutcome === 'found'),
      restarted: world.restarts > 0,
      crashedAfterAccept,
      undone: model.messages.some((m) => m.undone),
      edited: model.withdrawn.size > model.undoneEntries.size,
      needsAttentionAtEnd: world.entries().some((e) => e.state === 'needs-attention'),
      delivered: world.server.posts.length,
      newConversationFoundByCheck: world.server.requests.some(
        (r) => r.serverOutcome === 'found' && r.reply.inReplyToPostId === null,
      ),
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Counting, for the soak
// ---------------------------------------------------------------------------------------------

export interface ScenarioFigures {
  readonly runs: number;
  /** Runs in which some message was posted twice or more. */
  readonly runsWithDuplicates: number;
  /** Runs in which some reply was lost (an entry vanished, or ended unsent without the user). */
  readonly runsWithLoss: number;
  /** Runs with any other violation. */
  readonly runsWithOther: number;
  readonly firstViolations: readonly Violation[];
  readonly coverage: Readonly<CoverageCounts>;
}

export async function measureScenarios(
  runs: number,
  seed: number,
  options: Omit<ScenarioOptions, 'seed'>,
  histories: fc.Arbitrary<ScenarioCommand[]>,
): Promise<ScenarioFigures> {
  const samples = fc.sample(fc.tuple(histories, fc.integer()), { numRuns: runs, seed });
  let runsWithDuplicates = 0;
  let runsWithLoss = 0;
  let runsWithOther = 0;
  let firstViolations: readonly Violation[] = [];
  const coverage = emptyCoverage();
  for (const [commands, runSeed] of samples) {
    const result = await runScenario(commands, { ...options, seed: runSeed });
    const kinds = new Set(result.violations.map((v) => v.kind));
    if (kinds.has('duplicate')) runsWithDuplicates++;
    if (kinds.has('lost')) runsWithLoss++;
    if ([...kinds].some((k) => k !== 'duplicate' && k !== 'lost')) runsWithOther++;
    if (firstViolations.length === 0 && result.violations.length > 0) {
      firstViolations = result.violations.slice(0, 5);
    }
    addCoverage(coverage, result.coverage);
  }
  return { runs, runsWithDuplicates, runsWithLoss, runsWithOther, firstViolations, coverage };
}

/** How many runs went through each path. */
export type CoverageCounts = Record<keyof Coverage, number>;

export function emptyCoverage(): CoverageCounts {
  return {
    deduplicated: 0,
    foundByCheck: 0,
    restarted: 0,
    crashedAfterAccept: 0,
    undone: 0,
    edited: 0,
    needsAttentionAtEnd: 0,
    delivered: 0,
    newConversationFoundByCheck: 0,
  };
}

export function addCoverage(counts: CoverageCounts, run: Coverage): void {
  for (const key of Object.keys(counts) as (keyof Coverage)[]) counts[key] += Number(run[key]);
}
