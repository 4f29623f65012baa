/**
 * Plain text and links from the small HTML subset Mastodon-API servers send (`<p>`, `<br>`,
 * `<a>`, `<span>`, a few inline and block tags), with pure string processing — no DOM, so it runs
 * the same in the main process, the renderer and tests. It is for analysis and previews, not for
 * rendering: nothing here makes HTML safe to display.
 */

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ensp: ' ',
  emsp: ' ',
  thinsp: ' ',
  shy: '\u00AD',
  zwj: '\u200D',
  zwnj: '\u200C',
  hellip: '…',
  mdash: '—',
  ndash: '–',
  minus: '−',
  lsquo: '‘',
  rsquo: '’',
  sbquo: '‚',
  ldquo: '“',
  rdquo: '”',
  bdquo: '„',
  laquo: '«',
  raquo: '»',
  bull: '•',
  middot: '·',
  copy: '©',
  reg: '®',
  trade: '™',
  deg: '°',
  times: '×',
  divide: '÷',
  euro: '€',
  pound: '£',
  yen: '¥',
  cent: '¢',
  sect: '§',
  para: '¶',
  hearts: '♥',
};

const ENTITY_RE = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|([a-zA-Z][a-zA-Z0-9]{1,31}));/g;

function fromCodePoint(cp: number): string {
  const valid = cp > 0 && cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
  return valid ? String.fromCodePoint(cp) : '\uFFFD';
}

