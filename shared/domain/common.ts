import { z } from 'zod';

/** Epoch milliseconds (UTC). All instants in the store are numbers, so they index and sort cheaply. */
export const InstantSchema = z.number().int().nonnegative();

export const NetworkSchema = z.enum(['demo', 'mastodon', 'bluesky']);
export type Network = z.infer<typeof NetworkSchema>;

/** Local ids are strings: `${accountId}|${networkId}` for things that come from a network. */
export const IdSchema = z.string().min(1).max(2048);

export function localId(accountId: string, networkId: string): string {
  return `${accountId}|${networkId}`;
}

/** Mastodon's four levels; Bluesky posts are always public. */
export const VisibilitySchema = z.enum(['public', 'unlisted', 'private', 'direct']);
export type Visibility = z.infer<typeof VisibilitySchema>;

/** BCP 47 language tag as networks send it (`en`, `pt-BR`), or null when unknown. */
export const LanguageSchema = z
  .string()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'expected a language tag such as "en" or "pt-BR"');
