import { z } from 'zod';
import { InstantSchema } from './common';

/**
 * Settings are versioned records: each key has its own schema (see shared/settings), and `version`
 * lets a later release migrate a value it finds written by an earlier one.
 */
export const SettingRecordSchema = z.object({
  key: z.string().min(1),
  version: z.number().int().positive(),
  value: z.unknown(),
  updatedAt: InstantSchema,
});
export type SettingRecord = z.infer<typeof SettingRecordSchema>;
