/**
 * The open conversation is kept in the address (`#conversation=<id>`), so a reload reopens it and
 * a conversation can be linked to.
 */
const KEY = 'conversation';

export function readConversationFromHash(hash: string = window.location.hash): string | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const value = params.get(KEY);
  return value === null || value === '' ? null : value;
}

export function writeConversationToHash(threadId: string | null): void {
  const next = threadId === null ? '' : `#${KEY}=${encodeURIComponent(threadId)}`;
  if (window.location.hash === next) return;
  window.history.replaceState(
    null,
    '',
    `${window.location.pathname}${window.location.search}${next}`,
  );
}

/** Calls back when the user (or a link) changes the conversation in the address. */
export function onConversationHashChange(callback: (threadId: string | null) => void): () => void {
  const listener = (): void => callback(readConversationFromHash());
  window.addEventListener('hashchange', listener);
  return () => window.removeEventListener('hashchange', listener);
}
