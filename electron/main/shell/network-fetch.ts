import { session } from 'electron';
import type { FetchLike } from '../services/network-gateway';

/**
 * How main reaches the user's servers: Chromium's network stack (the system's proxy settings and
 * certificates) in a session of its own, kept in memory and without a cache, so nothing a server
 * sets (cookies above all) is shared with the app's page or kept on disk.
 */
export function networkSessionFetch(): FetchLike {
  const network = session.fromPartition('slowpost-network', { cache: false });
  return (input, init) => network.fetch(input instanceof URL ? input.href : input, init);
}

/**
 * How main fetches people's pictures: Chromium's network stack too, but in a session of its own
 * (in memory, no cache), so a picture's server never sees the cookies the user's servers set.
 */
export function avatarSessionFetch(): FetchLike {
  const pictures = session.fromPartition('slowpost-avatars', { cache: false });
  return (input, init) => pictures.fetch(input instanceof URL ? input.href : input, init);
}
