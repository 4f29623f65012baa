import { describe, expect, it } from 'vitest';
import type { Post } from '../domain/post';
import { isScreenedOut } from './screened-out';

const post = (isOwn: boolean, suspicious: boolean | null): Post =>
  ({
    isOwn,
    screen: suspicious === null ? null : { suspicious, reasons: [] },
  }) as unknown as Post;

describe('isScreenedOut', () => {
  it('hides everything from people kept out, and flagged posts from people not let in', () => {
    expect(isScreenedOut(post(false, false), 'kept-out')).toBe(true);
    expect(isScreenedOut(post(false, true), 'unknown')).toBe(true);
    expect(isScreenedOut(post(false, true), 'let-in')).toBe(false);
    expect(isScreenedOut(post(false, false), 'unknown')).toBe(false);
    expect(isScreenedOut(post(false, null), 'unknown')).toBe(false);
    expect(isScreenedOut(post(true, true), 'kept-out')).toBe(false);
  });
});
