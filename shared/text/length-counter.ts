/**
 * How much of a network's post-length limit a draft uses, counted the way the server counts it.
 *
 * **Bluesky** (`app.bsky.feed.post`): the literal text, at most 300 graphemes *and* 3000 UTF-8
 * bytes (the lexicon's `maxGraphemes` / `maxLength`). Graphemes come from
 * `Intl.Segmenter(…, { granularity: 'grapheme' })`, so 👨‍👩‍👧‍👦, 🇳🇿, 👍🏽 and "e" + U+0301 are one each.
 *
 * **Mastodon** (`StatusLengthValidator`): before counting, every http(s) URL counts as 23
 * characters whatever its length, and a remote mention `@user@domain` counts as `@user`. The
 * content warning (spoiler text) is counted against the same limit, as written. Current Mastodon
 * counts the result in grapheme clusters (`str.each_grapheme_cluster.size`; older releases used
 * `mb_chars.grapheme_length`, same result), so an emoji ZWJ sequence or flag is one character
 * there too. Some Mastodon-API servers count Unicode code points instead (Ruby `String#length`,
 * Go `[]rune`); pass `counting: 'codePoints'` for those. Either way a UTF-16 surrogate pair such as
 * 😀 is one character, never two. The limit defaults to 500 and follows the instance's
 * `configuration.statuses.max_characters` via `maxCharacters`.
 *
 * **Demo**: the Mastodon rules and defaults.
 */
import { findEntities } from './entities';
import { countCodePoints, countGraphemes, utf8Length } from './segment';

export type CountNetwork = 'mastodon' | 'bluesky' | 'demo';

export const MASTODON_DEFAULT_MAX_CHARACTERS = 500;
/** Every URL in a Mastodon post counts as this many characters. */
export const MASTODON_URL_LENGTH = 23;
export const BLUESKY_MAX_GRAPHEMES = 300;
export const BLUESKY_MAX_BYTES = 3000;

export interface CountOptions {
  /**
   * Mastodon/demo: the instance's limit (`configuration.statuses.max_characters`). Default 500.
   * Bluesky: the account's grapheme limit when its capabilities say one. Default 300.
   */
  maxCharacters?: number;
  /** Bluesky: the account's UTF-8 byte limit when its capabilities say one. Default 3000. */
  maxBytes?: number | null;
  /** Mastodon/demo: the content warning, which shares the limit with the text. */
  spoilerText?: string;
  /** Mastodon/demo: how the server counts. Default `'graphemes'` (what Mastodon itself does). */
  counting?: 'graphemes' | 'codePoints';
  /**
   * Mastodon/demo: what every URL counts as (the instance's
   * `configuration.statuses.characters_reserved_per_url`). Default 23; null counts URLs as written.
   */
  charactersPerUrl?: number | null;
}

export interface LengthCount {
  used: number;
  limit: number;
  /** `limit - used`; negative when over. */
  remaining: number;
  /** True when the server would refuse the post as too long. */
  over: boolean;
  /** What to call the unit in the UI: Mastodon says "characters", Bluesky counts graphemes. */
  unit: 'characters' | 'graphemes';
  /**
   * Bluesky only: UTF-8 bytes used and allowed. Text made mostly of long emoji sequences can reach
   * 3000 bytes before 300 graphemes; `over` is then true although `remaining` is still positive.
   */
  bytes?: { used: number; limit: number };
}

/**
 * The text Mastodon measures: each URL replaced by 23 placeholder characters, each
 * `@user@domain` mention shortened to `@user`.
 */
export function mastodonCountableText(
  text: string,
  charactersPerUrl: number | null = MASTODON_URL_LENGTH,
): string {
  let out = '';
  let last = 0;
  for (const entity of findEntities(text)) {
    out += text.slice(last, entity.start);
    if (entity.kind !== 'url') out += `@${entity.username}`;
    else out += charactersPerUrl === null ? entity.text : 'x'.repeat(charactersPerUrl);
    last = entity.end;
  }
  return out + text.slice(last);
}

function validLimit(value: number | undefined, fallback: number): number {
  if (value === undefined || !Number.isFinite(value) || value < 1) return fallback;
  return Math.floor(value);
}

export function countForNetwork(
  text: string,
  network: CountNetwork,
  options: CountOptions = {},
): LengthCount {
  if (network === 'bluesky') {
    const limit = validLimit(options.maxCharacters, BLUESKY_MAX_GRAPHEMES);
    const byteLimit = validLimit(options.maxBytes ?? undefined, BLUESKY_MAX_BYTES);
    const used = countGraphemes(text);
    const bytes = utf8Length(text);
    return {
      used,
      limit,
      remaining: limit - used,
      over: used > limit || bytes > byteLimit,
      unit: 'graphemes',
      bytes: { used: bytes, limit: byteLimit },
    };
  }
  const limit = validLimit(options.maxCharacters, MASTODON_DEFAULT_MAX_CHARACTERS);
  const perUrl =
    options.charactersPerUrl === undefined ||
    (options.charactersPerUrl !== null &&
      !(Number.isInteger(options.charactersPerUrl) && options.charactersPerUrl >= 0))
      ? MASTODON_URL_LENGTH
      : options.charactersPerUrl;
  const countable = (options.spoilerText ?? '') + mastodonCountableText(text, perUrl);
  const used =
    options.counting === 'codePoints' ? countCodePoints(countable) : countGraphemes(countable);
  return { used, limit, remaining: limit - used, over: used > limit, unit: 'characters' };
}
