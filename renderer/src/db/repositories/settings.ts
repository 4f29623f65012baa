import type { z } from 'zod';
import type { SettingDefinition } from '../../../../shared/settings/setting-definitions';
import { parseUnknown } from '../../../../shared/validation/parse-unknown';
import type { SlowpostDb } from '../database';

/** Reads a setting, falling back to its default (with a logged reason) when the stored value is bad. */
export async function readSetting<S extends z.ZodType>(
  db: SlowpostDb,
  definition: SettingDefinition<S>,
  log: (message: string) => void = (m) => console.warn(m),
): Promise<z.output<S>> {
  const record = await db.settings.get(definition.key);
  if (record === undefined) return definition.defaultValue;
  const parsed = parseUnknown(definition.schema, record.value, `setting "${definition.key}"`);
  if (!parsed.ok) {
    log(`${parsed.error}; using the default`);
    return definition.defaultValue;
  }
  return parsed.value;
}

/** Writes a setting after checking it against its schema; a bad value is refused with the reason. */
export async function writeSetting<S extends z.ZodType>(
  db: SlowpostDb,
  definition: SettingDefinition<S>,
  value: unknown,
  now: number,
): Promise<z.output<S>> {
  const parsed = parseUnknown(definition.schema, value, `setting "${definition.key}"`);
  if (!parsed.ok) throw new Error(parsed.error);
  await db.settings.put({
    key: definition.key,
    version: definition.version,
    value: parsed.value,
    updatedAt: now,
  });
  return parsed.value;
}
