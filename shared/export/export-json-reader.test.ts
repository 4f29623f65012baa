import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ExportJsonReader, readExportJson } from './export-json-reader';

/** Feeds `text` to a reader in pieces cut at `cuts` (positions), and returns what it read. */
function readInPieces(text: string, cuts: readonly number[]): unknown {
  const reader = new ExportJsonReader();
  let at = 0;
  for (const cut of [...cuts].sort((a, b) => a - b)) {
    reader.push(text.slice(at, cut));
    at = cut;
  }
  reader.push(text.slice(at));
  return reader.end();
}

/** Strings with what breaks a naive splitter: quotes, backslashes, brackets, emoji, escapes. */
const awkwardString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '"',
    '\\',
    '\\"',
    '{',
    '}',
    '[',
    ']',
    ',',
    ':',
    '🌱 seedlings',
    'é\u0301',
    '\n\t',
    '\u2028',
  ),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    awkwardString,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(awkwardString, tie('value'), { maxKeys: 4 }),
  ),
}));
const exportShaped = fc.record({
  format: fc.constant('slowpost-export'),
  version: fc.integer({ min: 0, max: 3 }),
  exportedAt: fc.integer({ min: 0 }),
  tables: fc.dictionary(
    fc.oneof(fc.constantFrom('posts', 'people', 'drafts'), awkwardString),
    fc.array(fc.oneof(json.value, fc.dictionary(awkwardString, json.value)), { maxLength: 6 }),
  ),
  extra: json.value,
});

describe('reading an export a chunk at a time', () => {
  it('gives exactly what JSON.parse of the whole text gives, however the text is cut and spaced', () => {
    fc.assert(
      fc.property(
        exportShaped,
        fc.constantFrom(undefined, 2, '\t'),
        fc.array(fc.nat(), { maxLength: 12 }),
        (file, indent, cuts) => {
          const text = JSON.stringify(file, null, indent);
          const read = readInPieces(
            text,
            cuts.map((c) => c % (text.length + 1)),
          );
          expect(read).toEqual(JSON.parse(text));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reads one character at a time', () => {
    const text = JSON.stringify({
      format: 'slowpost-export',
      tables: { posts: [{ id: 'a', text: 'say "hi" \\ {not a brace} [nor this]' }, 12, 'x'] },
      version: 1,
    });
    const reader = new ExportJsonReader();
    for (const c of text) reader.push(c);
    expect(reader.end()).toEqual(JSON.parse(text));
  });

  it('keeps a name "__proto__" as a plain property, as JSON.parse does', () => {
    const text = '{"__proto__":{"polluted":true},"tables":{"__proto__":[1]}}';
    const read = readInPieces(text, [3, 20]) as Record<string, unknown>;
    expect(Object.getPrototypeOf(read)).toBe(Object.prototype);
    expect(Object.keys(read)).toEqual(['__proto__', 'tables']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(read.tables as object)).toEqual(['__proto__']);
  });

  it.each([
    ['a truncated file', '{"format":"slowpost-export","tables":{"posts":[{"id":"a"'],
    ['a file that stops after a record', '{"tables":{"posts":[{"id":"a"},'],
    ['a broken record', '{"tables":{"posts":[{"id":"a",}]}}'],
    ['a trailing comma in a list', '{"tables":{"posts":[1,]}}'],
    ['a missing colon', '{"tables" {}}'],
    ['text after the end', '{"tables":{}} {}'],
    ['a bare word', '{"version":one}'],
    ['nothing at all', ''],
  ])('refuses %s with a SyntaxError', (_, text) => {
    expect(() => readInPieces(text, [5, 17])).toThrow(SyntaxError);
    expect(() => JSON.parse(text) as unknown).toThrow(SyntaxError);
  });

  it('refuses a file that is not one object (JSON, but not an export)', () => {
    expect(() => readInPieces('[{"tables":{}}]', [3])).toThrow(
      /one JSON object, as every export is/,
    );
  });

  it('says where a broken record begins', () => {
    expect(() => readInPieces('{"tables":{"posts":[{"id":1},{"id":}]}}', [])).toThrow(
      /at character 29/,
    );
  });

  it('reads from a stream of chunks', async () => {
    async function* chunks() {
      yield '{"format":"slowpost-export","tab';
      yield 'les":{"posts":[{"id":"p1"},{"id":"p2"}]},"version":1}';
    }
    expect(await readExportJson(chunks())).toEqual({
      format: 'slowpost-export',
      tables: { posts: [{ id: 'p1' }, { id: 'p2' }] },
      version: 1,
    });
  });
});
