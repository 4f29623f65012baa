import { describe, expect, it } from 'vitest';
import {
  draftWriteAheadKey,
  isWriteAheadKey,
  noteWriteAheadKey,
  readWriteAheadEntry,
  writeAheadKeyOf,
  type WriteAheadEntry,
} from './write-ahead-entry';

const draft: WriteAheadEntry = {
  kind: 'draft',
  postId: 'demo|p1',
  accountId: 'demo',
  threadId: 'demo|t1',
  text: 'Saturday works for me.',
  visibility: 'public',
  contentWarning: null,
  language: 'en',
  updatedAt: 1_700_000_000_000,
};
const note: WriteAheadEntry = {
  kind: 'note',
  personId: 'demo|ada',
  notes: 'Met at the SummitUp conference',
  updatedAt: 1_700_000_000_500,
};

describe('write-ahead entries', () => {
  it('live under one key per draft and per person, all with the same prefix', () => {
    expect(writeAheadKeyOf(draft)).toBe('slowpost:wal:draft:demo|p1');
    expect(writeAheadKeyOf(note)).toBe('slowpost:wal:note:demo|ada');
    expect(draftWriteAheadKey('demo|p1')).toBe(writeAheadKeyOf(draft));
    expect(noteWriteAheadKey('demo|ada')).toBe(writeAheadKeyOf(note));
    expect(isWriteAheadKey(writeAheadKeyOf(note))).toBe(true);
    expect(isWriteAheadKey('slowpost:window')).toBe(false);
  });

  it('read back exactly what was written', () => {
    for (const entry of [draft, note]) {
      expect(readWriteAheadEntry(writeAheadKeyOf(entry), JSON.stringify(entry))).toEqual({
        ok: true,
        entry,
      });
    }
  });

  it('keep a language tag as typed (the store checks it when it saves, the text is not lost)', () => {
    const odd = { ...draft, language: 'en_US' };
    expect(readWriteAheadEntry(writeAheadKeyOf(odd), JSON.stringify(odd))).toEqual({
      ok: true,
      entry: odd,
    });
  });

  it.each([
    ['not JSON', '{"kind":"draft",', /not JSON/],
    ['no kind', JSON.stringify({ ...draft, kind: undefined }), /kind/],
    ['text not a string', JSON.stringify({ ...draft, text: 42 }), /text: /],
    ['an unknown visibility', JSON.stringify({ ...draft, visibility: 'everyone' }), /visibility/],
    ['a negative time', JSON.stringify({ ...draft, updatedAt: -1 }), /updatedAt/],
    ['an extra field', JSON.stringify({ ...draft, sneaky: true }), /sneaky|unrecognized/i],
    ['null', 'null', /\(root\)/],
  ])('refuse %s, with the reason', (_label, raw, reason) => {
    const read = readWriteAheadEntry(writeAheadKeyOf(draft), raw);
    expect(read.ok).toBe(false);
    if (!read.ok) {
      expect(read.error).toMatch(/^Invalid write-ahead entry slowpost:wal:draft:demo\|p1/);
      expect(read.error).toMatch(reason);
    }
  });

  it('refuse an entry found under another key', () => {
    const read = readWriteAheadEntry(draftWriteAheadKey('demo|p2'), JSON.stringify(draft));
    expect(read).toEqual({
      ok: false,
      error: 'Invalid write-ahead entry slowpost:wal:draft:demo|p2: it belongs under another key',
    });
  });
});
