import { describe, expect, it } from 'vitest';
import { readPastedCode } from './pasted-code';

const STATE = 'st-123';

describe('a pasted sign-in code', () => {
  it.each([
    ['the code alone', 'abc123', 'abc123'],
    ['with spaces and a line break around it', '  abc123\n', 'abc123'],
    ['as snac shows it', `abc123&state=${STATE}`, 'abc123'],
    ['as a code= pair', `code=abc123&state=${STATE}`, 'abc123'],
    [
      'the whole address the browser ended on',
      `http://127.0.0.1:4567/callback?code=abc123&state=${STATE}`,
      'abc123',
    ],
  ])('is read from %s', (_label, text, code) => {
    expect(readPastedCode(text, STATE)).toEqual({ ok: true, code });
  });

  it.each([
    ['', /does not look like a sign-in code/],
    ['two words', /does not look like a sign-in code/],
    ['http://127.0.0.1:4567/callback?state=st-123', /does not look like a sign-in code/],
    [`abc&state=other`, /belongs to another sign-in/],
    [`http://127.0.0.1:4567/callback?code=abc&state=other`, /belongs to another sign-in/],
    [`http://127.0.0.1:4567/callback?error=access_denied&state=${STATE}`, /You said no/],
    ['x'.repeat(1001), /does not look like a sign-in code/],
  ])('%j is refused, saying why', (text, reason) => {
    const read = readPastedCode(text, STATE);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.reason).toMatch(reason);
      expect(read.reason).not.toContain('abc');
    }
  });
});
