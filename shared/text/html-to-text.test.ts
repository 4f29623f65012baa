import { describe, expect, it } from 'vitest';
import {
  decodeEntities,
  extractLinks,
  htmlToPlainText,
  htmlToVisibleText,
  looksLikeHtml,
  removeAnchors,
} from './html-to-text';

// The shapes Mastodon actually sends: paragraphs, <br>, h-card mentions, hashtags and links whose
// scheme and tail are hidden in "invisible" spans.
const MASTODON_HTML =
  '<p><span class="h-card" translate="no"><a href="https://example.social/@anna" class="u-url mention">@<span>anna</span></a></span> Loved this!<br>Second line &amp; more</p>' +
  '<p>Read <a href="https://blog.example.com/posts/2024/a-very-long-slug" target="_blank" rel="nofollow noopener noreferrer" translate="no"><span class="invisible">https://</span><span class="ellipsis">blog.example.com/posts/2024/a-v</span><span class="invisible">ery-long-slug</span></a> ' +
  '<a href="https://example.social/tags/cats" class="mention hashtag" rel="tag">#<span>cats</span></a></p>';

describe('htmlToPlainText', () => {
  it('turns Mastodon HTML into readable text with full URLs', () => {
    expect(htmlToPlainText(MASTODON_HTML)).toBe(
      '@anna Loved this!\nSecond line & more\n\nRead https://blog.example.com/posts/2024/a-very-long-slug #cats',
    );
  });

  it('collapses source whitespace like a browser and keeps <br> breaks', () => {
    expect(htmlToPlainText('<p>one\n   two</p>\n\n<p>three<br/>four<br />five</p>')).toBe(
      'one two\n\nthree\nfour\nfive',
    );
  });

  it('separates block elements and list items', () => {
    expect(htmlToPlainText('<div>a</div><div>b</div><ul><li>c</li><li>d</li></ul>')).toBe(
      'a\nb\nc\nd',
    );
  });

  it('drops comments, scripts and styles, and keeps image alt text', () => {
    expect(
      htmlToPlainText(
        '<p>hi<!-- note --><script>alert("x")</script><style>p{}</style> <img src="x.png" alt="a cat &amp; a dog"></p>',
      ),
    ).toBe('hi a cat & a dog');
  });

  it('decodes entities after removing tags, so encoded markup stays text', () => {
    expect(htmlToPlainText('<p>&lt;b&gt;not bold&lt;/b&gt; &amp;amp;</p>')).toBe(
      '<b>not bold</b> &amp;',
    );
  });

  it('copes with ">" inside quoted attributes and stray "<"', () => {
    expect(htmlToPlainText('<a title="a > b" href="https://x.example">x</a> 3 < 4')).toBe(
      'x 3 < 4',
    );
  });

  it('returns plain text unchanged apart from trimming', () => {
    expect(htmlToPlainText('  just text  ')).toBe('just text');
  });
});

describe('htmlToVisibleText', () => {
  it('keeps the hidden link parts of Mastodon hidden and ends a shortened link in "…"', () => {
    expect(htmlToVisibleText(MASTODON_HTML)).toBe(
      '@anna Loved this!\nSecond line & more\n\nRead blog.example.com/posts/2024/a-v… #cats',
    );
  });

  it('hides everything inside a hidden span, nested spans and breaks too', () => {
    expect(
      htmlToVisibleText('<p>a<span class="x invisible">b<span>c</span><br>d</span>e</p>'),
    ).toBe('ae');
  });

  it('is empty for a post with nothing to read', () => {
    expect(htmlToVisibleText('<p><span class="invisible">https://</span></p>')).toBe('');
    expect(htmlToVisibleText('<p> </p><p><br></p>')).toBe('');
  });
});

describe('decodeEntities', () => {
  it('decodes named, decimal and hex entities in one pass', () => {
    expect(decodeEntities('&quot;Hi&quot; &#39;there&#39; &#x1F600; &hellip; &nbsp;x')).toBe(
      '"Hi" \'there\' 😀 …  x',
    );
    expect(decodeEntities('&amp;lt;')).toBe('&lt;');
  });

  it('leaves unknown entities alone and replaces invalid code points', () => {
    expect(decodeEntities('&bogus; &#0; &#xD800;')).toBe('&bogus; \uFFFD \uFFFD');
  });
});

describe('extractLinks', () => {
  it('classifies links, mentions and hashtags and decodes hrefs', () => {
    expect(extractLinks(MASTODON_HTML)).toEqual([
      { href: 'https://example.social/@anna', text: '@anna', kind: 'mention' },
      {
        href: 'https://blog.example.com/posts/2024/a-very-long-slug',
        text: 'https://blog.example.com/posts/2024/a-very-long-slug',
        kind: 'link',
      },
      { href: 'https://example.social/tags/cats', text: '#cats', kind: 'hashtag' },
    ]);
    expect(extractLinks('<a href="https://x.example/?a=1&amp;b=2">q</a>')).toEqual([
      { href: 'https://x.example/?a=1&b=2', text: 'q', kind: 'link' },
    ]);
  });

  it('skips anchors without an href', () => {
    expect(extractLinks('<a name="top">top</a>')).toEqual([]);
  });

  it('removeAnchors leaves only the text outside links', () => {
    expect(htmlToPlainText(removeAnchors(MASTODON_HTML))).not.toContain('blog.example.com');
  });
});

describe('looksLikeHtml', () => {
  it('recognises common tags but not plain text with angle brackets', () => {
    expect(looksLikeHtml('<p>hi</p>')).toBe(true);
    expect(looksLikeHtml('line<br>break')).toBe(true);
    expect(looksLikeHtml('I <3 you, and 3 > 2')).toBe(false);
    expect(looksLikeHtml('plain text')).toBe(false);
  });
});
