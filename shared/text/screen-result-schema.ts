import { z } from 'zod';
import type { ReasonCode, ScreenResult } from './spam-signals';

/** Every reason the spam screen can give; checked against the `ReasonCode` type below. */
export const REASON_CODES = [
  'mixed-script-word',
  'lookalike-word',
  'link-stuffed',
  'bare-link',
  'shortened-link',
  'hidden-characters',
  'profile-bait',
  'off-platform-contact',
  'money-bait',
  'flood',
] as const satisfies readonly ReasonCode[];

type Missing = Exclude<ReasonCode, (typeof REASON_CODES)[number]>;
const allCodesListed: Missing extends never ? true : Missing = true;
void allCodesListed;

/** A screen verdict as it is stored with a post (computed once, when the post arrives). */
export const ScreenResultSchema = z.object({
  suspicious: z.boolean(),
  reasons: z.array(
    z.object({
      code: z.enum(REASON_CODES),
      severity: z.enum(['strong', 'weak']),
      message: z.string(),
      evidence: z.array(z.string()),
    }),
  ),
});

// The stored shape and the screen's own result type must stay the same.
const sameShape: z.infer<typeof ScreenResultSchema> extends ScreenResult ? true : false = true;
void sameShape;
