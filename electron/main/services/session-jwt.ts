import { z } from 'zod';

/**
 * What a Bluesky session JWT says about itself, read without checking its signature (only its
 * server can; Slowpost reads it to know when it expires and what kind of session it is). Never
 * logged; an unreadable token gives nulls, and the server then decides.
 */
const ClaimsSchema = z.object({
  exp: z.number().optional(),
  scope: z.string().optional(),
});

export interface SessionClaims {
  /** Epoch milliseconds; null when the token does not say. */
  readonly expiresAt: number | null;
  /** `com.atproto.appPass`, `com.atproto.appPassPrivileged`, `com.atproto.access`…; or null. */
  readonly scope: string | null;
}

export function readSessionClaims(jwt: string): SessionClaims {
  const payload = jwt.split('.')[1];
  if (payload === undefined) return { expiresAt: null, scope: null };
  try {
    const parsed = ClaimsSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString()));
    if (!parsed.success) return { expiresAt: null, scope: null };
    return {
      expiresAt: parsed.data.exp === undefined ? null : Math.round(parsed.data.exp * 1000),
      scope: parsed.data.scope ?? null,
    };
  } catch {
    return { expiresAt: null, scope: null };
  }
}

/** The scope of a session made with the account's own password (full access). */
export const ACCOUNT_PASSWORD_SCOPE = 'com.atproto.access';
