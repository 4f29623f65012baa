import type { HighlightPart, SearchQuery } from '../text/search-terms';
import { highlight } from '../text/search-terms';

/**
 * A short piece of `text` around its first matching word (whitespace collapsed), cut at spaces
 * where it can, with "…" where it was cut, the matching words marked.
 */
export function snippetParts(text: string, query: SearchQuery, maxLength = 160): HighlightPart[] {
  const flat = text.replace(/\s+/g, ' ').trim();
  const parts = highlight(flat, query);
  let offset = 0;
  let firstMark = -1;
  for (const part of parts) {
    if (part.mark) {
      firstMark = offset;
      break;
    }
    offset += part.text.length;
  }
  if (flat.length <= maxLength) return parts;
  let start = Math.max(0, firstMark - Math.floor(maxLength / 3));
  if (start > 0) {
    const space = flat.indexOf(' ', start);
    start = space !== -1 && space < firstMark ? space + 1 : start;
  }
  let end = Math.min(flat.length, start + maxLength);
  if (end < flat.length) {
    const space = flat.lastIndexOf(' ', end);
    end = space > start + maxLength / 2 ? space : end;
  }
  return cut(parts, start, end, flat.length);
}

function cut(parts: readonly HighlightPart[], start: number, end: number, length: number) {
  const out: HighlightPart[] = [];
  if (start > 0) out.push({ text: '…', mark: false });
  let at = 0;
  for (const part of parts) {
    const from = Math.max(start, at);
    const to = Math.min(end, at + part.text.length);
    if (to > from) out.push({ text: part.text.slice(from - at, to - at), mark: part.mark });
    at += part.text.length;
  }
  if (end < length) out.push({ text: '…', mark: false });
  return out;
}
