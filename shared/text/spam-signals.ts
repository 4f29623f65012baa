/**
 * Screening: explainable spam signals for incoming text (plain text or Mastodon HTML).
 *
 * Each signal is a {@link Reason} with a code, a severity and a sentence for the screener UI.
 * Text is `suspicious` when it has at least one *strong* reason, or two different *weak* ones.
 * Strong signals are rare in honest writing:
 *   - words disguised with look-alike letters (see `lookalike.ts`);
 *   - link stuffing: at least 3 links with fewer than 6 words of text per link.
 * Weak signals happen in honest writing too, so one alone never makes text suspicious:
 *   - a message that is only a link; a link through a URL shortener;
 *   - invisible characters inside a word;
 *   - "check my profile" / "link in bio"; moving the chat to WhatsApp/Telegram; free crypto and
 *     easy-money promises (matched on the look-alike-normalised text, so "prоfilе" counts);
 *   - floods of "!!!!!" or of emoji.
 */
import { INVISIBLE_CLASS, toLatinSkeleton } from './confusables';
import { findEntities, findUrls, urlHost } from './entities';
import { extractLinks, htmlToPlainText, looksLikeHtml, removeAnchors } from './html-to-text';
import { describeLookalike, findLookalikes } from './lookalike';
import { segmentWords, splitGraphemes } from './segment';

export type ReasonCode =
  | 'mixed-script-word'
  | 'lookalike-word'
  | 'link-stuffed'
  | 'bare-link'
  | 'shortened-link'
  | 'hidden-characters'
  | 'profile-bait'
  | 'off-platform-contact'
  | 'money-bait'
  | 'flood';

export type ReasonSeverity = 'strong' | 'weak';

export interface Reason {
  code: ReasonCode;
  severity: ReasonSeverity;
  /** One sentence for the screener, e.g. `"Grеаt" mixes Cyrillic letters into a Latin word …`. */
  message: string;
  /** The words, hosts or phrases that triggered it. */
  evidence: string[];
}

export interface ScreenResult {
  suspicious: boolean;
  reasons: Reason[];
}

/** Link stuffing: at least this many links… */
export const LINK_STUFFING_MIN_LINKS = 3;
/** …with fewer than this many words of text per link. */
export const LINK_STUFFING_WORDS_PER_LINK = 6;
/** A message with links and at most this many words is "just a link". */
export const BARE_LINK_MAX_WORDS = 3;
/** At most this many look-alike words are named one by one; the rest are summarised. */
export const MAX_NAMED_WORDS = 5;

/** Hosts of well-known URL shorteners. */
export const SHORTENER_HOSTS: ReadonlySet<string> = new Set([
  'bit.ly',
  'bitly.com',
  'tinyurl.com',
  'goo.gl',
  'ow.ly',
  'is.gd',
  'v.gd',
  'buff.ly',
  'cutt.ly',
  'rebrand.ly',
  'shorturl.at',
  'rb.gy',
  'tiny.cc',
  't.ly',
  's.id',
  'shorte.st',
  'adf.ly',
  'bl.ink',
  'lnkd.in',
  'tiny.one',
  'surl.li',
]);

/** Hosts that open a chat outside the network. */
const CHAT_HOSTS: ReadonlySet<string> = new Set([
  'wa.me',
  't.me',
  'telegram.me',
  'chat.whatsapp.com',
]);

interface Link {
  url: string;
  host: string | null;
}

interface Prepared {
  plain: string;
  links: Link[];
}

function prepare(textOrHtml: string): Prepared {
  if (!looksLikeHtml(textOrHtml)) {
    const plain = textOrHtml;
    const links = findUrls(plain, { loose: true }).map((u) => ({ url: u.text, host: u.host }));
    return { plain, links };
  }
  const plain = htmlToPlainText(textOrHtml);
  const anchors: Link[] = extractLinks(textOrHtml)
    .filter((l) => l.kind === 'link' && /^https?:/i.test(l.href))
    .map((l) => ({ url: l.href, host: urlHost(l.href) }));
  const bare = findUrls(htmlToPlainText(removeAnchors(textOrHtml)), { loose: true }).map((u) => ({
    url: u.text,
    host: u.host,
  }));
  return { plain, links: [...anchors, ...bare] };
}

/** Words of prose: letters-bearing words outside URLs and mentions. */
function countProseWords(plain: string): number {
  let prose = '';
  let last = 0;
  for (const entity of findEntities(plain, { loose: true })) {
    prose += plain.slice(last, entity.start) + ' ';
    last = entity.end;
  }
  prose += plain.slice(last);
  return segmentWords(prose).filter((w) => /\p{L}/u.test(w.text)).length;
}

