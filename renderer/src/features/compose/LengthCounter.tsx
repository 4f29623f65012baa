import type { LengthCount } from '../../../../shared/text/length-counter';

/**
 * How much room is left, counted the way the network counts (Mastodon: characters, the content
 * warning included; Bluesky: graphemes). Announced to screen readers only when it goes over.
 */
export function LengthCounter({ count }: { readonly count: LengthCount }) {
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
}
