/**
 * Learning a conversation from the server (`GET /api/v1/statuses/:id/context`): its root, for the
 * thread rule (shared/mastodon/thread-roots.ts), and its posts, so a conversation arrives whole.
 */
import { ConnectorError, isTransient, type CallOptions } from '@shared/connectors/connector';
import { readableId, type RecordsBuilder } from '@shared/mastodon/map-notifications';
import {
  MastodonContextSchema,
  MastodonStatusSchema,
  type MastodonStatus,
} from '@shared/mastodon/payloads';
import type { ThreadRoots } from '@shared/mastodon/thread-roots';
import { parseUnknown } from '@shared/validation/parse-unknown';
import { parseAnswer, read, type ServerAccess } from './masto-client';

export interface LearnedContext {
  /** Every status of the conversation that could be read, the asked-for one included. */
  readonly statuses: readonly MastodonStatus[];
  /** Statuses of the conversation that could not be read, with the reason. */
  readonly unreadable: readonly { readonly id: string | null; readonly reason: string }[];
}

/**
 * Asks the server for the conversation around `status` and teaches `roots` its root. A server
 * that refuses (the status is gone) or answers nonsense leaves the status the root of its own
 * thread; a transient failure (offline, timeout, 5xx, 429, sign-in) is thrown, so the page is
 * tried again at the next sync.
 */
export async function learnConversation(
  access: ServerAccess,
  status: MastodonStatus,
  roots: ThreadRoots,
  options?: CallOptions,
): Promise<LearnedContext> {
  let raw: unknown;
  try {
    raw = await read(access, options, (client) =>
      client.v1.statuses.$select(status.id).context.fetch(),
    );
    const context = parseAnswer(MastodonContextSchema, raw, 'conversation');
    const unreadable: { id: string | null; reason: string }[] = [];
    const readEach = (items: readonly unknown[]): MastodonStatus[] =>
      items.flatMap((item) => {
        const parsed = parseUnknown(MastodonStatusSchema, item, 'post');
        if (parsed.ok) return [parsed.value];
        unreadable.push({ id: readableId(item), reason: parsed.error });
        return [];
      });
    const ancestors = readEach(context.ancestors);
    const descendants = readEach(context.descendants);
    const ancestorIds = context.ancestors.flatMap((item) => readableId(item) ?? []);
    roots.learnContext(status, ancestorIds, [...ancestors, ...descendants]);
    return { statuses: [...ancestors, status, ...descendants], unreadable };
  } catch (error) {
    if (!(error instanceof ConnectorError)) throw error;
    if (isTransient(error.failure) || error.failure.kind === 'auth') throw error;
    roots.settleAlone(status);
    return { statuses: [status], unreadable: [] };
  }
}

/** Adds a learned conversation to a page: its posts and authors, and what could not be read. */
export function addConversation(builder: RecordsBuilder, learned: LearnedContext): void {
  for (const status of learned.statuses) builder.addStatus(status);
  for (const { id, reason } of learned.unreadable) {
    builder.addProblem(id, `A post of the conversation could not be read. ${reason}`);
  }
}