function plural(n: number, one: string, many: string = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function lookalikeReasons(plain: string): Reason[] {
  const seen = new Set<string>();
  const findings = findLookalikes(plain).filter((f) => {
    if (seen.has(f.word)) return false;
    seen.add(f.word);
    return true;
  });
  const reasons: Reason[] = findings.slice(0, MAX_NAMED_WORDS).map((f) => ({
    code: f.kind === 'mixed-script' ? 'mixed-script-word' : 'lookalike-word',
    severity: 'strong',
    message: describeLookalike(f),
    evidence: [f.word],
  }));
  const rest = findings.slice(MAX_NAMED_WORDS);
  const first = rest[0];
  if (first) {
    reasons.push({
      code: first.kind === 'mixed-script' ? 'mixed-script-word' : 'lookalike-word',
      severity: 'strong',
      message: `…and ${plural(rest.length, 'more word')} use look-alike letters the same way.`,
      evidence: rest.map((f) => f.word),
    });
  }
  return reasons;
}

function linkReasons(links: readonly Link[], proseWords: () => number): Reason[] {
  const reasons: Reason[] = [];
  const n = links.length;
  // Counting words costs a word segmentation: only a message with links needs it here.
  const words = n === 0 ? 0 : proseWords();
  if (n >= LINK_STUFFING_MIN_LINKS && words < n * LINK_STUFFING_WORDS_PER_LINK) {
    const amount = words <= BARE_LINK_MAX_WORDS ? 'almost no other text' : plural(words, 'word');
    reasons.push({
      code: 'link-stuffed',
      severity: 'strong',
      message: `${n} links and ${amount} — comments stuffed with links are a common spam pattern.`,
      evidence: links.map((l) => l.url),
    });
  } else if (n >= 1 && words <= BARE_LINK_MAX_WORDS) {
    reasons.push({
      code: 'bare-link',
      severity: 'weak',
      message: `It is ${n === 1 ? 'a link' : 'links'} with almost no message around ${n === 1 ? 'it' : 'them'}.`,
      evidence: links.map((l) => l.url),
    });
  }
  const shortened = [
    ...new Set(links.flatMap((l) => (l.host && SHORTENER_HOSTS.has(l.host) ? [l.host] : []))),
  ];
  if (shortened.length > 0) {
    reasons.push({
      code: 'shortened-link',
      severity: 'weak',
      message: `It links through a URL shortener (${shortened.join(', ')}), which hides where the link really goes.`,
      evidence: shortened,
    });
  }
  return reasons;
}

// Words (letters, marks and invisible characters; linear to match), then the invisible characters
// that sit between two letters of the word.
const WORD_WITH_INVISIBLES_RE = new RegExp(`[\\p{L}\\p{M}${INVISIBLE_CLASS}]+`, 'gu');
const HIDDEN_BETWEEN_LETTERS_RE = /\p{L}\p{M}*[\u200B-\u200D\u2060-\u2064\uFEFF]+\p{L}/u;
const HIDDEN_NAMES: Readonly<Record<string, string>> = {
  '\u200B': 'zero-width space',
  '\u200C': 'zero-width non-joiner',
  '\u200D': 'zero-width joiner',
  '\u2060': 'word joiner',
  '\u2061': 'invisible operator',
  '\u2062': 'invisible operator',
  '\u2063': 'invisible operator',
  '\u2064': 'invisible operator',
  '\uFEFF': 'zero-width no-break space',
};
// Scripts whose words never need a joiner; ZWJ/ZWNJ are normal in Arabic, Persian and Indic text.
const SIMPLE_SCRIPT_LETTER = /[\p{Script=Latin}\p{Script=Cyrillic}\p{Script=Greek}]/u;

function hiddenCharacterReason(plain: string): Reason | null {
  const words: string[] = [];
  const kinds = new Set<string>();
  for (const match of plain.matchAll(WORD_WITH_INVISIBLES_RE)) {
    if (!HIDDEN_BETWEEN_LETTERS_RE.test(match[0])) continue;
    const letters = match[0].match(/\p{L}/gu) ?? [];
    if (!letters.every((l) => SIMPLE_SCRIPT_LETTER.test(l))) continue;
    words.push(match[0].replace(/[\u00AD\u200B-\u200D\u2060-\u2064\uFEFF]/gu, ''));
    for (const char of match[0]) {
      const name = HIDDEN_NAMES[char];
      if (name) kinds.add(name);
    }
  }
  if (words.length === 0) return null;
  const quoted = words
    .slice(0, MAX_NAMED_WORDS)
    .map((w) => `"${w}"`)
    .join(', ');
  return {
    code: 'hidden-characters',
    severity: 'weak',
    message: `${quoted} ${words.length === 1 ? 'hides' : 'hide'} invisible characters (${[...kinds].join(', ')}) between letters, a way to slip past filters.`,
    evidence: words,
  };
}

interface PhraseRule {
  code: 'profile-bait' | 'off-platform-contact' | 'money-bait';
  patterns: readonly RegExp[];
  explain: (phrase: string) => string;
}

const PHRASE_RULES: readonly PhraseRule[] = [
  {
    code: 'profile-bait',
    patterns: [
      /\b(?:check|visit|see|view)(?:\s+out)?\s+my\s+(?:profile|bio|page|pinned(?:\s+post)?)\b/u,
      /\blink\s+in\s+(?:my\s+)?bio\b/u,
    ],
    explain: (p) => `It asks you to look at the sender's profile ("${p}") — a common spam opener.`,
  },
  {
    code: 'off-platform-contact',
    patterns: [
      /\b(?:dm|message|text|contact|reach|add|write(?:\s+to)?)\s+me\s+(?:on|via|at|in)\s+(?:whatsapp|telegram|wechat|kik|snapchat)\b/u,
      /\b(?:whatsapp|telegram)\s*(?::|@|\+\d)/u,
    ],
    explain: (p) =>
      `It asks to continue the conversation on another app ("${p}"), a common move in scams.`,
  },
  {
    code: 'money-bait',
    patterns: [
      /\b(?:free|claim(?:\s+your)?)\s+(?:crypto|bitcoin|btc|eth|usdt|airdrop|nft)s?\b/u,
      /\bcrypto\s+giveaway\b/u,
      /\b(?:earn|make)\s+(?:\$|€|£)?\d[\d,.]*\s*k?\s*(?:\$|€|£|usd|dollars|euros?)?\s*(?:a|per|every)\s+(?:day|week|hour)\b/u,
      /\bguaranteed\s+(?:profits?|returns?|income)\b/u,
      /\b(?:double|triple)\s+your\s+(?:money|crypto|bitcoin|investment)\b/u,
    ],
    explain: (p) => `It promises free crypto or easy money ("${p}").`,
  },
];

function phraseReasons(plain: string, links: readonly Link[]): Reason[] {
  const skeleton = toLatinSkeleton(plain).toLowerCase().replace(/\s+/gu, ' ');
  const reasons: Reason[] = [];
  for (const rule of PHRASE_RULES) {
    const phrases: string[] = [];
    for (const pattern of rule.patterns) {
      const match = pattern.exec(skeleton);
      if (match) phrases.push(match[0].trim());
    }
    if (rule.code === 'off-platform-contact') {
      for (const link of links) if (link.host && CHAT_HOSTS.has(link.host)) phrases.push(link.host);
    }
    const first = phrases[0];
    if (first !== undefined) {
      reasons.push({
        code: rule.code,
        severity: 'weak',
        message: rule.explain(first),
        evidence: phrases,
      });
    }
  }
  return reasons;
}

const PUNCTUATION_FLOOD_RE = /[!?！？¡¿]{5,}/u;
const EMOJI_RE = /\p{Extended_Pictographic}/u;
const EMOJI_CODE_POINTS_RE = /\p{Extended_Pictographic}/gu;
/** Emoji flood: at least this many emoji, and more emoji than words. */
export const EMOJI_FLOOD_MIN = 8;

function floodReason(plain: string, proseWords: () => number): Reason | null {
  const run = PUNCTUATION_FLOOD_RE.exec(plain);
  if (run) {
    return {
      code: 'flood',
      severity: 'weak',
      message: `It uses long runs of exclamation or question marks ("${run[0]}").`,
      evidence: [run[0]],
    };
  }
  // Each emoji grapheme holds at least one pictographic code point: too few of those, no flood
  // (and no grapheme split, which most text would otherwise pay for).
  if ((plain.match(EMOJI_CODE_POINTS_RE)?.length ?? 0) < EMOJI_FLOOD_MIN) return null;
  const emoji = splitGraphemes(plain).filter((g) => EMOJI_RE.test(g));
  if (emoji.length < EMOJI_FLOOD_MIN) return null;
  const words = proseWords();
  if (emoji.length > words) {
    return {
      code: 'flood',
      severity: 'weak',
      message: `It is mostly emoji (${plural(emoji.length, 'emoji', 'emoji')}, ${plural(words, 'word')}).`,
      evidence: [...new Set(emoji)],
    };
  }
  return null;
}

/**
 * Screens one incoming message (plain text or Mastodon-style HTML) for look-alike words, link
 * stuffing and a few other conservative spam signals. Never throws; pure.
 */
export function screenText(textOrHtml: string): ScreenResult {
  const { plain, links } = prepare(textOrHtml);
  // Counted once, and only when a signal needs it (most messages have no links and no emoji).
  let counted: number | null = null;
  const words = (): number => (counted ??= countProseWords(plain));
  const reasons: Reason[] = [
    ...lookalikeReasons(plain),
    ...linkReasons(links, words),
    ...[hiddenCharacterReason(plain)].filter((r): r is Reason => r !== null),
    ...phraseReasons(plain, links),
    ...[floodReason(plain, words)].filter((r): r is Reason => r !== null),
  ];
  const strong = reasons.some((r) => r.severity === 'strong');
  const weakCodes = new Set(reasons.filter((r) => r.severity === 'weak').map((r) => r.code));
  return { suspicious: strong || weakCodes.size >= 2, reasons };
}
