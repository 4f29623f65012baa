import { z } from 'zod';
import { TriageStateSchema } from '@shared/domain';
import type { SlowpostDb } from '../db/database';
import { parseJsonText } from '@shared/validation/parse-unknown';

/**
 * Triage shows at once and is stored just after the frame that shows it (see SessionView). A page
 * that goes away inside that frame (a reload, the window closed at once) would lose it: so the
 * triage not yet stored is kept in `localStorage` as the page goes, synchronously, and the next
 * open stores it before anything else. Nothing is written while the user triages: the cost is one
 * map entry per key, and one small string only when the page leaves with something pending.
 */
export const TRIAGE_WRITE_AHEAD_KEY = 'slowpost.triage-not-yet-stored';

const TriageValuesSchema = z.object({
  triage: TriageStateSchema,
  triagedAt: z.number().int().nonnegative().nullable(),
});
export type TriageValues = z.infer<typeof TriageValuesSchema>;

const KeptTriageSchema = z.array(z.object({ threadId: z.string().min(1) }).and(TriageValuesSchema));

type Backing = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

export interface TriageWriteAhead {
  /** The thread is to be stored with these values (the newest call for a thread wins). */
  pending(threadId: string, values: TriageValues): void;
  /** Those values are stored: forgotten, unless newer ones came for the thread meanwhile. */
  stored(threadId: string, values: TriageValues): void;
  /** The page is going: keeps what is pending (nothing when nothing is). */
  keep(): void;
  /** The page came back from the back/forward cache: its own writes finish, nothing to keep. */
  forget(): void;
}

export function createTriageWriteAhead(
  backing: () => Backing,
  report: (message: string) => void = (message) => console.error(message),
): TriageWriteAhead {
  const pending = new Map<string, TriageValues>();
  return {
    pending(threadId, values) {
      pending.set(threadId, values);
    },
    stored(threadId, values) {
      if (pending.get(threadId) === values) pending.delete(threadId);
    },
    keep() {
      if (pending.size === 0) return;
      const kept = [...pending].map(([threadId, values]) => ({ threadId, ...values }));
      try {
        backing().setItem(TRIAGE_WRITE_AHEAD_KEY, JSON.stringify(kept));
      } catch (error) {
        report(`Triage not yet stored could not be kept as the page closed: ${String(error)}`);
      }
    },
    forget() {
      try {
        backing().removeItem(TRIAGE_WRITE_AHEAD_KEY);
      } catch {
        // Nothing was kept where storage refuses.
      }
    },
  };
}

/**
 * Stores the triage an earlier page kept as it went (see above), then forgets it. A conversation no
 * longer stored is passed over; a kept value that cannot be read is reported and dropped (it was
 * only ever a triage, never something the user wrote). Returns how many conversations it stored.
 */
export async function storeKeptTriage(
  db: SlowpostDb,
  backing: Backing,
  report: (message: string) => void = (message) => console.error(message),
): Promise<number> {
  const raw = backing.getItem(TRIAGE_WRITE_AHEAD_KEY);
  if (raw === null) return 0;
  const kept = parseJsonText(KeptTriageSchema, raw, 'kept triage');
  if (!kept.ok) {
    report(`Triage kept by the last page could not be read, and is dropped: ${kept.error}`);
    backing.removeItem(TRIAGE_WRITE_AHEAD_KEY);
    return 0;
  }
  const parsed = kept.value;
  let applied = 0;
  await db.transaction('rw', db.threads, async () => {
    for (const { threadId, triage, triagedAt } of parsed) {
      applied += await db.threads.update(threadId, { triage, triagedAt });
    }
  });
  backing.removeItem(TRIAGE_WRITE_AHEAD_KEY);
  return applied;
}

/** The page's own: `localStorage`, kept on `pagehide`. */
export const pageTriageWriteAhead = createTriageWriteAhead(() => window.localStorage);

if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => pageTriageWriteAhead.keep());
  window.addEventListener('pageshow', (event) => {
    if (event.persisted) pageTriageWriteAhead.forget();
  });
}
