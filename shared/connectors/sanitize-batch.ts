import type { z } from 'zod';
import { localId } from '../domain/common';
import type { Post } from '../domain';
import { parseUnknown } from '../validation/parse-unknown';
import {
  ConnectorError,
  type ActivityBatch,
  type ConnectorProblem,
  type IncomingActivity,
  type IncomingPerson,
} from './connector';
import {
  IncomingActivitySchema,
  IncomingPageSchema,
  IncomingPersonSchema,
  IncomingPostSchema,
} from './incoming-schemas';

export interface SanitizedBatch {
  /** The page as it may be stored: every item parsed, one record per id; `problems` as below. */
  readonly batch: ActivityBatch;
  /** Everything skipped from the page, with its reason: the connector's own problems first. */
  readonly problems: readonly ConnectorProblem[];
}

/**
 * The sync boundary: every item of a page from a connector is parsed with the domain schemas
 * before anything is stored.
 * - A malformed item is skipped, with a reason that names each wrong field.
 * - Activity whose post or actor was skipped is skipped too, with that reason.
 * - Duplicates within the page are merged, the last one winning (as writing them in order
 *   would); a malformed duplicate is skipped and the good one kept.
 * - Language tags are normalised to BCP 47; one that cannot be a tag becomes null.
 * Only a page whose shape or cursor cannot be read is refused as a whole (a `malformed` failure):
 * without a cursor the sync could not move past it anyway.
 */
export function sanitizeBatch(page: unknown): SanitizedBatch {
  const envelope = parseUnknown(IncomingPageSchema, page, 'page of activity');
  if (!envelope.ok) throw new ConnectorError({ kind: 'malformed', message: envelope.error });
  const raw = envelope.value;
  const problems: ConnectorProblem[] = [...raw.problems];
  const skipped = new Map<string, string>();

  const people = lastPerId(
    parseEach(raw.people, IncomingPersonSchema, 'person', problems, skipped),
  );
  const posts = lastPerId(parseEach(raw.posts, IncomingPostSchema, 'post', problems, skipped));
  const kept = new Set<string>([...people.map((p) => p.id), ...posts.map((p) => p.id)]);
  const lost = (id: string | null): string | undefined =>
    id === null || kept.has(id) ? undefined : skipped.get(id);

  const activity: IncomingActivity[] = [];
  for (const item of parseEach(raw.activity, IncomingActivitySchema, 'activity item', problems)) {
    const post = lost(item.postId);
    const actor = lost(item.actorId);
    if (post !== undefined) {
      problems.push({ itemId: item.id, message: `Its post ${item.postId} was skipped. ${post}` });
    } else if (actor !== undefined) {
      problems.push({
        itemId: item.id,
        message: `Its author ${item.actorId} was skipped. ${actor}`,
      });
    } else {
      activity.push(item);
    }
  }

  const batch: ActivityBatch = {
    people,
    posts,
    activity: lastPerId(activity),
    nextCursor: raw.nextCursor,
    hasMore: raw.hasMore,
    problems,
  };
  return { batch, problems };
}

/** Each item that parses, in order; each that does not becomes a problem (and, by id, skipped). */
function parseEach<S extends z.ZodType<IncomingPerson | Post | IncomingActivity>>(
  items: readonly unknown[],
  schema: S,
  what: string,
  problems: ConnectorProblem[],
  skipped?: Map<string, string>,
): z.output<S>[] {
  const good: z.output<S>[] = [];
  for (const item of items) {
    const parsed = parseUnknown(schema, item, what);
    if (parsed.ok) {
      good.push(parsed.value);
      continue;
    }
    const itemId = readableId(item);
    problems.push({ itemId, message: parsed.error });
    if (itemId !== null) skipped?.set(itemId, parsed.error);
  }
  return good;
}

/**
 * The item's local id when it can be read: its `id`, or else the one its account and network ids
 * make (`${accountId}|${networkId}`, as every local id is made), so that activity pointing at a
 * post without an id is still known to have lost its post.
 */
export function readableId(item: unknown): string | null {
  if (typeof item !== 'object' || item === null) return null;
  const { id, accountId, networkId } = item as Record<string, unknown>;
  if (typeof id === 'string' && id !== '') return id;
  if (typeof accountId === 'string' && typeof networkId === 'string' && networkId !== '') {
    return localId(accountId, networkId);
  }
  return null;
}

/** One record per id, the last one winning, in the order ids first appeared. */
function lastPerId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...new Map(records.map((r) => [r.id, r])).values()];
}
