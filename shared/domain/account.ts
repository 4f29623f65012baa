import { z } from 'zod';
import { NetworkCapabilitiesSchema } from './capabilities';
import { IdSchema, InstantSchema, NetworkSchema } from './common';

export const AccountSchema = z.object({
  id: IdSchema,
  network: NetworkSchema,
  /** `@alice@example.social`, `alice.bsky.social`, `@you (demo)`. */
  handle: z.string().min(1),
  displayName: z.string(),
  /** The one origin this account's requests may go to, e.g. `https://example.social`. */
  serverOrigin: z.string().url(),
  /** The user's own id on the network: a Mastodon account id or an AT Protocol DID. */
  networkUserId: z.string().min(1),
  isDemo: z.boolean(),
  addedAt: InstantSchema,
  /** Opaque connector cursor: everything up to it has been stored. */
  syncCursor: z.string().nullable(),
  lastSyncedAt: InstantSchema.nullable(),
  /**
   * The server's post length limit when known (a Mastodon instance's
   * `configuration.statuses.max_characters`); absent means the network's default.
   */
  postLimit: z.number().int().positive().optional(),
  /**
   * What the account's server lets a reply do (post limit, URL length, audiences…), as its
   * connector last read it at a sync; absent until then (the network's defaults apply).
   */
  capabilities: NetworkCapabilitiesSchema.optional(),
  /**
   * Why the server no longer accepts this account's sign-in (a revoked token), in its words; set
   * by a sync the server refused, cleared by a sync it accepts (after signing in again).
   */
  signInProblem: z.string().nullable().optional(),
  /** When the people the user follows were last read from the network (they pass the screener). */
  followingReadAt: InstantSchema.optional(),
  /**
   * The newest activity a finished session showed (the network's id and when it happened): the
   * network is told the user has seen everything up to it (`Connector.markSeen`).
   */
  seenUpTo: z.object({ networkId: z.string().min(1), createdAt: InstantSchema }).optional(),
  /** The activity (network id) the network last confirmed as seen. */
  seenToldUpTo: z.string().min(1).optional(),
});
export type Account = z.infer<typeof AccountSchema>;
