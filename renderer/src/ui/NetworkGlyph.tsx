import type { Network } from '@shared/domain';

/** A small shape per network, so marks tell networks apart without relying on colour. */
export function NetworkGlyph({ network }: { readonly network: Network }) {
  return (
    <svg className="account-mark__glyph" viewBox="0 0 12 12" aria-hidden="true" focusable="false">
      {network === 'bluesky' ? (
        // Two wings.
        <path d="M6 5.2C5 3 2.6 1.6 1.4 2.1.4 2.6 1 5.6 3.6 6.2 1.8 6.8 2.2 9.6 3.9 9.6 5 9.6 5.7 8 6 7c.3 1 1 2.6 2.1 2.6 1.7 0 2.1-2.8.3-3.4C11 5.6 11.6 2.6 10.6 2.1 9.4 1.6 7 3 6 5.2Z" />
      ) : network === 'mastodon' ? (
        // A speech bubble.
        <path d="M2.5 1.5h7a1.5 1.5 0 0 1 1.5 1.5v4.5A1.5 1.5 0 0 1 9.5 9H5l-2.5 2V9A1.5 1.5 0 0 1 1 7.5V3a1.5 1.5 0 0 1 1.5-1.5Z" />
      ) : (
        <circle cx="6" cy="6" r="4" />
      )}
    </svg>
  );
}