/** Decodes numeric entities and the common named ones in one pass ("&amp;lt;" → "&lt;"). */
export function decodeEntities(text: string): string {
  return text.replace(ENTITY_RE, (whole, dec?: string, hex?: string, name?: string) => {
    if (dec !== undefined) return fromCodePoint(Number.parseInt(dec, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return (name !== undefined ? NAMED_ENTITIES[name] : undefined) ?? whole;
  });
}

// A start or end tag whose attribute values may contain ">" inside quotes.
const TAG_RE = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)((?:[^>"']|"[^"]*"|'[^']*')*)>/g;
const BLOCK_TAGS = new Set([
  'p',
  'div',
  'blockquote',
  'pre',
  'ul',
  'ol',
  'li',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'table',
  'tr',
  'section',
  'article',
  'header',
  'footer',
]);
const PARAGRAPH_TAGS = new Set(['p', 'blockquote', 'pre', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6']);

function removeNonContent(html: string): string {
  return html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<(script|style|template)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, '');
}

/**
 * Plain text from HTML: tags removed, entities decoded, `<br>` as a line break, paragraphs
 * separated by a blank line, other blocks (`<div>`, `<li>`) by a line break. Source whitespace is
 * collapsed as a browser would. The text of Mastodon's hidden link spans is kept, so links read as
 * their full URL ("https://example.com/a/long/path").
 */
export function htmlToPlainText(html: string): string {
  return toText(html, false);
}

/**
 * Plain text as a reader sees the post: like {@link htmlToPlainText}, but Mastodon's hidden link
 * parts stay hidden (`<span class="invisible">https://</span>`) and a shortened link ends in "…"
 * (`<span class="ellipsis">`), so a link reads "example.com/a/long…". For previews and quotes.
 */
export function htmlToVisibleText(html: string): string {
  return toText(html, true);
}

type SpanKind = 'invisible' | 'ellipsis' | 'plain';

function spanKind(attributes: string): SpanKind {
  const classes = (attribute(attributes, 'class') ?? '').toLowerCase().split(/\s+/);
  if (classes.includes('invisible')) return 'invisible';
  return classes.includes('ellipsis') ? 'ellipsis' : 'plain';
}

function toText(html: string, visibleOnly: boolean): string {
  const source = removeNonContent(html);
  let out = '';
  let last = 0;
  // Open spans (visibleOnly), and how many of them are hidden: text inside one is left out.
  const spans: SpanKind[] = [];
  let hidden = 0;
  for (const match of source.matchAll(TAG_RE)) {
    if (hidden === 0) out += source.slice(last, match.index).replace(/[ \t\r\n\f]+/g, ' ');
    last = match.index + match[0].length;
    const name = (match[2] ?? '').toLowerCase();
    const closing = match[1] === '/';
    if (visibleOnly && name === 'span') {
      if (!closing) {
        const kind = spanKind(match[3] ?? '');
        spans.push(kind);
        if (kind === 'invisible') hidden += 1;
      } else {
        const kind = spans.pop();
        if (kind === 'invisible') hidden -= 1;
        else if (kind === 'ellipsis' && hidden === 0) out += '…';
      }
      continue;
    }
    if (hidden > 0) continue;
    if (name === 'br') out += '\n';
    else if (PARAGRAPH_TAGS.has(name)) out = withBreak(out, 2);
    else if (BLOCK_TAGS.has(name)) out = withBreak(out, 1);
    else if (name === 'img' && !closing) out += imageAlt(match[3] ?? '');
  }
  if (hidden === 0) out += source.slice(last).replace(/[ \t\r\n\f]+/g, ' ');
  return decodeEntities(out)
    .replace(/[ \t]*\n[ \t]*/g, '\n') // no spaces around line breaks
    .replace(/\n{3,}/g, '\n\n')
    .replace(/^\s+|\s+$/g, '');
}

/** Ends `text` with at least `count` line breaks (block boundaries don't add up). */
function withBreak(text: string, count: number): string {
  // Only the tail is inspected, so building long text stays linear.
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end -= 1;
  let trailing = 0;
  while (trailing < count && text[end - 1 - trailing] === '\n') trailing += 1;
  const trimmed = end === text.length ? text : text.slice(0, end);
  return trimmed + '\n'.repeat(count - trailing);
}

function imageAlt(attributes: string): string {
  const alt = attribute(attributes, 'alt');
  return alt ? decodeEntities(alt) : '';
}

/** The raw (still entity-encoded) value of one attribute, or null. */
function attribute(attributes: string, name: string): string | null {
  const re = new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s"'=<>\`]+))`, 'i');
  const match = re.exec(attributes);
  if (!match) return null;
  return match[1] ?? match[2] ?? match[3] ?? '';
}

export interface HtmlLink {
  /** The decoded href. */
  href: string;
  /** The link's visible text (plain text of its content). */
  text: string;
  /**
   * `mention` and `hashtag` are Mastodon's own links to people and tags; `link` is everything
   * else (what spam screening counts).
   */
  kind: 'link' | 'mention' | 'hashtag';
}

const ANCHOR_RE = /<a\b((?:[^>"']|"[^"]*"|'[^']*')*)>([\s\S]*?)<\/a\s*>/gi;

/** Every `<a href>` in the HTML, in order, classified as link, mention or hashtag. */
export function extractLinks(html: string): HtmlLink[] {
  const links: HtmlLink[] = [];
  for (const match of removeNonContent(html).matchAll(ANCHOR_RE)) {
    const attributes = match[1] ?? '';
    const href = decodeEntities(attribute(attributes, 'href') ?? '').trim();
    if (!href) continue;
    const text = htmlToPlainText(match[2] ?? '');
    const classes = (attribute(attributes, 'class') ?? '').toLowerCase().split(/\s+/);
    const rel = (attribute(attributes, 'rel') ?? '').toLowerCase().split(/\s+/);
    let kind: HtmlLink['kind'] = 'link';
    if (classes.includes('hashtag') || rel.includes('tag') || text.startsWith('#'))
      kind = 'hashtag';
    else if (classes.includes('mention') || text.startsWith('@')) kind = 'mention';
    links.push({ href, text, kind });
  }
  return links;
}

/** The HTML with every `<a>…</a>` element removed (to find bare URLs outside links). */
export function removeAnchors(html: string): string {
  return removeNonContent(html).replace(ANCHOR_RE, ' ');
}

const HTML_HINT_RE =
  /<\/?(?:p|br|a|span|div|b|i|em|strong|ul|ol|li|blockquote|pre|code|h[1-6]|img|del|s|u|sub|sup)\b[^<>]*>/i;

/** Whether a string looks like HTML (contains one of the common tags) rather than plain text. */
export function looksLikeHtml(text: string): boolean {
  return HTML_HINT_RE.test(text);
}
