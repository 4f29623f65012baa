import { useEffect } from 'react';
import { useUiStore, type AppPage } from '../state/ui-store';

/** The page each key after `g` goes to. */
const PAGE_KEYS: Partial<Record<string, AppPage>> = { r: 'replies', w: 'week', i: 'inbox' };

/** Typing in a field is never a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * `/` (or Ctrl/⌘ + K, which works while typing too) opens search. Shortcuts that work on every
 * page: `g` then `r` for Replies, `g` then `w` for Your week, `g` then `i` for the inbox, and
 * `,` (or Ctrl/⌘ + `,`, the desktop convention) for Settings. None of them fires while typing,
 * while a dialog is open or while the composer is in front. They listen first (capture), so the
 * `r` of `g r` never reaches the session's own `r` (write a reply).
 */
export function useAppShortcuts({
  openSettings,
  openSearch,
}: {
  readonly openSettings: () => void;
  readonly openSearch: () => void;
}): void {
  useEffect(() => {
    let afterG = false;
    const onKey = (event: KeyboardEvent): void => {
      const wasAfterG = afterG;
      afterG = false;
      if (event.defaultPrevented || event.altKey) return;
      const command = event.ctrlKey || event.metaKey;
      if (command && event.key.toLowerCase() === 'k' && !event.shiftKey) {
        if (document.querySelector('dialog[open]') !== null) return;
        if (useUiStore.getState().composing !== null) return;
        event.preventDefault();
        openSearch();
        return;
      }
      if (isTyping(event.target) || document.querySelector('dialog[open]') !== null) return;
      const ui = useUiStore.getState();
      if (ui.composing !== null) return;
      if (event.key === '/' && !command) {
        event.preventDefault();
        openSearch();
        return;
      }
      if (event.key === ',') {
        event.preventDefault();
        openSettings();
        return;
      }
      if (command || event.shiftKey) return;
      const page = wasAfterG ? PAGE_KEYS[event.key] : undefined;
      if (page !== undefined) {
        event.preventDefault();
        event.stopPropagation();
        ui.showPage(page);
        return;
      }
      if (event.key === 'g') {
        event.preventDefault();
        afterG = true;
      }
    };
    window.addEventListener('keydown', onKey, { capture: true });
    return () => window.removeEventListener('keydown', onKey, { capture: true });
  }, [openSettings, openSearch]);
}
