import type { Post } from '@shared/domain';
import type {
  ActivityBatch,
  ConnectorProblem,
  IncomingActivity,
  IncomingPerson,
} from '@shared/connectors/connector';
import type { SlowpostDb } from '../database';
import { ingestBatch, NoSuchAccountError } from './ingest';

/** What storing one page from a sync did. */
export interface IngestedPage {
  /** Activity stored for the first time (waiting for a delivery). */
  readonly newActivity: number;
  /** Every item skipped from the page, as recorded in the sync log. */
  readonly skipped: readonly ConnectorProblem[];
}

/** The store could not take a page at all: the database itself failed. The cursor stayed. */
export class PageNotStoredError extends Error {
  constructor(cause: unknown) {
    super(`This computer's store could not save what arrived (${describeError(cause)}).`, {
      cause,
    });
    this.name = 'PageNotStoredError';
  }
}

/** Errors IndexedDB gives for one record it will not take. */
const RECORD_REFUSALS = new Set(['ConstraintError', 'DataError', 'DataCloneError']);
/** Errors that say the database itself is failing: splitting the page would not help. */
const DATABASE_FAILURES = new Set([
  'QuotaExceededError',
  'DatabaseClosedError',
  'InvalidStateError',
  'OpenFailedError',
  'VersionChangeError',
  'MissingAPIError',
  'NoSuchDatabaseError',
]);

/**
 * Stores a page from a sync so that a record the store refuses never holds the page back. The
 * page goes in as one transaction (`ingestBatch`: the usual case, the fast one). If the store
 * refuses it, the items go in halves, and halves of halves, without moving the cursor; an item
 * that fails on its own is skipped. Then one last transaction records what was skipped and moves
 * the cursor on.
 *
 * Skipping is only for items the store refuses while it takes others: when not one part could be
 * stored and the errors are not ones IndexedDB gives for a single record, or when an error says
 * the database itself is failing (disk full, closed), it is the database, not the items: the page
 * is not stored and the cursor stays, so the next sync tries it again (`PageNotStoredError`).
 * Parts already stored stay stored; storing them again is harmless.
 */
export async function ingestPage(
  db: SlowpostDb,
  accountId: string,
  batch: ActivityBatch,
  now: number,
): Promise<IngestedPage> {
  try {
    const stored = await ingestBatch(db, accountId, batch, now);
    return { newActivity: stored.newActivity, skipped: batch.problems };
  } catch (error) {
    const items = itemsOf(batch);
    if (!worthSplitting(error)) throw wrapped(error);
    if (items.length === 0) throw new PageNotStoredError(error);
    const parts: PartsOutcome = { storedParts: 0, newActivity: 0, refused: [] };
    await storeInHalves(db, accountId, items, now, parts);
    const storeWorks = parts.storedParts > 0;
    const unexplained = parts.refused.find((r) => !storeWorks && !isRecordRefusal(r.error));
    if (unexplained !== undefined) throw new PageNotStoredError(unexplained.error);
    const skipped = [
      ...batch.problems,
      ...parts.refused.map(({ item, error }) => ({
        itemId: item.value.id,
        message: `This computer's store refused it (${describeError(error)}).`,
      })),
    ];
    // The cursor moves on only now, in one transaction with the record of what was skipped.
    await ingestBatch(
      db,
      accountId,
      { ...emptyPart(), ...cursorOf(batch), problems: skipped },
      now,
    ).catch((failure: unknown) => {
      throw wrapped(failure);
    });
    return { newActivity: parts.newActivity, skipped };
  }
}

type Item =
  | { readonly kind: 'person'; readonly value: IncomingPerson }
  | { readonly kind: 'post'; readonly value: Post }
  | { readonly kind: 'activity'; readonly value: IncomingActivity };

interface PartsOutcome {
  storedParts: number;
  newActivity: number;
  readonly refused: { readonly item: Item; readonly error: unknown }[];
}

/** People first, then posts, then activity: each part stores what the next ones refer to. */
function itemsOf(batch: ActivityBatch): Item[] {
  return [
    ...batch.people.map((value) => ({ kind: 'person' as const, value })),
    ...batch.posts.map((value) => ({ kind: 'post' as const, value })),
    ...batch.activity.map((value) => ({ kind: 'activity' as const, value })),
  ];
}

async function storeInHalves(
  db: SlowpostDb,
  accountId: string,
  items: readonly Item[],
  now: number,
  outcome: PartsOutcome,
): Promise<void> {
  try {
    const stored = await ingestBatch(db, accountId, partOf(items), now);
    outcome.storedParts += 1;
    outcome.newActivity += stored.newActivity;
  } catch (error) {
    if (!worthSplitting(error)) throw wrapped(error);
    const [only] = items;
    if (items.length === 1 && only !== undefined) {
      outcome.refused.push({ item: only, error });
      return;
    }
    const middle = Math.ceil(items.length / 2);
    await storeInHalves(db, accountId, items.slice(0, middle), now, outcome);
    await storeInHalves(db, accountId, items.slice(middle), now, outcome);
  }
}

function emptyPart(): ActivityBatch {
  return { people: [], posts: [], activity: [], nextCursor: null, hasMore: false, problems: [] };
}

function cursorOf(batch: ActivityBatch): Pick<ActivityBatch, 'nextCursor' | 'hasMore'> {
  return { nextCursor: batch.nextCursor, hasMore: batch.hasMore };
}

/** A part of the page: its items only; a null cursor leaves the stored cursor as it is. */
function partOf(items: readonly Item[]): ActivityBatch {
  const part = {
    people: [] as IncomingPerson[],
    posts: [] as Post[],
    activity: [] as IncomingActivity[],
  };
  for (const item of items) {
    if (item.kind === 'person') part.people.push(item.value);
    else if (item.kind === 'post') part.posts.push(item.value);
    else part.activity.push(item.value);
  }
  return { ...emptyPart(), ...part };
}

/** The names an error carries: its own, Dexie's inner error's, and a bulk write's failures'. */
function errorNames(error: unknown): string[] {
  if (typeof error !== 'object' || error === null) return [];
  const { name, inner, failures } = error as {
    name?: unknown;
    inner?: unknown;
    failures?: unknown;
  };
  const names = typeof name === 'string' ? [name] : [];
  if (inner !== undefined) names.push(...errorNames(inner));
  if (typeof failures === 'object' && failures !== null) {
    for (const failure of Object.values(failures)) names.push(...errorNames(failure));
  }
  return names;
}

function worthSplitting(error: unknown): boolean {
  if (error instanceof NoSuchAccountError) return false;
  return !errorNames(error).some((name) => DATABASE_FAILURES.has(name));
}

function isRecordRefusal(error: unknown): boolean {
  return errorNames(error).some((name) => RECORD_REFUSALS.has(name));
}

function wrapped(error: unknown): unknown {
  return error instanceof NoSuchAccountError ? error : new PageNotStoredError(error);
}

function describeError(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
