import { describe, expect, it } from 'vitest';
import { findEntities, findMentions, findUrls, urlHost } from './entities';

describe('findUrls', () => {
  it('finds http(s) URLs and trims sentence punctuation', () => {
    const text = 'See https://example.com/a?b=1, and (http://wiki.example.org/Foo_(bar)).';
    expect(findUrls(text).map((u) => u.text)).toEqual([
      'https://example.com/a?b=1',
      'http://wiki.example.org/Foo_(bar)',
    ]);
  });

  it('reports offsets and a normalised host', () => {
    const [url] = findUrls('go https://WWW.Example.com:8080/x now');
    expect(url).toMatchObject({ start: 3, end: 33, host: 'example.com' });
  });

  it('requires a scheme unless loose, and a dotted host', () => {
    expect(findUrls('visit example.com/x or www.example.com')).toEqual([]);
    expect(
      findUrls('visit example.com/x or www.example.com', { loose: true }).map((u) => u.host),
    ).toEqual(['example.com', 'example.com']);
    expect(findUrls('https://localhost/x')).toEqual([]);
  });

  it('does not match inside words or e-mail-like text', () => {
    expect(findUrls('xhttps://example.com')).toEqual([]);
  });
});

describe('urlHost', () => {
  it('accepts internationalised and punycode hosts', () => {
    expect(urlHost('https://bücher.example/x')).toBe('bücher.example');
    expect(urlHost('https://xn--bcher-kva.xn--p1ai')).toBe('xn--bcher-kva.xn--p1ai');
    expect(urlHost('https://user@bit.ly/x')).toBe('bit.ly');
    expect(urlHost('https://nodot')).toBeNull();
  });
});

describe('findMentions', () => {
  it('finds local and remote mentions', () => {
    expect(
      findMentions('@anna and @bob@example.social. cc @c.d-e@sub.example.org!').map((m) => [
        m.username,
        m.domain,
      ]),
    ).toEqual([
      ['anna', null],
      ['bob', 'example.social'],
      ['c.d-e', 'sub.example.org'],
    ]);
  });

  it('ignores e-mail addresses and profile URLs', () => {
    expect(findMentions('mail me@example.com')).toEqual([]);
    expect(findEntities('https://example.social/@anna').map((e) => e.kind)).toEqual(['url']);
  });
});
