import { describe, expect, it } from 'vitest';
import { unsavedWritingLine } from './unsaved-wording';

const KEPT =
  'could not be saved yet. Everything you wrote is kept on this computer, and Slowpost will try again.';

describe('the line about writing the store has not taken', () => {
  it('says nothing while nothing fails (a write that is merely pending is not news)', () => {
    expect(unsavedWritingLine([])).toBeNull();
    expect(unsavedWritingLine([{ kind: 'draft', phase: 'pending' }])).toBeNull();
  });

  it('says what could not be saved, that it is kept, and that it will be tried again', () => {
    expect(unsavedWritingLine([{ kind: 'draft', phase: 'failed' }])).toBe(`A draft ${KEPT}`);
    expect(
      unsavedWritingLine([
        { kind: 'draft', phase: 'failed' },
        { kind: 'draft', phase: 'failed' },
      ]),
    ).toBe(`Some of your drafts ${KEPT}`);
    expect(unsavedWritingLine([{ kind: 'note', phase: 'failed' }])).toBe(
      `Your notes about someone ${KEPT}`,
    );
    expect(
      unsavedWritingLine([
        { kind: 'note', phase: 'failed' },
        { kind: 'note', phase: 'failed' },
      ]),
    ).toBe(`Some of your notes ${KEPT}`);
    expect(
      unsavedWritingLine([
        { kind: 'note', phase: 'failed' },
        { kind: 'draft', phase: 'failed' },
        { kind: 'draft', phase: 'pending' },
      ]),
    ).toBe(`Some of your drafts and notes ${KEPT}`);
  });
});
