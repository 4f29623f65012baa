/**
 * Where the user is lives in the address, so a reload (or a crash) reopens exactly that place:
 * `#conversation=<thread id>` for the open conversation, `reply=<post id>` while writing a reply,
 * `view=replies` for the replies page.
 */
export type HashKey = 'conversation' | 'reply' | 'view';

function params(hash: string): URLSearchParams {
  return new URLSearchParams(hash.replace(/^#/, ''));
}

export function readFromHash(key: HashKey, hash: string = window.location.hash): string | null {
  const value = params(hash).get(key);
  return value === null || value === '' ? null : value;
}

/** Sets (or, with null, removes) one part of the address, keeping the others. */
export function writeToHash(key: HashKey, value: string | null): void {
  const next = params(window.location.hash);
  if (value === null) next.delete(key);
  else next.set(key, value);
  const text = next.toString();
  const hash = text === '' ? '' : `#${text}`;
  if (window.location.hash === hash) return;
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}${hash}`,
  );
}

export function readConversationFromHash(hash: string = window.location.hash): string | null {
  return readFromHash('conversation', hash);
}

export function writeConversationToHash(threadId: string | null): void {
  writeToHash('conversation', threadId);
}

/** Calls back when the user (or a link) changes the address. */
export function onHashChange(callback: () => void): () => void {
  window.addEventListener('hashchange', callback);
  return () => window.removeEventListener('hashchange', callback);
}
