/**
 * Language tags as networks send them are often not BCP 47: `en_US`, `EN`, `pt_br`, `english`.
 * Stored posts and replies carry well-formed tags only, so a tag read from the network (or left
 * in the store by an older version) is normalised here first.
 */

/** What the store accepts (the same rule as the domain's `LanguageSchema`). */
const STORED_TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;

/**
 * The canonical BCP 47 form of a language tag (`en_US` → `en-US`, `EN` → `en`, `pt_br` → `pt-BR`,
 * `zh-hant-tw` → `zh-Hant-TW`), or null when the value cannot be one (`english`, `??`, empty, not
 * a string) or says "undetermined" (`und`). Extensions and private-use parts (`-u-…`, `-x-…`) are
 * dropped: they say nothing a reply needs.
 */
export function normaliseLanguageTag(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // A sync meets the same few tags thousands of times: each is worked out once.
  const known = seen.get(value);
  if (known !== undefined) return known;
  const normal = normalise(value);
  if (seen.size >= MAX_REMEMBERED) seen.clear();
  seen.set(value, normal);
  return normal;
}

const MAX_REMEMBERED = 512;
const seen = new Map<string, string | null>();

function normalise(value: string): string | null {
  const subtags: string[] = [];
  for (const subtag of value.trim().replaceAll('_', '-').split('-')) {
    if (subtag.length === 1) break; // a singleton starts an extension or private use
    subtags.push(subtag);
  }
  const candidate = subtags.join('-');
  if (!STORED_TAG.test(candidate)) return null;
  const canonical = canonicalise(candidate);
  if (canonical === null || canonical === 'und' || !STORED_TAG.test(canonical)) return null;
  return canonical;
}

function canonicalise(tag: string): string | null {
  if (typeof Intl === 'undefined' || typeof Intl.getCanonicalLocales !== 'function') {
    return caseByPosition(tag);
  }
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? null;
  } catch {
    return null; // well-shaped but not a tag, e.g. a region given twice (`en-US-US`)
  }
}

/**
 * Where `Intl` cannot canonicalise: BCP 47's casing conventions alone, by the shape of each
 * subtag (language lower case, script title case, region upper case, the rest lower case).
 */
export function caseByPosition(tag: string): string {
  return tag
    .split('-')
    .map((subtag, index) => {
      if (index === 0) return subtag.toLowerCase();
      if (/^[A-Za-z]{4}$/.test(subtag))
        return subtag.charAt(0).toUpperCase() + subtag.slice(1).toLowerCase();
      if (/^([A-Za-z]{2}|\d{3})$/.test(subtag)) return subtag.toUpperCase();
      return subtag.toLowerCase();
    })
    .join('-');
}
