/**
 * A post's text as Mastodon treats it: rendered to the HTML a client receives in `content`
 * (paragraphs, line breaks, mention and link anchors), and counted the way its length limit
 * counts (grapheme clusters; a URL counts as `characters_reserved_per_url`; a mention counts
 * only its `@username` part; the content warning counts too).
 */
const URL_PATTERN = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/g;
const MENTION_PATTERN = /(?<![\w/@])@([a-z0-9_]+)(?:@([a-z0-9.:-]+))?/gi;

function escapeHtml(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface MentionLink {
  readonly username: string;
  readonly url: string;
}

/** `content` HTML for a text; `mention(username, domain)` says which @names are real people. */
export function renderContent(
  text: string,
  mention: (username: string, domain: string | undefined) => MentionLink | undefined,
): string {
  const linked = (line: string): string => {
    let html = '';
    let last = 0;
    const pieces: { start: number; end: number; html: string }[] = [];
    for (const match of line.matchAll(URL_PATTERN)) {
      const url = match[0];
      pieces.push({
        start: match.index,
        end: match.index + url.length,
        html: `<a href="${escapeHtml(url)}" target="_blank" rel="nofollow noopener" translate="no">${escapeHtml(url)}</a>`,
      });
    }
    for (const match of line.matchAll(MENTION_PATTERN)) {
      const inUrl = pieces.some((p) => match.index >= p.start && match.index < p.end);
      const person = mention(match[1] ?? '', match[2]);
      if (inUrl || person === undefined) continue;
      pieces.push({
        start: match.index,
        end: match.index + match[0].length,
        html: `<span class="h-card" translate="no"><a href="${escapeHtml(person.url)}" class="u-url mention">@<span>${escapeHtml(person.username)}</span></a></span>`,
      });
    }
    pieces.sort((a, b) => a.start - b.start);
    for (const piece of pieces) {
      html += escapeHtml(line.slice(last, piece.start)) + piece.html;
      last = piece.end;
    }
    return html + escapeHtml(line.slice(last));
  };
  const paragraphs = text
    .replaceAll('\r\n', '\n')
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '');
  return paragraphs.map((p) => `<p>${p.split('\n').map(linked).join('<br />')}</p>`).join('');
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of graphemes.segment(text)) count += 1;
  return count;
}

/** How many characters Mastodon's StatusLengthValidator counts for a post. */
export function countedLength(
  text: string,
  spoilerText: string,
  charactersReservedPerUrl: number,
): number {
  const countable = text
    .replace(URL_PATTERN, 'x'.repeat(charactersReservedPerUrl))
    .replace(MENTION_PATTERN, (_all, username: string) => `@${username}`);
  return graphemeCount(countable) + graphemeCount(spoilerText);
}
