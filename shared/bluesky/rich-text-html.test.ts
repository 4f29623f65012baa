import { describe, expect, it } from 'vitest';
import type { Facet } from './payloads';
import { richTextToHtml } from './rich-text-html';

const bytes = (text: string) => new TextEncoder().encode(text).length;

/** A facet over the first occurrence of `part` in `text`, by UTF-8 byte offsets. */
function facetOver(text: string, part: string, feature: Facet['features'][number]): Facet {
  const start = text.indexOf(part);
  const byteStart = bytes(text.slice(0, start));
  return { index: { byteStart, byteEnd: byteStart + bytes(part) }, features: [feature] };
}

const mention = (did: string) => ({ $type: 'app.bsky.richtext.facet#mention' as const, did });
const link = (uri: string) => ({ $type: 'app.bsky.richtext.facet#link' as const, uri });

describe('a Bluesky post’s text as HTML', () => {
  it('links mentions to the profile and links to their address, by UTF-8 byte offsets', () => {
    const text = '🌱🌻 Привет @bob.test, see https://example.com/garden ✨';
    const html = richTextToHtml(text, [
      facetOver(text, '@bob.test', mention('did:plc:bob')),
      facetOver(text, 'https://example.com/garden', link('https://example.com/garden')),
    ]);
    expect(html).toBe(
      '<p>🌱🌻 Привет <a href="https://bsky.app/profile/did%3Aplc%3Abob">@bob.test</a>, see <a href="https://example.com/garden">https://example.com/garden</a> ✨</p>',
    );
  });

  it('works with Japanese text and a link shortened by the author’s app', () => {
    const text = '庭の写真 example.com/p… です';
    const html = richTextToHtml(text, [
      facetOver(text, 'example.com/p…', link('https://example.com/photos/1')),
    ]);
    expect(html).toBe(
      '<p>庭の写真 <a href="https://example.com/photos/1">example.com/p…</a> です</p>',
    );
  });

  it('never guesses: a link or mention the author’s app did not mark stays plain text', () => {
    expect(richTextToHtml('see https://example.com and @bob.test', [])).toBe(
      '<p>see https://example.com and @bob.test</p>',
    );
  });

  it('escapes the text and keeps line breaks', () => {
    expect(richTextToHtml('<script>alert(1)</script> & "x"\nnext', [])).toBe(
      '<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; "x"<br>next</p>',
    );
  });

  it('leaves out facets that split a character, run past the text, overlap, or are not http(s)', () => {
    const text = '🌱 hello there';
    const html = richTextToHtml(text, [
      { index: { byteStart: 1, byteEnd: 6 }, features: [link('https://a.example')] },
      { index: { byteStart: 5, byteEnd: 400 }, features: [link('https://b.example')] },
      facetOver(text, 'hello', link('javascript:alert(1)')),
      facetOver(text, 'hello', link('https://c.example')),
      facetOver(text, 'hello there', link('https://d.example')),
      { index: { byteStart: 0, byteEnd: 4 }, features: [null] },
    ]);
    expect(html).toBe('<p>🌱 <a href="https://c.example">hello</a> there</p>');
  });

  it('quotes a link’s address safely', () => {
    const text = 'here';
    expect(
      richTextToHtml(text, [facetOver(text, 'here', link('https://x.example/?a="b"&c=<d>'))]),
    ).toBe('<p><a href="https://x.example/?a=&quot;b&quot;&amp;c=&lt;d&gt;">here</a></p>');
  });
});
