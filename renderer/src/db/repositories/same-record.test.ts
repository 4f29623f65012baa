import { describe, expect, it } from 'vitest';
import { sameRecord } from './same-record';

describe('sameRecord', () => {
  it('compares stored records deeply, ignoring key order', () => {
    expect(sameRecord({ a: 1, b: { c: [1, null] } }, { b: { c: [1, null] }, a: 1 })).toBe(true);
    expect(sameRecord({ a: 1, b: { c: [1, null] } }, { a: 1, b: { c: [1, 2] } })).toBe(false);
    expect(sameRecord(undefined, { a: 1 })).toBe(false);
    expect(sameRecord([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });

  it('tells a missing key from one set to undefined', () => {
    expect(sameRecord({ a: 1 }, { a: 1, b: undefined })).toBe(false);
    expect(sameRecord({ a: 1, c: 2 }, { a: 1, b: undefined })).toBe(false);
  });
});
