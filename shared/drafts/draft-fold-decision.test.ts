import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decideDraftFold, isUntouchedDraft, type DraftFoldFacts } from './draft-fold-decision';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

const start = { visibility: 'public', contentWarning: null, language: 'en' } as const;
const version = { ...start, text: 'Saturday works for me.', updatedAt: 1_000 };
const nothingStored: DraftFoldFacts = {
  stored: undefined,
  queuedAt: null,
  start,
  accountExists: true,
};

describe('folding a version of a draft into the store', { timeout: HEAVY_TEST_MS }, () => {
  it('stores a version when nothing is stored, or something older', () => {
    expect(decideDraftFold(version, nothingStored)).toEqual({ action: 'put' });
    expect(decideDraftFold(version, { ...nothingStored, stored: { updatedAt: 999 } })).toEqual({
      action: 'put',
    });
    // The same version again (stored, then the write-ahead was not cleared yet) is harmless.
    expect(decideDraftFold(version, { ...nothingStored, stored: { updatedAt: 1_000 } })).toEqual({
      action: 'put',
    });
  });

  it('never replaces a newer stored draft with an older version', () => {
    expect(decideDraftFold(version, { ...nothingStored, stored: { updatedAt: 1_001 } })).toEqual({
      action: 'drop',
      reason: 'a newer version of the draft is stored',
    });
  });

  it('never brings back a reply that went to the outbox after it was typed', () => {
    expect(decideDraftFold(version, { ...nothingStored, queuedAt: 1_000 })).toMatchObject({
      action: 'drop',
      reason: 'the reply went to the outbox after this was written',
    });
    // Typed again after an earlier reply was queued: a new draft.
    expect(decideDraftFold(version, { ...nothingStored, queuedAt: 999 })).toEqual({
      action: 'put',
    });
  });

  it('drops a draft whose account was removed', () => {
    expect(decideDraftFold(version, { ...nothingStored, accountExists: false })).toMatchObject({
      action: 'drop',
    });
  });

  it('removes a draft emptied back to how it started, and keeps one whose settings changed', () => {
    expect(decideDraftFold({ ...version, text: '  ' }, nothingStored)).toEqual({
      action: 'delete',
    });
    expect(decideDraftFold({ ...version, text: '', visibility: 'private' }, nothingStored)).toEqual(
      { action: 'put' },
    );
    expect(decideDraftFold({ ...version, text: '', language: null }, nothingStored)).toEqual({
      action: 'put',
    });
  });

  it('keeps text even when the post it answers is gone', () => {
    expect(decideDraftFold(version, { ...nothingStored, start: null })).toEqual({
      action: 'put',
    });
    expect(isUntouchedDraft({ ...version, text: '', visibility: 'direct' }, null)).toBe(true);
  });

  it('a version is written only if it is at least as new as everything stored (property)', () => {
    fc.assert(
      fc.property(
        fc.nat(),
        fc.option(fc.nat(), { nil: undefined }),
        fc.option(fc.nat(), { nil: null }),
        fc.string(),
        (updatedAt, storedAt, queuedAt, text) => {
          const decision = decideDraftFold(
            { ...version, text, updatedAt },
            {
              ...nothingStored,
              stored: storedAt === undefined ? undefined : { updatedAt: storedAt },
              queuedAt,
            },
          );
          if (decision.action !== 'drop') {
            expect(storedAt === undefined || storedAt <= updatedAt).toBe(true);
            expect(queuedAt === null || queuedAt < updatedAt).toBe(true);
          }
        },
      ),
    );
  });
});
