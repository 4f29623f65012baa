/**
 * The address the page had when it was left, for a reload to come back to. A reload loads the
 * address as it was when the reload began: a move drawn but not yet in the address (see
 * location-hash.ts), or written while the page was already going, would be lost. So the page keeps
 * its address in `sessionStorage` (per window, survives a reload) as it goes, and a reloaded page
 * takes it back once. Any other way of arriving (a link, an address typed, back or forward) keeps
 * the address it came with.
 */
import { z } from 'zod';
import { parseJsonText } from '@shared/validation/parse-unknown';

const KEY = 'slowpost:leaving-address';

const leavingSchema = z.object({ hash: z.string() });

/** The part of the Web Storage API this needs (the page's `sessionStorage`). */
export type LeavingAddressBacking = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** How the page arrived, as Navigation Timing names it (`reload`, `navigate`, `back_forward`). */
export type ArrivedBy = string;

/** Keeps `hash` as the address a reload comes back to. */
export function keepLeavingAddress(storage: LeavingAddressBacking, hash: string): void {
  storage.setItem(KEY, JSON.stringify({ hash }));
}

/**
 * The address to come back to (a hash, '' for none), or null to keep the one the page came with:
 * only a reload comes back. Whatever is kept is taken once: a second call finds nothing.
 */
export function takeLeavingAddress(
  storage: LeavingAddressBacking,
  arrivedBy: ArrivedBy,
  report: (message: string) => void = (message) => console.warn(message),
): string | null {
  const raw = storage.getItem(KEY);
  if (raw === null) return null;
  storage.removeItem(KEY);
  if (arrivedBy !== 'reload') return null;
  const parsed = parseJsonText(leavingSchema, raw, 'kept address');
  if (!parsed.ok) {
    report(`${parsed.error}; the address as loaded is used`);
    return null;
  }
  return parsed.value.hash;
}
