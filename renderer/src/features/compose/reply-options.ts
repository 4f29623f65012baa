import type { Visibility } from '@shared/domain';
import { normaliseLanguageTag } from '@shared/text/language-tag';

/** Mastodon's four audiences, in the words the composer uses. */
export const VISIBILITY_LABELS: Record<Visibility, string> = {
  public: 'Public',
  unlisted: 'Quiet public (not in public timelines)',
  private: 'Followers only',
  direct: 'Only the people mentioned',
};

const COMMON_LANGUAGES = [
  'en',
  'de',
  'fr',
  'es',
  'it',
  'pt',
  'nl',
  'sv',
  'da',
  'nb',
  'fi',
  'pl',
  'cs',
  'uk',
  'ru',
  'el',
  'tr',
  'ar',
  'he',
  'hi',
  'ja',
  'ko',
  'zh',
];

let names: Intl.DisplayNames | null = null;

/** "German (de)", in the user's own language where the browser knows it. */
export function languageLabel(tag: string): string {
  try {
    names ??= new Intl.DisplayNames(undefined, { type: 'language' });
    const name = names.of(tag);
    return name === undefined || name === tag ? tag : `${name} (${tag})`;
  } catch {
    return tag;
  }
}

/**
 * The languages to offer: the common ones, plus any the conversation or the draft uses (in
 * BCP 47 form, so every choice is one a draft can be saved with).
 */
export function languageChoices(...extra: readonly (string | null | undefined)[]): string[] {
  const tags = new Set<string>();
  for (const tag of extra) {
    const normal = normaliseLanguageTag(tag);
    if (normal !== null) tags.add(normal);
  }
  for (const tag of COMMON_LANGUAGES) tags.add(tag);
  return [...tags];
}
