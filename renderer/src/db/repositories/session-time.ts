import type { SessionTime } from '@shared/domain';
import type { SlowpostDb } from '../database';

/**
 * Adds the time from `from` to `to` to a session's time on screen (the record is made at the
 * session's first step). Called in small steps while the session is on screen, so a reload or a
 * crash loses at most one step.
 */
export async function addSessionTime(
  db: SlowpostDb,
  sessionId: string,
  from: number,
  to: number,
): Promise<void> {
  if (!(to > from)) return;
  await db.transaction('rw', db.sessionTime, async () => {
    const existing = await db.sessionTime.get(sessionId);
    const record: SessionTime =
      existing === undefined
        ? { id: sessionId, startedAt: from, lastAt: to, activeMs: to - from }
        : {
            ...existing,
            lastAt: Math.max(existing.lastAt, to),
            activeMs: existing.activeMs + Math.round(to - from),
          };
    await db.sessionTime.put({ ...record, activeMs: Math.round(record.activeMs) });
  });
}

/** The sessions that started in [from, to): one index range. */
export async function sessionsStartedBetween(
  db: SlowpostDb,
  from: number,
  to: number,
): Promise<SessionTime[]> {
  return db.sessionTime.where('startedAt').between(from, to, true, false).toArray();
}
