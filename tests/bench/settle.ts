import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

/** What {@link settle} waited. */
export interface Settled {
  /** How long it waited. */
  readonly ms: number;
  /** False when `maxMs` passed before the machine went quiet (something else kept it busy). */
  readonly quiet: boolean;
}

/** Settles (see {@link settle}), saying how long it took, before `next` is measured. */
export async function settleThen(log: (message: string) => void, next: string): Promise<Settled> {
  log('letting the store settle…');
  const settled = await settle();
  const busy = settled.quiet ? '' : ' (the machine never went quiet)';
  log(`settled in ${(settled.ms / 1000).toFixed(0)} s${busy}; ${next}…`);
  return settled;
}

const SAMPLE_MS = 1_000;

/**
 * Right after a bulk write, the browser's IndexedDB (LevelDB on disk) goes on compacting in the
 * background for a while, and every read meanwhile is slower. A user opens the app, or searches,
 * long after their history was written, so the bench measures a settled store: it waits until
 * the machine's processors have been mostly idle for a few seconds in a row (read from Linux's
 * `/proc/stat`, the whole machine, so it cannot miss the browser's storage process), at least
 * `minMs`, at most `maxMs`. Where `/proc/stat` cannot be read it waits `minMs`.
 */
export async function settle({
  minMs = 15_000,
  maxMs = 300_000,
  quietSamples = 5,
  idleShare = 0.85,
} = {}): Promise<Settled> {
  const started = Date.now();
  let quietInARow = 0;
  let before = await cpuTimes();
  if (before === null) {
    await sleep(minMs);
    return { ms: minMs, quiet: false };
  }
  for (;;) {
    await sleep(SAMPLE_MS);
    const after = await cpuTimes();
    if (after === null) break;
    const total = after.total - before.total;
    const idle = total > 0 ? (after.idle - before.idle) / total : 1;
    before = after;
    quietInARow = idle >= idleShare ? quietInARow + 1 : 0;
    const waited = Date.now() - started;
    if (waited >= minMs && quietInARow >= quietSamples) return { ms: waited, quiet: true };
    if (waited >= maxMs) return { ms: waited, quiet: false };
  }
  const waited = Date.now() - started;
  if (waited < minMs) await sleep(minMs - waited);
  return { ms: Math.max(minMs, waited), quiet: false };
}

/** The machine's processor time so far, all of it and the idle part (in clock ticks). */
async function cpuTimes(): Promise<{ total: number; idle: number } | null> {
  try {
    const line = (await readFile('/proc/stat', 'utf8')).split('\n')[0] ?? '';
    const fields = line.trim().split(/\s+/).slice(1, 9).map(Number);
    if (fields.length < 5 || fields.some((n) => !Number.isFinite(n))) return null;
    // user nice system idle iowait irq softirq steal. Waiting on the disk is not quiet: a
    // compaction that reads and writes is still going.
    return { total: fields.reduce((a, b) => a + b, 0), idle: fields[3] ?? 0 };
  } catch {
    return null;
  }
}
