import type { Draft, OutboxEntry, Person, Post, Thread } from '@shared/domain';
import { DraftSchema, LanguageSchema, OutboxEntrySchema, VisibilitySchema } from '@shared/domain';
import { parseUnknown } from '@shared/validation/parse-unknown';
import { readableEntry } from './dexie-outbox-store';
import { isScreenedOut } from '@shared/session/screened-out';
import type { SlowpostDb } from '../database';
import { isReleased, releasedUpTo } from './released';

/** A conversation waiting for a considered answer: saved for later, or with a draft begun. */
export interface WaitingReply {
  readonly thread: Thread;
  /** The post the answer goes to (the draft's, or the thread's latest). */
  readonly answering: Post;
  readonly author: Person | undefined;
  readonly draft: Draft | undefined;
}

/** A reply in the outbox, with whom it answers. */
export interface OutboxItem {
  readonly kind: 'entry';
  readonly entry: OutboxEntry;
  readonly recipient: Person | undefined;
}

/**
 * An outbox row that does not parse (damaged, or written by a newer release). It is never sent;
 * the user sees it as needing attention, with whatever text it holds.
 */
export interface UnreadableOutboxItem {
  readonly kind: 'unreadable';
  readonly id: string;
  /** The reply's text, if the row still holds one. */
  readonly text: string | null;
  /** What is wrong with it, field by field. */
  readonly problem: string;
  readonly recipient: Person | undefined;
  /** Whether the text can come back as a draft (the row still says which post it answers). */
  readonly canRestore: boolean;
}

/** Sent replies stay listed this long, so the user can see they went. */
export const SENT_SHOWN_FOR_MS = 24 * 60 * 60 * 1000;

/**
 * Every conversation waiting for a considered reply: those triaged "reply later" and those with a
 * draft, most recently touched first. A thread with a draft is listed once, with its draft.
 */
export async function waitingReplies(db: SlowpostDb): Promise<WaitingReply[]> {
  return db.transaction(
    'r',
    [db.threads, db.drafts, db.posts, db.people, db.deliveries],
    async () => {
      const [later, drafts, upTo] = await Promise.all([
        db.threads.where('triage').equals('later').toArray(),
        db.drafts.toArray(),
        releasedUpTo(db),
      ]);
      const draftByThread = new Map<string, Draft>();
      for (const draft of drafts) {
        const known = draftByThread.get(draft.threadId);
        if (known === undefined || known.updatedAt < draft.updatedAt)
          draftByThread.set(draft.threadId, draft);
      }
      const threadIds = [...new Set([...later.map((t) => t.id), ...draftByThread.keys()])];
      const threads = await db.threads.bulkGet(threadIds);
      const result: WaitingReply[] = [];
      for (const thread of threads) {
        if (thread === undefined) continue;
        const draft = draftByThread.get(thread.id);
        const answering =
          draft === undefined
            ? await answerableIn(db, thread.id, upTo)
            : await db.posts.get(draft.id);
        if (answering === undefined) continue;
        result.push({ thread, answering, author: await db.people.get(answering.authorId), draft });
      }
      const at = (w: WaitingReply): number =>
        Math.max(w.draft?.updatedAt ?? 0, w.thread.triagedAt ?? 0);
      return result.sort((a, b) => at(b) - at(a));
    },
  );
}

/**
 * The post a considered reply to a thread answers: its latest delivered post by someone else who
 * is not screened out (kept out, or a suspicious post from someone not let in).
 */
async function answerableIn(
  db: SlowpostDb,
  threadId: string,
  upTo: number,
): Promise<Post | undefined> {
  const posts = (await db.posts.where('threadId').equals(threadId).toArray())
    .filter((p) => !p.isOwn && isReleased(p, upTo))
    .sort((a, b) => b.createdAt - a.createdAt);
  const authors = await db.people.bulkGet([...new Set(posts.map((p) => p.authorId))]);
  const screening = new Map(authors.flatMap((a) => (a === undefined ? [] : [[a.id, a.screening]])));
  return posts.find((post) => !isScreenedOut(post, screening.get(post.authorId) ?? 'unknown'));
}

/**
 * The outbox as the user sees it: rows that cannot be read first (they need attention), then
 * everything waiting, sending or needing attention, and what was sent in the last day; newest
 * first. Cancelled entries (undone, or moved back to drafts) are not shown. Every row is parsed:
 * a damaged one is listed, never acted on as if it were whole.
 */
