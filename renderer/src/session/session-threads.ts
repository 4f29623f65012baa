import type { Thread } from '@shared/domain';

/**
 * The session's threads: as the deliveries left them, with what was triaged since the session
 * began laid over them. Each answer from the store makes a new one from the same delivered threads
 * without copying them (thousands), and says which threads differ from the last one.
 */
export class SessionThreads implements ReadonlyMap<string, Thread> {
  constructor(
    readonly delivered: ReadonlyMap<string, Thread>,
    /** Threads triaged since the session began, by id (a new object with every answer). */
    readonly triaged: ReadonlyMap<string, Thread>,
  ) {}

  get(threadId: string): Thread | undefined {
    return this.triaged.get(threadId) ?? this.delivered.get(threadId);
  }

  has(threadId: string): boolean {
    return this.triaged.has(threadId) || this.delivered.has(threadId);
  }

  get size(): number {
    let extra = 0;
    for (const id of this.triaged.keys()) if (!this.delivered.has(id)) extra += 1;
    return this.delivered.size + extra;
  }

  *entries(): MapIterator<[string, Thread]> {
    for (const [id, thread] of this.delivered) yield [id, this.triaged.get(id) ?? thread];
    for (const entry of this.triaged) if (!this.delivered.has(entry[0])) yield entry;
  }

  *keys(): MapIterator<string> {
    for (const [id] of this.entries()) yield id;
  }

  *values(): MapIterator<Thread> {
    for (const [, thread] of this.entries()) yield thread;
  }

  [Symbol.iterator](): MapIterator<[string, Thread]> {
    return this.entries();
  }

  forEach(
    callback: (value: Thread, key: string, map: ReadonlyMap<string, Thread>) => void,
    thisArg?: unknown,
  ): void {
    for (const [id, thread] of this.entries()) callback.call(thisArg, thread, id, this);
  }

  /**
   * The threads that may be other objects in `next` than in this (laid over the same delivered
   * threads): those triaged in either. Null when the delivered threads differ (anything may).
   */
  differing(next: SessionThreads): string[] | null {
    if (next.delivered !== this.delivered) return null;
    const ids: string[] = [];
    for (const [id, thread] of next.triaged) if (this.get(id) !== thread) ids.push(id);
    for (const id of this.triaged.keys())
      if (!next.triaged.has(id) && this.get(id) !== next.get(id)) ids.push(id);
    return ids;
  }
}

/**
 * The threads that may be other objects in `next` than in `previous` (see `differing`): none for
 * the same map, null (any) for maps that are not two SessionThreads over the same delivery.
 */
export function changedThreadIds(
  previous: ReadonlyMap<string, Thread>,
  next: ReadonlyMap<string, Thread>,
): string[] | null {
  if (previous === next) return [];
  if (previous instanceof SessionThreads && next instanceof SessionThreads)
    return previous.differing(next);
  return null;
}
