/**
 * The session's triage actions on the store (a conversation's triage, a person's screening), each
 * returning what it changed so that undo can put it back exactly.
 */
import type { Screening, Thread, TriageState } from '@shared/domain';
import type { SlowpostDb } from '../database';

/** What a triage action changed, so it can be undone exactly. */
export type TriageChange =
  | {
      readonly type: 'thread';
      readonly threadId: string;
      readonly before: Pick<Thread, 'triage' | 'triagedAt'>;
    }
  | { readonly type: 'person'; readonly personId: string; readonly before: Screening };

export async function setThreadTriage(
  db: SlowpostDb,
  threadId: string,
  triage: TriageState,
  now: number,
): Promise<TriageChange | null> {
  return db.transaction('rw', db.threads, async () => {
    const thread = await db.threads.get(threadId);
    if (thread === undefined) return null;
    await db.threads.update(threadId, { triage, triagedAt: triage === 'open' ? null : now });
    return {
      type: 'thread',
      threadId,
      before: { triage: thread.triage, triagedAt: thread.triagedAt },
    };
  });
}

export async function setScreening(
  db: SlowpostDb,
  personId: string,
  screening: Screening,
): Promise<TriageChange | null> {
  return db.transaction('rw', db.people, async () => {
    const person = await db.people.get(personId);
    if (person === undefined) return null;
    await db.people.update(personId, { screening });
    return { type: 'person', personId, before: person.screening };
  });
}

export async function undoChange(db: SlowpostDb, change: TriageChange): Promise<void> {
  if (change.type === 'thread') await db.threads.update(change.threadId, change.before);
  else await db.people.update(change.personId, { screening: change.before });
}
