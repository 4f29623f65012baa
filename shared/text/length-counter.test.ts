import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BLUESKY_MAX_GRAPHEMES,
  countForNetwork,
  MASTODON_DEFAULT_MAX_CHARACTERS,
  MASTODON_URL_LENGTH,
  mastodonCountableText,
} from './length-counter';
import { countCodePoints, countGraphemes, utf8Length } from './segment';

const FAMILY = '👨‍👩‍👧‍👦'; // 7 code points, 11 UTF-16 units
const FLAG_NZ = '🇳🇿'; // 2 regional indicators
const THUMBS_MEDIUM = '👍🏽'; // emoji + skin-tone modifier
const E_COMBINING = 'e\u0301'; // "é" as e + combining acute

describe('segment helpers', () => {
  it('count graphemes, code points and UTF-8 bytes', () => {
    expect(FAMILY.length).toBe(11);
    expect(countCodePoints(FAMILY)).toBe(7);
    expect(countGraphemes(FAMILY)).toBe(1);
    expect(countGraphemes(`${FLAG_NZ}${THUMBS_MEDIUM}${E_COMBINING}`)).toBe(3);
    expect(utf8Length('aé😀')).toBe(1 + 2 + 4);
  });
});

describe('countForNetwork — Bluesky', () => {
  it.each([
    ['family emoji', FAMILY],
    ['flag', FLAG_NZ],
    ['skin-tone modifier', THUMBS_MEDIUM],
    ['combining mark', E_COMBINING],
    ['keycap', '1️⃣'],
    ['rainbow flag', '🏳️‍🌈'],
    ['Hangul syllable from jamo', '\u1100\u1161\u11A8'],
  ])('counts a %s as one grapheme', (_label, text) => {
    expect(countForNetwork(text, 'bluesky')).toMatchObject({ used: 1, unit: 'graphemes' });
  });

  it('counts CJK characters one each', () => {
    expect(countForNetwork('東京に行きたい', 'bluesky').used).toBe(7);
  });

  it('reports limit, remaining and over at the 300-grapheme boundary', () => {
    expect(countForNetwork('a'.repeat(300), 'bluesky')).toEqual({
      used: 300,
      limit: BLUESKY_MAX_GRAPHEMES,
      remaining: 0,
      over: false,
      unit: 'graphemes',
      bytes: { used: 300, limit: 3000 },
    });
    expect(countForNetwork('a'.repeat(301), 'bluesky')).toMatchObject({
      remaining: -1,
      over: true,
    });
    // 300 families are 300 graphemes — but 7500 bytes, over the 3000-byte limit.
    expect(countForNetwork(FAMILY.repeat(300), 'bluesky')).toMatchObject({
      used: 300,
      remaining: 0,
      over: true,
    });
  });

  it('counts URLs in full (Bluesky has no URL rule)', () => {
    const url = `https://example.com/${'x'.repeat(60)}`;
    expect(countForNetwork(url, 'bluesky').used).toBe(url.length);
  });
});

describe('countForNetwork — Mastodon', () => {
  it('defaults to 500 characters and can follow the instance limit', () => {
    expect(countForNetwork('hello', 'mastodon')).toEqual({
      used: 5,
      limit: MASTODON_DEFAULT_MAX_CHARACTERS,
      remaining: 495,
      over: false,
      unit: 'characters',
    });
    expect(countForNetwork('a'.repeat(501), 'mastodon')).toMatchObject({
      over: true,
      remaining: -1,
    });
    expect(countForNetwork('a'.repeat(501), 'mastodon', { maxCharacters: 5000 })).toMatchObject({
      limit: 5000,
      over: false,
    });
    expect(countForNetwork('hi', 'mastodon', { maxCharacters: 0 }).limit).toBe(500);
  });

  it('counts every URL as 23 characters, long or short', () => {
    const long = `https://example.com/${'x'.repeat(200)}`;
    expect(countForNetwork(long, 'mastodon').used).toBe(MASTODON_URL_LENGTH);
    expect(countForNetwork('https://a.co', 'mastodon').used).toBe(23);
    expect(countForNetwork(`Read ${long} and http://b.example/x.`, 'mastodon').used).toBe(
      'Read '.length + 23 + ' and '.length + 23 + '.'.length,
    );
  });

  it("follows the instance's own URL length, or counts URLs as written when it has none", () => {
    const text = 'see https://example.com/a/very/long/path/indeed ok';
    expect(countForNetwork(text, 'mastodon', { charactersPerUrl: 32 }).used).toBe(4 + 32 + 3);
    expect(countForNetwork(text, 'mastodon', { charactersPerUrl: null }).used).toBe(text.length);
    expect(countForNetwork(text, 'mastodon', { charactersPerUrl: -1 }).used).toBe(4 + 23 + 3);
  });

  it('does not shorten URLs without a scheme', () => {
    expect(countForNetwork('example.com/page', 'mastodon').used).toBe(16);
  });

  it('counts a remote mention as its local part', () => {
    expect(mastodonCountableText('@anna@example.social hi @bob')).toBe('@anna hi @bob');
    expect(
      countForNetwork('@anna@very-long-instance-name.example.social hi', 'mastodon').used,
    ).toBe('@anna hi'.length);
    // A profile URL is a URL, not a mention.
    expect(countForNetwork('https://example.social/@anna@other.example', 'mastodon').used).toBe(23);
  });

  it('counts an astral emoji once, not as two UTF-16 units', () => {
    expect('😀'.length).toBe(2);
    expect(countForNetwork('😀', 'mastodon').used).toBe(1);
    expect(countForNetwork('😀', 'mastodon', { counting: 'codePoints' }).used).toBe(1);
  });

  it('counts emoji sequences as Mastodon does (grapheme clusters), or code points if asked', () => {
    const text = `${FAMILY}${FLAG_NZ}${E_COMBINING}`;
    expect(countForNetwork(text, 'mastodon').used).toBe(3);
    expect(countForNetwork(text, 'mastodon', { counting: 'codePoints' }).used).toBe(7 + 2 + 2);
  });

  it('counts the content warning against the same limit', () => {
    expect(
      countForNetwork('see https://example.com/x', 'mastodon', { spoilerText: 'spoilers' }).used,
    ).toBe('spoilers'.length + 'see '.length + 23);
  });

  it('uses the Mastodon rules for the demo network', () => {
    expect(countForNetwork('@a@b.example https://example.com/long/path', 'demo')).toEqual({
      used: '@a '.length + 23,
      limit: 500,
      remaining: 500 - 26,
      over: false,
      unit: 'characters',
    });
  });

  it('property: text without URLs or mentions counts its graphemes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        fc.pre(!/[@:]/u.test(text));
        const count = countForNetwork(text, 'mastodon');
        expect(count.used).toBe(countGraphemes(text));
        expect(count.remaining).toBe(count.limit - count.used);
        expect(count.over).toBe(count.used > count.limit);
      }),
    );
  });
});
