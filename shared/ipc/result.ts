import { z } from 'zod';
import type { ValidationIssue } from '../validation/parse-unknown';

/** Why a bridge call failed. `bad-sender` and `bad-input` are the caller's fault; `failed` is ours. */
export const BridgeErrorSchema = z.object({
  code: z.enum(['bad-sender', 'unknown-channel', 'bad-input', 'bad-output', 'failed']),
  message: z.string(),
  issues: z.array(z.object({ path: z.string(), message: z.string() })),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

export type BridgeResult<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: BridgeError };

export function bridgeFailure(
  code: BridgeError['code'],
  message: string,
  issues: readonly ValidationIssue[] = [],
): BridgeResult<never> {
  return { ok: false, error: { code, message, issues: [...issues] } };
}
