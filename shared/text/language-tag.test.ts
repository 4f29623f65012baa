import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { LanguageSchema } from '../domain/common';
import { caseByPosition, normaliseLanguageTag } from './language-tag';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

const storable = (tag: string | null): boolean =>
  tag === null || LanguageSchema.safeParse(tag).success;

/** Strings shaped like the tags networks send: letters and digits joined by `-` or `_`, any case. */
const tagLike = fc
  .array(fc.stringMatching(/^[A-Za-z0-9]{1,9}$/), { minLength: 1, maxLength: 5 })
  .chain((parts) =>
    fc
      .array(fc.constantFrom('-', '_'), { minLength: parts.length, maxLength: parts.length })
      .map((seps) => parts.map((p, i) => (i === 0 ? p : `${seps[i] ?? '-'}${p}`)).join('')),
  );

describe('normaliseLanguageTag', { timeout: HEAVY_TEST_MS }, () => {
  it('writes the tags networks send in their BCP 47 form', () => {
    expect(normaliseLanguageTag('en_US')).toBe('en-US');
    expect(normaliseLanguageTag('EN')).toBe('en');
    expect(normaliseLanguageTag('pt_br')).toBe('pt-BR');
    expect(normaliseLanguageTag('zh-hant-tw')).toBe('zh-Hant-TW');
    expect(normaliseLanguageTag('sr_latn_rs')).toBe('sr-Latn-RS');
    expect(normaliseLanguageTag(' de ')).toBe('de');
    expect(normaliseLanguageTag('en-GB')).toBe('en-GB');
  });

  it('keeps what a reply needs and drops extensions and private use', () => {
    expect(normaliseLanguageTag('en-US-u-ca-gregory')).toBe('en-US');
    expect(normaliseLanguageTag('de-DE-x-phonebk')).toBe('de-DE');
  });

  it('gives null for what cannot be a tag, so a post is kept without a language', () => {
    for (const value of [
      'english',
      '??',
      '',
      '   ',
      'x-klingon',
      'e',
      'en-US-US',
      'und',
      42,
      null,
    ]) {
      expect(normaliseLanguageTag(value), String(value)).toBeNull();
    }
  });

  it('always gives a tag the store accepts, or null', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), tagLike), (value) => {
        expect(storable(normaliseLanguageTag(value))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves a normalised tag as it is', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), tagLike), (value) => {
        const once = normaliseLanguageTag(value);
        if (once !== null) expect(normaliseLanguageTag(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('without Intl.getCanonicalLocales', () => {
  const original = Intl.getCanonicalLocales;
  afterEach(() => {
    Object.defineProperty(Intl, 'getCanonicalLocales', { value: original, configurable: true });
  });

  it('cases the tag by the shape of each subtag, with the same guarantee', () => {
    Object.defineProperty(Intl, 'getCanonicalLocales', { value: undefined, configurable: true });
    // (Tags not met above: answers are remembered per value.)
    expect(normaliseLanguageTag('EN_gb')).toBe('en-GB');
    expect(normaliseLanguageTag('ZH-HANT-hk')).toBe('zh-Hant-HK');
    expect(normaliseLanguageTag('es_419')).toBe('es-419');
    expect(normaliseLanguageTag('deutsch')).toBeNull();
    fc.assert(
      fc.property(fc.oneof(fc.string(), tagLike), (value) => {
        expect(storable(normaliseLanguageTag(value))).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('caseByPosition follows BCP 47 casing conventions', () => {
    expect(caseByPosition('PT-br')).toBe('pt-BR');
    expect(caseByPosition('de-de-1996')).toBe('de-DE-1996');
  });
});
