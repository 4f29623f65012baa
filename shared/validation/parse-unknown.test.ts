import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatPath, parseJsonText, parseUnknown } from './parse-unknown';

describe('parseUnknown', () => {
  const Schema = z.object({ people: z.array(z.object({ handle: z.string().min(1) })) });

  it('returns the parsed value when it is valid', () => {
    const parsed = parseUnknown(Schema, { people: [{ handle: 'ada' }] }, 'people list');
    expect(parsed).toEqual({ ok: true, value: { people: [{ handle: 'ada' }] } });
  });

  it('names every failing field with its path', () => {
    const parsed = parseUnknown(Schema, { people: [{ handle: 'ada' }, { handle: 3 }] }, 'people');
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.issues.map((i) => i.path)).toEqual(['people[1].handle']);
    expect(parsed.error).toMatch(/^Invalid people: people\[1\]\.handle: /);
  });

  it('explains a wrong root value', () => {
    const parsed = parseUnknown(Schema, 'nope', 'people');
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.issues[0]?.path).toBe('(root)');
  });

  it('formats nested paths', () => {
    expect(formatPath(['a', 0, 'b', 12])).toBe('a[0].b[12]');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('parseJsonText', () => {
  const Schema = z.object({ hash: z.string() });

  it('parses JSON text of the right shape', () => {
    expect(parseJsonText(Schema, '{"hash":"#a"}', 'address')).toEqual({
      ok: true,
      value: { hash: '#a' },
    });
  });

  it('says when the text is not JSON, and when its shape is wrong, never throwing', () => {
    const notJson = parseJsonText(Schema, '{nope', 'address');
    expect(notJson.ok ? '' : notJson.error).toBe('Invalid address: (root): not JSON');
    const wrong = parseJsonText(Schema, '{"hash":3}', 'address');
    expect(wrong.ok ? '' : wrong.error).toMatch(/^Invalid address: hash: /);
  });
});
