import type { SessionConversation } from '@shared/session';
import type { OptimisticTriage } from './optimistic-triage';
import type { OrderedSubset } from './ordered-subset';

/** The list as last made, with what it was made from, so the next one can start from it. */
export interface KeptList {
  readonly all: readonly SessionConversation[];
  readonly order: OrderedSubset<SessionConversation> | null;
  /** The store's answer: the conversations still to go through. */
  readonly storePending: readonly SessionConversation[];
  /** The overrides' revision it was made at. */
  readonly revision: number;
  readonly list: readonly SessionConversation[];
}

/**
 * The conversations the list shows: the store's pending ones with what the user just did laid
 * over them (see OptimisticTriage). After a keystroke, or an answer from the store, only the
 * conversations whose override or store answer changed are looked at again; a list that did not
 * change is the same array. Equal to `triage.apply(all, …)` in every case.
 */
export function nextShownList(
  previous: KeptList | null,
  all: readonly SessionConversation[],
  order: OrderedSubset<SessionConversation> | null,
  storePending: readonly SessionConversation[],
  triage: OptimisticTriage,
): KeptList {
  const revision = triage.revision;
  const sinceRevision = previous?.revision ?? revision;
  const overridden = triage.changedSince(sinceRevision);
  if (previous === null || order === null || previous.order !== order || previous.all !== all) {
    const pending = new Set(storePending.map((c) => c.threadId));
    const list = triage.apply(all, (threadId) => pending.has(threadId));
    return { all, order, storePending, revision, list };
  }
  const changed = [...order.difference(previous.storePending, storePending), ...overridden];
  const storeHas = (threadId: string): boolean => order.has(storePending, threadId);
  const list = order.patch(previous.list, changed, (threadId) => triage.shows(threadId, storeHas));
  return { all, order, storePending, revision, list };
}

/** Whether the store lists a conversation as still to go through, asked one at a time. */
export function storePendingTest(
  order: OrderedSubset<SessionConversation> | null,
  storePending: readonly SessionConversation[],
): (threadId: string) => boolean {
  if (order !== null) return (threadId) => order.has(storePending, threadId);
  const pending = new Set(storePending.map((c) => c.threadId));
  return (threadId) => pending.has(threadId);
}
