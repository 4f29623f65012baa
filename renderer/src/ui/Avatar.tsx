import { memo, useState } from 'react';
import { useAvatar } from '../avatars/use-avatar';
import { initialOf, toneOf } from './avatar-initial';

interface Props {
  /** The name shown next to it (its first letter is the placeholder). */
  readonly name: string;
  /** The person's avatar URL from their network; never loaded by the page, only asked of main. */
  readonly url: string | null | undefined;
  readonly size?: 'small' | 'medium' | 'large';
  readonly className?: string;
}

/**
 * A person's face: their picture as main stored it (served from the app's own origin), or a calm
 * initial on a tone chosen from their name when there is none (offline, not fetched yet, refused).
 * Always beside the person's name, so it is hidden from screen readers: it would only repeat it.
 */
export const Avatar = memo(function Avatar({ name, url, size = 'medium', className }: Props) {
  const avatar = useAvatar(url);
  // The picture may still fail (removed from disk): the placeholder takes its place.
  const [brokenSrc, setBrokenSrc] = useState<string | null>(null);
  const src = avatar.status === 'stored' && avatar.src !== brokenSrc ? avatar.src : null;
  const classes = `avatar avatar--${size}${className === undefined ? '' : ` ${className}`}`;
  if (src !== null) {
    return (
      <span className={classes} aria-hidden="true">
        <img
          className="avatar__image"
          src={src}
          alt=""
          decoding="async"
          draggable={false}
          onError={() => setBrokenSrc(src)}
        />
      </span>
    );
  }
  return (
    <span
      className={`${classes} avatar--placeholder avatar--tone-${toneOf(name)}`}
      aria-hidden="true"
      // Drawn by CSS from the attribute: the row's text stays the person's name and message.
      data-initial={initialOf(name)}
    />
  );
});
