/**
 * URL and mention extraction from plain text, close to what Mastodon's server does before it
 * counts a post (twitter-text's extractor with `extract_url_without_protocol: false`, plus
 * Mastodon's `MENTION_RE`). It is an approximation: twitter-text checks hosts against the full
 * TLD list, here a host just needs a dot and an alphabetic (or punycode) last label.
 */

export interface TextEntity {
  kind: 'url' | 'mention';
  /** The matched text as written (for mentions, including the leading "@"). */
  text: string;
  /** UTF-16 offsets into the source text: [start, end). */
  start: number;
  end: number;
}

export interface UrlEntity extends TextEntity {
  kind: 'url';
  /** Lower-cased host name without a leading "www.", e.g. "bit.ly". */
  host: string;
}

export interface MentionEntity extends TextEntity {
  kind: 'mention';
  /** "user" of "@user@example.social". */
  username: string;
  /** "example.social" of "@user@example.social", or null for a local mention. */
  domain: string | null;
}

// Not preceded by a letter, digit, "@", "$" or "#" (twitter-text's valid_url_preceding_chars).
const SCHEME_URL_RE = /(?<![\p{L}\p{N}@$#＠＃])https?:\/\/[^\s<>"'`{}|\\^]+/giu;
const WWW_URL_RE = /(?<![\p{L}\p{N}@$#./:-])www\.[^\s<>"'`{}|\\^]+/giu;
// Bare "host.tld/path" — only used by the looser spam/similarity passes, never for counting.
const BARE_URL_RE =
  /(?<![\p{L}\p{N}@$#./:_-])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}\/[^\s<>"'`{}|\\^]*/giu;

const HOST_RE =
  /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z0-9-]+)$/iu;
const TRAILING_PUNCTUATION = /[.,;:!?'"*…»”’)\]]$/u;

/** Drops trailing punctuation that belongs to the sentence, keeping balanced brackets. */
function trimUrl(raw: string): string {
  let url = raw;
  while (TRAILING_PUNCTUATION.test(url)) {
    const last = url.at(-1);
    if (last === ')' && count(url, '(') >= count(url, ')')) break;
    if (last === ']' && count(url, '[') >= count(url, ']')) break;
    url = url.slice(0, -1);
  }
  return url;
}

function count(text: string, char: string): number {
  let n = 0;
  for (const c of text) if (c === char) n += 1;
  return n;
}

/** The host of a URL ("https://www.Example.com:8080/x" → "example.com"), or null if invalid. */
export function urlHost(url: string): string | null {
  const withoutScheme = url.replace(/^https?:\/\//i, '');
  const authority = withoutScheme.split(/[/?#]/u, 1)[0] ?? '';
  const hostPort = authority.includes('@')
    ? authority.slice(authority.lastIndexOf('@') + 1)
    : authority;
  const host = hostPort.replace(/:\d+$/u, '').toLowerCase();
  if (!HOST_RE.test(host)) return null;
  return host.replace(/^www\./u, '');
}

export interface FindUrlsOptions {
  /**
   * Also find "www.example.com" and "example.com/path" without a scheme (for spam screening and
   * similarity). Mastodon's length rule only shortens URLs with http(s)://, so counting keeps
   * this off. Default false.
   */
  loose?: boolean;
}

/** URLs in plain text, in order, non-overlapping. */
export function findUrls(text: string, options: FindUrlsOptions = {}): UrlEntity[] {
  const patterns = options.loose ? [SCHEME_URL_RE, WWW_URL_RE, BARE_URL_RE] : [SCHEME_URL_RE];
  const found: UrlEntity[] = [];
  for (const pattern of patterns) {
    for (const match of text.matchAll(pattern)) {
      const url = trimUrl(match[0]);
      const host = urlHost(url);
      if (!host) continue;
      found.push({
        kind: 'url',
        text: url,
        start: match.index,
        end: match.index + url.length,
        host,
      });
    }
  }
  return removeOverlapping(found);
}

// Mastodon's Account::MENTION_RE: not after "=", "/" or a word character; ASCII username that may
// contain inner dots/dashes; optional "@domain".
const MENTION_RE =
  /(?<![=/\p{L}\p{M}\p{N}\p{Pc}])@([a-z0-9_]+(?:[.-]+[a-z0-9_]+)*)(?:@([\p{L}\p{M}\p{N}\p{Pc}]+(?:[.-]+[\p{L}\p{M}\p{N}\p{Pc}]+)*))?/giu;

/** Mentions ("@anna", "@anna@example.social") in plain text, in order. */
export function findMentions(text: string): MentionEntity[] {
  const found: MentionEntity[] = [];
  for (const match of text.matchAll(MENTION_RE)) {
    found.push({
      kind: 'mention',
      text: match[0],
      start: match.index,
      end: match.index + match[0].length,
      username: match[1] ?? '',
      domain: match[2] ?? null,
    });
  }
  return found;
}

/**
 * Keeps entities that do not overlap an earlier one (earliest start wins, then the longest), as
 * twitter-text's `remove_overlapping_entities` does. Returns them sorted by start.
 */
export function removeOverlapping<T extends TextEntity>(entities: readonly T[]): T[] {
  const sorted = [...entities].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let lastEnd = -1;
  for (const entity of sorted) {
    if (entity.start < lastEnd) continue;
    kept.push(entity);
    lastEnd = entity.end;
  }
  return kept;
}

/** URLs and mentions together, non-overlapping, in text order. */
export function findEntities(
  text: string,
  options: FindUrlsOptions = {},
): (UrlEntity | MentionEntity)[] {
  return removeOverlapping<UrlEntity | MentionEntity>([
    ...findUrls(text, options),
    ...findMentions(text),
  ]);
}
