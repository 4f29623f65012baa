import { z } from 'zod';
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
});
export type Account = z.infer<typeof AccountSchema>;
