import { useMemo } from 'react';
import type { MouseEvent } from 'react';
import { bridge } from '../bridge/bridge';
import { remembered } from './remembered';
import { hasText, sanitizePostHtml, withLinksAsText } from './sanitize';

// Conversations are opened again and again (triage, undo, the composer): each post is sanitized
// once.
const sanitized = remembered(sanitizePostHtml, 2_000);

/**
 * Renders network HTML after sanitizing it. Links never navigate the app: a click asks the main
 * process to open the (re-checked) address in the user's browser.
 */
export function SafeHtml({
  html,
  className,
  emptyText,
  linksAsText = false,
}: {
  html: string;
  className?: string;
  /** Likely spam: links show as text, none can be followed. */
  linksAsText?: boolean;
  /** Shown, quietly, when nothing readable is left (a post with a picture only). */
  emptyText?: string;
}) {
  const clean = useMemo(() => {
    const safe = sanitized(html);
    return linksAsText ? withLinksAsText(safe) : safe;
  }, [html, linksAsText]);
  const empty = useMemo(() => emptyText !== undefined && !hasText(clean), [clean, emptyText]);
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const anchor = (event.target as Element).closest('a');
    if (anchor === null) return;
    event.preventDefault();
    const href = anchor.getAttribute('href');
    if (href !== null) void bridge.links.openExternal({ url: href });
  };
  if (empty) return <p className={`${className ?? ''} hint`.trim()}>{emptyText}</p>;
  return (
    // The container only forwards link clicks; links themselves are keyboard-reachable anchors.
    <div className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: clean }} />
  );
}
