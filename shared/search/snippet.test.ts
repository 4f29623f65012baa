import { describe, expect, it } from 'vitest';
import { parseQuery } from '../text/search-terms';
import { snippetParts } from './snippet';

const joined = (parts: { text: string; mark: boolean }[]) =>
  parts.map((p) => (p.mark ? `[${p.text}]` : p.text)).join('');

describe('snippetParts', () => {
  it('keeps a short text whole, the matching words marked', () => {
    expect(joined(snippetParts('See you at the  café\ntomorrow', parseQuery('cafe')))).toBe(
      'See you at the [café] tomorrow',
    );
  });

  it('cuts a long text around the first match, at spaces', () => {
    const text = `${'word '.repeat(60)}the sourdough starter ${'more '.repeat(60)}`;
    const out = joined(snippetParts(text, parseQuery('sourdough'), 60));
    expect(out).toMatch(/^….*\[sourdough\].*…$/);
    expect(out.length).toBeLessThan(70);
    expect(out).not.toMatch(/ wor…|…ord /);
  });
});
