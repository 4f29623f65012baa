import { useEffect, useLayoutEffect, useRef } from 'react';
import { useUiStore } from '../../state/ui-store';

/** What a key does in the session, by `KeyboardEvent.key` (`D` is Shift+D). */
export type SessionKeymap = Readonly<Record<string, () => void>>;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Links, buttons and the like act on Enter themselves: the session's Enter leaves them alone. */
function actsOnEnter(target: EventTarget | null): boolean {
  return (
    target instanceof Element &&
    target.closest('a[href], button, summary, [role="button"], [role="link"]') !== null
  );
}

/**
 * The session's one-key shortcuts, listened for on the document while the inbox is in front: not
 * while typing, with a dialog open, with a modifier held, or in the composer. `keymap` is the
 * last committed render's (kept in a ref at layout time), so the listener is added once and a
 * key always reaches what the screen shows; `null` takes no keys (the session's summary).
 */
export function useSessionKeys(keymap: SessionKeymap | null): void {
  const current = useRef(keymap);
  useLayoutEffect(() => {
    current.current = keymap;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (isTyping(event.target) || document.querySelector('dialog[open]') !== null) return;
      const ui = useUiStore.getState();
      if (ui.page !== 'inbox' || ui.composing !== null) return;
      const action = current.current?.[event.key];
      if (action === undefined) return;
      if (event.key === 'Enter' && actsOnEnter(event.target)) return;
      event.preventDefault();
      action();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