export async function outboxItems(
  db: SlowpostDb,
  now: number,
): Promise<(OutboxItem | UnreadableOutboxItem)[]> {
  return db.transaction('r', [db.outbox, db.posts, db.people], async () => {
    // Every row: a damaged one may have no state the index could find it by.
    const rows: unknown[] = await db.outbox.toArray();
    const entries: OutboxEntry[] = [];
    const damaged: { id: string; row: Record<string, unknown>; problem: string }[] = [];
    for (const row of rows) {
      const parsed = parseUnknown(OutboxEntrySchema, row, 'outbox entry');
      if (parsed.ok) {
        const e = parsed.value;
        if (e.state === 'cancelled') continue;
        if (e.state === 'sent' && e.createdAt < now - SENT_SHOWN_FOR_MS) continue;
        entries.push(e);
      } else {
        const record = isRecord(row) ? row : {};
        damaged.push({
          id: stringField(record, 'id') ?? '(no id)',
          row: record,
          problem: parsed.error,
        });
      }
    }
    entries.sort((a, b) => b.createdAt - a.createdAt);
    const answered = await db.posts.bulkGet([
      ...entries.map((e) => e.inReplyToPostId ?? ''),
      ...damaged.map((d) => stringField(d.row, 'inReplyToPostId') ?? ''),
    ]);
    // A new conversation is to its addressee; a reply, to the author of the post it answers.
    const people = await db.people.bulkGet(
      answered.map((p, index) => entries[index]?.addressee?.personId ?? p?.authorId ?? ''),
    );
    const unreadable = damaged.map((d, index): UnreadableOutboxItem => {
      const text = stringField(d.row, 'text');
      return {
        kind: 'unreadable',
        id: d.id,
        text,
        problem: d.problem,
        recipient: people[entries.length + index],
        canRestore: salvageOf(d.row) !== null,
      };
    });
    return [
      ...unreadable,
      ...entries.map((entry, index): OutboxItem => ({
        kind: 'entry',
        entry,
        recipient: people[index],
      })),
    ];
  });
}

/**
 * Gives the text of an outbox row that cannot be read back as the draft of the post it answers,
 * and removes the row, in one transaction. Refused when the row no longer says which post it
 * answers or holds no text.
 */
export async function restoreUnreadableRow(
  db: SlowpostDb,
  id: string,
  now: number,
): Promise<Draft> {
  return db.transaction('rw', [db.outbox, db.drafts], async () => {
    const row: unknown = await db.outbox.get(id);
    const salvage = isRecord(row) ? salvageOf(row) : null;
    if (salvage === null) {
      throw new Error(
        'This reply’s record is too damaged to become a draft again; copy its text instead.',
      );
    }
    const newer = await db.drafts.get(salvage.id);
    const draft: Draft = {
      ...salvage,
      text:
        newer === undefined || newer.text.trim() === ''
          ? salvage.text
          : `${salvage.text}\n\n${newer.text}`,
      updatedAt: now,
    };
    await db.drafts.put(draft);
    await db.outbox.delete(id);
    return draft;
  });
}

/** Removes an outbox row that cannot be read (the user copied what they wanted from it). */
export async function removeUnreadableRow(db: SlowpostDb, id: string): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const row: unknown = await db.outbox.get(id);
    if (row !== undefined && readableEntry(row) !== undefined) {
      throw new Error('This reply can be read: take it back or edit it from the outbox instead.');
    }
    await db.outbox.delete(id);
  });
}

/** The draft a damaged row still describes, or null when too much is missing. */
function salvageOf(row: Record<string, unknown>): Draft | null {
  const draft = DraftSchema.safeParse({
    id: row['inReplyToPostId'],
    accountId: row['accountId'],
    threadId: row['threadId'],
    text: row['text'],
    visibility: VisibilitySchema.safeParse(row['visibility']).data ?? 'public',
    contentWarning: typeof row['contentWarning'] === 'string' ? row['contentWarning'] : null,
    language: LanguageSchema.safeParse(row['language']).data ?? null,
    updatedAt: 0,
  });
  return draft.success && draft.data.text.trim() !== '' ? draft.data : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

function stringField(row: Record<string, unknown>, key: string): string | null {
  const value = row[key];
  return typeof value === 'string' ? value : null;
}
