/**
 * Turns the content script's light markup into HTML shaped like what Mastodon sends:
 * paragraphs, `h-card` mentions, hashtags and links with Mastodon's `invisible`/`ellipsis` spans.
 *
 * Markup: paragraphs are separated by a blank line, a single newline is a `<br />`; `@key` is a
 * mention of a demo person (by table key), `#tag` a hashtag, `https://…` a link, and `{{raw}}`
 * inserts the post's raw HTML unescaped (used for the XSS sample only).
 */

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface MentionTarget {
  /** Shown after the `@`: the user-name part of the handle. */
  readonly userName: string;
  readonly profileUrl: string;
}

export function mentionHtml(target: MentionTarget): string {
  return (
    `<span class="h-card" translate="no"><a href="${escapeHtml(target.profileUrl)}" ` +
    `class="u-url mention">@<span>${escapeHtml(target.userName)}</span></a></span>`
  );
}

export function hashtagHtml(tag: string, origin: string): string {
  const href = `${origin}/tags/${encodeURIComponent(tag.toLowerCase())}`;
  return (
    `<a href="${escapeHtml(href)}" class="mention hashtag" rel="tag">` +
    `#<span>${escapeHtml(tag)}</span></a>`
  );
}

/** A link as Mastodon renders it: the scheme hidden, long URLs cut with an ellipsis span. */
export function linkHtml(url: string): string {
  const match = /^(https?:\/\/(?:www\.)?)(.*)$/.exec(url);
  const scheme = match?.[1] ?? '';
  const rest = match?.[2] ?? url;
  const shown = rest.length > 30 ? rest.slice(0, 30) : rest;
  const hidden = rest.length > 30 ? rest.slice(30) : '';
  const shownClass = rest.length > 30 ? 'ellipsis' : '';
  return (
    `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">` +
    `<span class="invisible">${escapeHtml(scheme)}</span>` +
    `<span class="${shownClass}">${escapeHtml(shown)}</span>` +
    `<span class="invisible">${escapeHtml(hidden)}</span></a>`
  );
}

/** The fallback line Mastodon adds to a quote post. */
export function quoteInlineHtml(url: string): string {
  return `<p class="quote-inline">RE: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></p>`;
}

const TRAILING_PUNCTUATION = /[.,;:!?)»”’'"]+$/u;

/** Splits a URL match from the punctuation that ends the sentence around it. */
function splitUrl(candidate: string): [url: string, trailing: string] {
  const trailing = TRAILING_PUNCTUATION.exec(candidate)?.[0] ?? '';
  return [candidate.slice(0, candidate.length - trailing.length), trailing];
}

const MARKUP_TOKEN =
  /(?<![\p{L}\p{N}_@/])@([a-z][a-z0-9_]*)|(?<![\p{L}\p{N}_&/#])#([\p{L}\p{N}_]+)|(https:\/\/[^\s<>"]+)|\{\{raw\}\}/gu;

export interface RenderedMarkup {
  readonly html: string;
  /** Keys of the people mentioned, in order of first appearance. */
  readonly mentions: readonly string[];
}

export interface MarkupOptions {
  readonly origin: string;
  /** Resolves `@key`; returns undefined for an unknown key (an error in the script). */
  readonly resolveMention: (key: string) => MentionTarget | undefined;
  readonly rawHtml?: string;
}

export function renderMarkup(text: string, options: MarkupOptions): RenderedMarkup {
  const mentions: string[] = [];
  const renderLine = (line: string): string => {
    let out = '';
    let last = 0;
    for (const match of line.matchAll(MARKUP_TOKEN)) {
      const index = match.index ?? 0;
      out += escapeHtml(line.slice(last, index));
      last = index + match[0].length;
      const [, mentionKey, tag, url] = match;
      if (mentionKey !== undefined) {
        const target = options.resolveMention(mentionKey);
        if (target === undefined) throw new Error(`demo markup: unknown mention @${mentionKey}`);
        if (!mentions.includes(mentionKey)) mentions.push(mentionKey);
        out += mentionHtml(target);
      } else if (tag !== undefined) {
        out += hashtagHtml(tag, options.origin);
      } else if (url !== undefined) {
        const [href, trailing] = splitUrl(url);
        out += linkHtml(href) + escapeHtml(trailing);
      } else {
        if (options.rawHtml === undefined) throw new Error('demo markup: {{raw}} without rawHtml');
        out += options.rawHtml;
      }
    }
    return out + escapeHtml(line.slice(last));
  };
  const paragraphs = text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => paragraph.split('\n').map(renderLine).join('<br />'))
    .map((inner) => `<p>${inner}</p>`);
  return { html: paragraphs.join(''), mentions };
}

const PLAIN_TOKEN =
  /(?<![\p{L}\p{N}_@])@([A-Za-z0-9_]+)@([A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)|(https?:\/\/[^\s<>"]+)/gu;

/**
 * Plain text the user typed → HTML, as a server would store it: escaped, paragraphs, known
 * `@user@domain` handles as mentions, URLs as links.
 */
export function plainTextToHtml(
  text: string,
  resolveHandle: (handle: string) => MentionTarget | undefined,
): string {
  const renderLine = (line: string): string => {
    let out = '';
    let last = 0;
    for (const match of line.matchAll(PLAIN_TOKEN)) {
      const index = match.index ?? 0;
      out += escapeHtml(line.slice(last, index));
      last = index + match[0].length;
      const [whole, , , url] = match;
      if (url !== undefined) {
        const [href, trailing] = splitUrl(url);
        out += linkHtml(href) + escapeHtml(trailing);
      } else {
        const target = resolveHandle(whole);
        out += target === undefined ? escapeHtml(whole) : mentionHtml(target);
      }
    }
    return out + escapeHtml(line.slice(last));
  };
  return text
    .trim()
    .split(/\n{2,}/)
    .map((paragraph) => `<p>${paragraph.split('\n').map(renderLine).join('<br />')}</p>`)
    .join('');
}

/** Latin letters and the Cyrillic letters that look the same. */
const LOOKALIKES: Readonly<Record<string, string>> = {
  a: '\u0430',
  c: '\u0441',
  e: '\u0435',
  o: '\u043e',
  p: '\u0440',
  x: '\u0445',
  y: '\u0443',
  A: '\u0410',
  B: '\u0412',
  C: '\u0421',
  E: '\u0415',
  H: '\u041d',
  K: '\u041a',
  M: '\u041c',
  O: '\u041e',
  P: '\u0420',
  T: '\u0422',
  X: '\u0425',
};

/**
 * Spells Latin text with Cyrillic look-alikes for the given letters, the way spammers dodge
 * filters ("Grеаt аrticle"). URLs are left alone so the links stay clickable.
 */
export function withLookalikes(text: string, letters: string): string {
  return text
    .split(/(https?:\/\/\S+)/u)
    .map((part, index) =>
      index % 2 === 1
        ? part
        : Array.from(part, (ch) => (letters.includes(ch) ? (LOOKALIKES[ch] ?? ch) : ch)).join(''),
    )
    .join('');
}
