import { useMemo } from 'react';
import type { MouseEvent } from 'react';
import { bridge } from '../bridge/bridge';
import { sanitizePostHtml } from './sanitize';

/**
 * Renders network HTML after sanitizing it. Links never navigate the app: a click asks the main
 * process to open the (re-checked) address in the user's browser.
 */
export function SafeHtml({ html, className }: { html: string; className?: string }) {
  const clean = useMemo(() => sanitizePostHtml(html), [html]);
  const onClick = (event: MouseEvent<HTMLDivElement>): void => {
    const anchor = (event.target as Element).closest('a');
    if (anchor === null) return;
    event.preventDefault();
    const href = anchor.getAttribute('href');
    if (href !== null) void bridge.links.openExternal({ url: href });
  };
  return (
    // The container only forwards link clicks; links themselves are keyboard-reachable anchors.
    <div className={className} onClick={onClick} dangerouslySetInnerHTML={{ __html: clean }} />
  );
}
