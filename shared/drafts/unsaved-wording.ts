/** One piece of writing the store has not taken yet. */
export interface UnsavedWriting {
  readonly kind: 'draft' | 'note';
  readonly phase: 'pending' | 'failed';
}

/**
 * The calm line the app shows while the store refuses something the user wrote (seen after
 * leaving the composer): what it is, that it is kept, and that it will be tried again. Null while
 * nothing is failing (a write that is merely pending is not worth a word).
 */
export function unsavedWritingLine(writing: readonly UnsavedWriting[]): string | null {
  const failing = writing.filter((w) => w.phase === 'failed');
  const drafts = failing.filter((w) => w.kind === 'draft').length;
  const notes = failing.length - drafts;
  if (failing.length === 0) return null;
  const what =
    drafts > 0 && notes > 0
      ? 'Some of your drafts and notes'
      : drafts > 1
        ? 'Some of your drafts'
        : drafts === 1
          ? 'A draft'
          : notes > 1
            ? 'Some of your notes'
            : 'Your notes about someone';
  return `${what} could not be saved yet. Everything you wrote is kept on this computer, and Slowpost will try again.`;
}
