/**
 * The text of a field as it is typed, held outside React state: the field itself is left
 * uncontrolled, and only the parts that show something about the text (the counter, whether it
 * is empty or too long) subscribe to it, each for just what it shows. So a keystroke draws the
 * counter, not the whole editor around it.
 */
export interface TypedText {
  /** The text as it is now. */
  readonly get: () => string;
  /** Takes the field's new text and tells every subscriber, synchronously. */
  readonly set: (text: string) => void;
  readonly subscribe: (listener: () => void) => () => void;
}

export function createTypedText(initial: string): TypedText {
  let text = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => text,
    set(next) {
      if (next === text) return;
      text = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

/**
 * `work` remembering its last answer: asked again about the same text (several parts of the
 * editor asking about one keystroke), it answers without working it out again.
 */
export function lastAnswer<T>(work: (text: string) => T): (text: string) => T {
  let last: { readonly text: string; readonly answer: T } | null = null;
  return (text) => {
    if (last?.text !== text) last = { text, answer: work(text) };
    return last.answer;
  };
}
