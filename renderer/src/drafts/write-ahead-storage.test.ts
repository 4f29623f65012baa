import { describe, expect, it, vi } from 'vitest';
import { draftWriteAheadKey, type WriteAheadEntry } from '@shared/drafts/write-ahead-entry';
import { memoryStorage } from '../testing/memory-storage';
import { createWriteAheadStorage } from './write-ahead-storage';

const entry: WriteAheadEntry = {
  kind: 'draft',
  postId: 'demo|p1',
  accountId: 'demo',
  threadId: 'demo|t1',
  text: 'Saturday works',
  visibility: 'public',
  contentWarning: null,
  language: 'en',
  updatedAt: 1_000,
};
const KEY = draftWriteAheadKey('demo|p1');

describe('the write-ahead in the page storage', () => {
  it('writes, reads back, lists and clears entries by key', () => {
    const backing = memoryStorage({ 'slowpost:window': '{}' });
    const storage = createWriteAheadStorage(() => backing);
    const raw = storage.write(entry);
    expect(raw).toBe(JSON.stringify(entry));
    expect(storage.read(KEY)).toEqual({ entry, raw });
    expect(storage.keys()).toEqual([KEY]);
    storage.clear(KEY);
    expect(storage.read(KEY)).toBeNull();
    expect(backing.items.has('slowpost:window')).toBe(true);
  });

  it('clears an entry only if it is still the version that was stored', () => {
    const backing = memoryStorage();
    const storage = createWriteAheadStorage(() => backing);
    const first = storage.write(entry) ?? '';
    storage.write({ ...entry, text: 'Saturday works for me', updatedAt: 1_001 });
    storage.clear(KEY, first);
    expect(storage.read(KEY)?.entry).toMatchObject({ text: 'Saturday works for me' });
  });

  it('reports a corrupt entry once and leaves it where it is', () => {
    const backing = memoryStorage({ [KEY]: '{"kind":"draft","text":' });
    const report = vi.fn();
    const storage = createWriteAheadStorage(() => backing, report);
    expect(storage.read(KEY)).toBeNull();
    expect(storage.read(KEY)).toBeNull();
    expect(report).toHaveBeenCalledTimes(1);
    expect(report.mock.calls[0]?.[0]).toMatch(
      /Invalid write-ahead entry .*not JSON.*left as it is/,
    );
    expect(backing.items.get(KEY)).toBe('{"kind":"draft","text":');
  });

  it('never lets a refusing storage break typing: it reports and carries on', () => {
    const report = vi.fn();
    const broken = createWriteAheadStorage(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }, report);
    expect(broken.write(entry)).toBeNull();
    expect(broken.read(KEY)).toBeNull();
    expect(broken.keys()).toEqual([]);
    expect(() => broken.clear(KEY)).not.toThrow();
    expect(report).toHaveBeenCalledWith(expect.stringMatching(/could not keep a change/));
  });
});
