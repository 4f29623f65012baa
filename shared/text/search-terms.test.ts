import { describe, expect, it } from 'vitest';
import { highlight, matchesAll, parseQuery, searchTerms } from './search-terms';

describe('searchTerms', () => {
  it('splits Latin, Cyrillic and Greek text at spaces and punctuation, folded', () => {
    expect(searchTerms('Café au lait? Oui, CAFÉ!')).toEqual(['cafe', 'au', 'lait', 'oui']);
    expect(searchTerms('Привет, мир! Ёлка.')).toEqual(['привет', 'мир', 'елка']);
    expect(searchTerms('Καλημέρα κόσμε')).toEqual(['καλημερα', 'κοσμε']);
  });

  it('splits Chinese, Japanese and Thai, written without spaces, into words', () => {
    expect(searchTerms('我们明天去图书馆看书')).toEqual(
      expect.arrayContaining(['我们', '明天', '看书']),
    );
    expect(searchTerms('東京で会議がありました')).toEqual(expect.arrayContaining(['東京', '会議']));
    expect(searchTerms('สวัสดีครับ ผมชอบกินข้าว')).toEqual(
      expect.arrayContaining(['สวัสดี', 'ชอบ', 'ข้าว']),
    );
  });

  it('skips emoji and punctuation', () => {
    expect(searchTerms('🎉 garden — 👍🏽 party!')).toEqual(['garden', 'party']);
  });
});

describe('parseQuery and matchesAll', () => {
  const post = searchTerms('Der Bäcker in Zürich backt das Brot. 東京で会議がありました');

  it('treats the word being typed as a prefix, and a word followed by a space as whole', () => {
    expect(parseQuery('bäck')).toEqual({ words: [], prefix: 'back' });
    expect(parseQuery('zurich ')).toEqual({ words: ['zurich'], prefix: null });
    expect(matchesAll(post, parseQuery('bäck'))).toBe(true);
    expect(matchesAll(post, parseQuery('bäck '))).toBe(false);
  });

  it('needs every word: accents and case do not matter', () => {
    expect(matchesAll(post, parseQuery('ZURICH brot'))).toBe(true);
    expect(matchesAll(post, parseQuery('zurich butter'))).toBe(false);
  });

  it('finds a Japanese word in text without spaces', () => {
    expect(matchesAll(post, parseQuery('会議'))).toBe(true);
    expect(matchesAll(post, parseQuery('大阪'))).toBe(false);
  });

  it('finds nothing for a query of no words', () => {
    expect(matchesAll(post, parseQuery('  !! '))).toBe(false);
  });
});

describe('highlight', () => {
  it('marks the words as written, accents and case kept', () => {
    expect(highlight('Ein Café in Zürich.', parseQuery('zurich cafe'))).toEqual([
      { text: 'Ein ', mark: false },
      { text: 'Café', mark: true },
      { text: ' in ', mark: false },
      { text: 'Zürich', mark: true },
      { text: '.', mark: false },
    ]);
  });

  it('marks a word in Chinese text and the word begun by a prefix', () => {
    const parts = highlight('我们明天去图书馆看书', parseQuery('明天'));
    expect(parts.filter((p) => p.mark).map((p) => p.text)).toEqual(['明天']);
    expect(
      highlight('Gardens grow', parseQuery('gard'))
        .filter((p) => p.mark)
        .map((p) => p.text),
    ).toEqual(['Gardens']);
  });
});

describe('the ASCII fast path', () => {
  it('finds the same words as the Unicode word breaker', () => {
    const samples = [
      "Don't do it, e.g. this: 3.14 and 1,000 and 1.2.3 (v2.0-beta)",
      "I'm it's. O'Neil a:b c:d foo_bar x.y.z a1.b2 1a.2b x.5 5.x 12:30",
      'https://example.com/a-b?c=d#e #tag @user@host.example',
      "end. Start a''b _a_ a_1.5 a_.b -- ... !?",
    ];
    const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const text of samples) {
      const expected = Array.from(segmenter.segment(text))
        .filter((s) => s.isWordLike)
        .map((s) => s.segment.toLowerCase());
      // A non-ASCII character at the end sends the same text through the word breaker.
      expect(searchTerms(text)).toEqual([...new Set(expected)]);
      expect(searchTerms(`${text} é`)).toEqual([...new Set([...expected, 'e'])]);
    }
  });
});
