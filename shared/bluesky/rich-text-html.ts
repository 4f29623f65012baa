/**
 * A Bluesky post's text as the HTML Slowpost stores for every post (`Post.contentHtml`, untrusted:
 * sanitized when shown). Bluesky posts are plain text; mentions, links and tags are facets, byte
 * ranges of the text's UTF-8 encoding. Links come from facets only, never from guessing at the
 * text: a `https://…` the author's app did not mark stays plain text, as it does on Bluesky.
 *
 * A facet whose range is out of the text, splits a character, or overlaps an earlier one is left
 * out (its text stays plain). Mentions link to the person's profile by DID, tags to the tag's page.
 */
import type { Facet, FacetFeature } from './payloads';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Where mentions and tags link: Bluesky's own web app. */
export const BLUESKY_WEB = 'https://bsky.app';

export function profileUrlOf(didOrHandle: string): string {
  return `${BLUESKY_WEB}/profile/${encodeURIComponent(didOrHandle)}`;
}

interface Span {
  readonly start: number;
  readonly end: number;
  readonly href: string;
}

export function richTextToHtml(text: string, facets: readonly Facet[]): string {
  const bytes = encoder.encode(text);
  const spans = usableSpans(bytes, facets);
  let html = '';
  let at = 0;
  for (const span of spans) {
    html += escapeText(decoder.decode(bytes.subarray(at, span.start)));
    const inner = escapeText(decoder.decode(bytes.subarray(span.start, span.end)));
    html += `<a href="${escapeAttribute(span.href)}">${inner}</a>`;
    at = span.end;
  }
  html += escapeText(decoder.decode(bytes.subarray(at)));
  return `<p>${html}</p>`;
}

function usableSpans(bytes: Uint8Array, facets: readonly Facet[]): Span[] {
  const candidates: Span[] = [];
  for (const facet of facets) {
    const { byteStart: start, byteEnd: end } = facet.index;
    if (start >= end || end > bytes.length) continue;
    if (isContinuation(bytes[start]) || isContinuation(bytes[end])) continue;
    const href = hrefOf(facet.features);
    if (href !== null) candidates.push({ start, end, href });
  }
  candidates.sort((a, b) => a.start - b.start);
  const spans: Span[] = [];
  for (const span of candidates) {
    const last = spans[spans.length - 1];
    if (last === undefined || span.start >= last.end) spans.push(span);
  }
  return spans;
}

/** A byte inside a UTF-8 character (not its first): a range may not start or end there. */
function isContinuation(byte: number | undefined): boolean {
  return byte !== undefined && (byte & 0xc0) === 0x80;
}

function hrefOf(features: readonly (FacetFeature | null)[]): string | null {
  for (const feature of features) {
    if (feature === null) continue;
    switch (feature.$type) {
      case 'app.bsky.richtext.facet#mention':
        return profileUrlOf(feature.did);
      case 'app.bsky.richtext.facet#link':
        if (/^https?:\/\//i.test(feature.uri)) return feature.uri;
        break;
      case 'app.bsky.richtext.facet#tag':
        return `${BLUESKY_WEB}/hashtag/${encodeURIComponent(feature.tag)}`;
    }
  }
  return null;
}

function escapeText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r?\n/g, '<br>');
}

function escapeAttribute(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/"/g, '&quot;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
