import { z } from 'zod';
import { VisibilitySchema } from './common';

/**
 * What a network (or one server of it) lets a reply do, so the composer offers only that and
 * counts like the server. Mastodon servers configure their own post limit and URL length
 * (`configuration.statuses.*` of the instance); Bluesky's are fixed by its lexicon.
 */
export const NetworkCapabilitiesSchema = z.object({
  /** A content warning (Mastodon's spoiler text) can be set. */
  contentWarning: z.boolean(),
  /** The audiences a reply may have, most open first. */
  visibilities: z.array(VisibilitySchema).min(1),
  /** The post's language can be set. */
  language: z.boolean(),
  postLimit: z.object({
    /** Characters (grapheme clusters) a post may have; a content warning counts against it. */
    graphemes: z.number().int().positive(),
    /** Every link counts as this many characters whatever its length, or null: as written. */
    charactersPerUrl: z.number().int().nonnegative().nullable(),
    /** A cap on UTF-8 bytes as well (Bluesky), or null. */
    bytes: z.number().int().positive().nullable(),
  }),
  /** Private conversations (Mastodon's `direct` visibility) exist on this network. */
  directMessages: z.boolean(),
});
export type NetworkCapabilities = z.infer<typeof NetworkCapabilitiesSchema>;

/** A Mastodon server that says nothing about itself: Mastodon's own defaults. */
export const MASTODON_DEFAULT_CAPABILITIES: NetworkCapabilities = {
  contentWarning: true,
  visibilities: ['public', 'unlisted', 'private', 'direct'],
  language: true,
  postLimit: { graphemes: 500, charactersPerUrl: 23, bytes: null },
  directMessages: true,
};

/** Bluesky: public posts of at most 300 graphemes and 3,000 bytes, links as written. */
export const BLUESKY_CAPABILITIES: NetworkCapabilities = {
  contentWarning: false,
  visibilities: ['public'],
  language: true,
  postLimit: { graphemes: 300, charactersPerUrl: null, bytes: 3000 },
  directMessages: false,
};
