import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  plainTextToHtml,
  renderMarkup,
  withLookalikes,
  type MarkupOptions,
} from './html';

const options: MarkupOptions = {
  origin: 'https://demo.slowpost.invalid',
  resolveMention: (key) =>
    key === 'mira'
      ? { userName: 'mira', profileUrl: 'https://demo.slowpost.invalid/@mira@tidepool.social' }
      : undefined,
};

describe('renderMarkup', () => {
  it('escapes text and splits paragraphs and lines', () => {
    const { html } = renderMarkup('Fish & <chips>\nsecond line\n\n"next" paragraph', options);
    expect(html).toBe(
      '<p>Fish &amp; &lt;chips&gt;<br />second line</p><p>&quot;next&quot; paragraph</p>',
    );
  });

  it('renders mentions as Mastodon h-cards and reports who was mentioned', () => {
    const { html, mentions } = renderMarkup('Thanks @mira! Mail me at a@mira.example', options);
    expect(html).toContain(
      '<span class="h-card" translate="no"><a href="https://demo.slowpost.invalid/@mira@tidepool.social" class="u-url mention">@<span>mira</span></a></span>!',
    );
    expect(html).toContain('a@mira.example');
    expect(mentions).toEqual(['mira']);
  });

  it('refuses a mention of someone not in the script', () => {
    expect(() => renderMarkup('hello @nobody', options)).toThrow(/@nobody/);
  });

  it('renders links without the sentence punctuation, and unicode hashtags', () => {
    const { html } = renderMarkup('See https://summitup.example/cfp. #panadería', options);
    expect(html).toContain('<a href="https://summitup.example/cfp" target="_blank"');
    expect(html).toContain('</a>. <a href="https://demo.slowpost.invalid/tags/panader%C3%ADa"');
    expect(html).toContain('#<span>panadería</span>');
  });

  it('inserts raw HTML only where asked', () => {
    const raw = '<b onclick="x()">raw</b>';
    expect(renderMarkup('before {{raw}} after', { ...options, rawHtml: raw }).html).toBe(
      `<p>before ${raw} after</p>`,
    );
    expect(() => renderMarkup('before {{raw}}', options)).toThrow();
  });
});

describe('plainTextToHtml', () => {
  it('escapes what the user typed and links known handles', () => {
    const html = plainTextToHtml(
      '<b>hi</b> @mira@tidepool.social and @ghost@nowhere.example',
      (h) =>
        h === '@mira@tidepool.social'
          ? { userName: 'mira', profileUrl: 'https://x.example/@mira' }
          : undefined,
    );
    expect(html).toContain('&lt;b&gt;hi&lt;/b&gt;');
    expect(html).toContain('class="u-url mention">@<span>mira</span>');
    expect(html).toContain('@ghost@nowhere.example');
    expect(html).not.toContain('<b>');
  });
});

describe('withLookalikes', () => {
  it('swaps Latin letters for Cyrillic look-alikes but keeps URLs intact', () => {
    const text = withLookalikes('Great offer at https://deals.example/aeo', 'aeo');
    expect(text).toContain('https://deals.example/aeo');
    expect(text).not.toContain('Great');
    expect(text).toMatch(/Gr\u0435\u0430t/);
    expect(escapeHtml(text)).toBe(text);
  });
});
