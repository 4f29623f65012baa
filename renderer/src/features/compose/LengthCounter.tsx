import { memo } from 'react';
import type { LengthCount } from '@shared/text/length-counter';
import type { TypedText } from './typed-text';
import { useTyped } from './use-typed';

interface Props {
  readonly typed: TypedText;
  /** Counts a text as the account's network does (remembering its last answer). */
  readonly countOf: (text: string) => LengthCount;
}

/**
 * How much room is left, counted the way the network counts (Mastodon: characters, the content
 * warning included; Bluesky: graphemes). Announced to screen readers only when it goes over.
 * The one part of the editor a keystroke draws again.
 */
export const LengthCounter = memo(function LengthCounter({ typed, countOf }: Props) {
  const count = useTyped(typed, countOf);
  const overBytes = count.bytes !== undefined && count.bytes.used > count.bytes.limit;
  let text: string;
  if (count.remaining < 0) text = `${-count.remaining} ${count.unit} over the limit`;
  else if (overBytes) text = 'Too long for Bluesky: too many emoji or symbols';
  else text = `${count.remaining} ${count.unit} left`;
  return (
    <p
      className={`counter${count.over ? ' counter--over' : ''}`}
      id="reply-counter"
      aria-live={count.over ? 'polite' : 'off'}
    >
      {text}
    </p>
  );
});
