import { createHash, randomBytes } from 'node:crypto';

/** An unguessable value for `state`, ids and PKCE: `bytes` random bytes in base64url. */
export function randomToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/** PKCE (RFC 7636) with S256: the verifier stays in main; the challenge goes in the authorize URL. */
export function pkcePair(): { readonly verifier: string; readonly challenge: string } {
  const verifier = randomToken(32);
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}
