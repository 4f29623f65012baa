import type { z } from 'zod';
import { SettingRecordSchema } from '../domain/setting';
import { parseUnknown } from '../validation/parse-unknown';
import type { SettingDefinition } from './setting-definitions';

/** A setting as the app may use it, and why the stored one could not be used, if it could not. */
export interface SettingReading<T> {
  readonly value: T;
  /** Null when the stored value was used (or nothing was stored yet). */
  readonly problem: string | null;
}

/**
 * Reads a stored setting record (as it came out of the store: unknown). Nothing stored: the
 * default. A record that does not parse, or was written by a newer version of Slowpost, is not
 * used: the reading says why, and carries the definition's `whenUnreadable` value.
 */
export function readSettingRecord<S extends z.ZodType>(
  definition: SettingDefinition<S>,
  record: unknown,
): SettingReading<z.output<S>> {
  if (record === undefined) return { value: definition.defaultValue, problem: null };
  const fallback = definition.whenUnreadable ?? definition.defaultValue;
  const stored = parseUnknown(SettingRecordSchema, record, `setting "${definition.key}"`);
  if (!stored.ok) return { value: fallback, problem: stored.error };
  if (stored.value.version > definition.version) {
    return {
      value: fallback,
      problem: `It was saved by a newer version of Slowpost (format ${stored.value.version}; this version reads format ${definition.version}).`,
    };
  }
  const parsed = parseUnknown(definition.schema, stored.value.value, `setting "${definition.key}"`);
  return parsed.ok
    ? { value: parsed.value, problem: null }
    : { value: fallback, problem: parsed.error };
}
