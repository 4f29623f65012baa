/**
 * Where the user is lives in the address, so a reload (or a crash) reopens exactly that place:
 * `#conversation=<thread id>` for the open conversation, `reply=<post id>` while writing a reply,
 * `view=replies` for the replies page.
 */
import { afterNextPaint } from './after-paint';
import { createSoonWrites } from './soon-writes';

export type HashKey = 'conversation' | 'reply' | 'view';

// Updating the address costs a keystroke several milliseconds: the open conversation (which
// changes on every triage key) is written once the frame showing it is drawn.
const soon = createSoonWrites<HashKey, string | null>(applyToHash, (run) => afterNextPaint(run));

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
  if (window.location.hash === hash) return;
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}${hash}`,
  );
}

export function readConversationFromHash(hash?: string): string | null {
  return readFromHash('conversation', hash);
}

/** Sets the open conversation in the address right after the next frame is drawn. */
export function writeConversationToHash(threadId: string | null): void {
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

// Leaving (a reload, closing the window) writes what is pending first.
if (typeof window !== 'undefined') window.addEventListener('pagehide', () => soon.flush());
