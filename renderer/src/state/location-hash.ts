/**
 * Where the user is lives in the address, so a reload (or a crash) reopens exactly that place:
 * `#conversation=<thread id>` for the open conversation, `reply=<post id>` while writing a reply,
 * `write=<person id>` while writing to someone first, `view=replies` for the replies page,
 * `view=week` for "Your week" (with `week=<its Monday>` once an earlier week is shown).
 */
import { afterNextPaint } from './after-paint';
import { keepLeavingAddress, takeLeavingAddress } from './leaving-address';
import { createRestSchedule } from './rest-schedule';
import { createSoonWrites } from './soon-writes';

export type HashKey = 'conversation' | 'reply' | 'view' | 'week' | 'write';

/**
 * Updating the address costs several milliseconds (Chromium treats it as a navigation), and the
 * open conversation changes on every j, k and triage key. It is written once the frame showing it
 * is drawn; in a run of keys, once they rest (a second without a move). Reading the address writes
 * what is pending first; a reload comes back to it too (see leaving-address.ts). A crash of the
 * page loses at most the moves of its last second.
 */
const CONVERSATION_REST_MS = 1_000;
const conversationSchedule = createRestSchedule(CONVERSATION_REST_MS, {
  now: () => performance.now(),
  soon: (run) => afterNextPaint(run),
  later: (run, ms) => window.setTimeout(run, ms),
});
const soon = createSoonWrites<HashKey, string | null>(applyToHash, (run) =>
  conversationSchedule.schedule(run),
);

function params(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

export function readFromHash(key: HashKey, hash?: string): string | null {
  if (hash === undefined) soon.flush();
  const value = params(hash ?? window.location.hash).get(key);
  return value === null || value === '' ? null : value;
}

/** Sets (or, with null, removes) one part of the address, keeping the others. */
export function writeToHash(key: HashKey, value: string | null): void {
  soon.flush();
  applyToHash(new Map([[key, value]]));
}

function applyToHash(values: ReadonlyMap<HashKey, string | null>): void {
  const next = params(window.location.hash);
  for (const [key, value] of values) {
    if (value === null) next.delete(key);
    else next.set(key, value);
  }
  const text = next.toString();
  const hash = text === '' ? '' : `#${text}`;
  if (window.location.hash !== hash) replaceHash(hash);
}

export function readConversationFromHash(hash?: string): string | null {
  return readFromHash('conversation', hash);
}

/** The conversation last set open (null: none yet, or none open). */
let lastConversation: string | null = null;

/** Sets the open conversation in the address soon (see CONVERSATION_REST_MS). */
export function writeConversationToHash(threadId: string | null): void {
  // Opening the first conversation (none was open: the session just showed, or came back after a
  // reload) starts no run, so the user's own first move after it is written at once.
  if (lastConversation !== null) conversationSchedule.changed();
  lastConversation = threadId;
  soon.set('conversation', threadId);
}

/** Calls back when the user (or a link) changes the address. */
export function onHashChange(callback: () => void): () => void {
  const changed = (): void => {
    // The address the user went to wins over a selection not written yet.
    soon.drop();
    callback();
  };
  window.addEventListener('hashchange', changed);
  return () => window.removeEventListener('hashchange', changed);
}

function replaceHash(hash: string): void {
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}${hash}`,
  );
}

/**
 * Leaving (a reload, closing the window) writes what is pending and keeps the address for a
 * reload, which loads the address as it was when it began; the reloaded page takes it back before
 * anything reads the address.
 */
function keepAcrossReloads(): void {
  const storage = (): Storage | null => {
    try {
      return window.sessionStorage;
    } catch {
      return null; // storage disabled: a reload may come back one move early
    }
  };
  const kept = storage();
  const arrival = performance.getEntriesByType('navigation')[0];
  const arrivedBy = arrival instanceof PerformanceNavigationTiming ? arrival.type : 'navigate';
  const back = kept === null ? null : takeLeavingAddress(kept, arrivedBy);
  if (back !== null && back !== window.location.hash) replaceHash(back);
  window.addEventListener('pagehide', () => {
    soon.flush();
    try {
      const backing = storage();
      if (backing !== null) keepLeavingAddress(backing, window.location.hash);
    } catch {
      // storage full: a reload may come back one move early
    }
  });
}

if (typeof window !== 'undefined') keepAcrossReloads();
