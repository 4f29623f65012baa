import { describe, expect, it } from 'vitest';
import type { PersonLink } from '../domain';
import { combineNotes, mergePersonLinkRecord } from './merge-records';

describe('combineNotes', () => {
  it('keeps both, the stored first, each once', () => {
    expect(combineNotes('Owes me a book.', 'Likes long letters.')).toBe(
      'Owes me a book.\n\nLikes long letters.',
    );
    const both = combineNotes('Owes me a book.', 'Likes long letters.');
    expect(combineNotes(both, 'Likes long letters.')).toBe(both);
    expect(combineNotes('', 'Likes long letters.')).toBe('Likes long letters.');
    expect(combineNotes('Owes me a book.', '   ')).toBe('Owes me a book.');
    expect(combineNotes('Привет, Ωμέγα — 東京で会った', '東京で会った')).toBe(
      'Привет, Ωμέγα — 東京で会った',
    );
  });
});

describe('mergePersonLinkRecord', () => {
  const link = (notes: string, keepInTouchDays: number | null): PersonLink => ({
    id: 'a|1+b|2',
    personIds: ['a|1', 'b|2'],
    notes,
    keepInTouchDays,
    linkedAt: 1,
  });
  it('adds a link the store lacks; merges notes and fills a blank cadence; else leaves it', () => {
    expect(mergePersonLinkRecord(undefined, link('x', 7))).toEqual(link('x', 7));
    expect(mergePersonLinkRecord(link('here', null), link('there', 14))).toEqual(
      link('here\n\nthere', 14),
    );
    expect(mergePersonLinkRecord(link('here', 30), link('here', 14))).toBeNull();
  });
});
