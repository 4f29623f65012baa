import type { z } from 'zod';
import { readSettingRecord, type SettingReading } from '@shared/settings/read-setting-record';
import { ALL_SETTINGS, type SettingDefinition } from '@shared/settings/setting-definitions';
import { parseUnknown } from '@shared/validation/parse-unknown';
import type { SlowpostDb } from '../database';

/**
 * Reads a setting. A stored value that cannot be read is not used: the setting's safe fallback
 * is (see `SettingDefinition.whenUnreadable`), and `settingProblems` tells the user.
 */
export async function readSetting<S extends z.ZodType>(
  db: SlowpostDb,
  definition: SettingDefinition<S>,
): Promise<z.output<S>> {
  return (await readSettingWithProblem(db, definition)).value;
}

export async function readSettingWithProblem<S extends z.ZodType>(
  db: SlowpostDb,
  definition: SettingDefinition<S>,
): Promise<SettingReading<z.output<S>>> {
  const record: unknown = await db.settings.get(definition.key);
  return readSettingRecord(definition, record);
}

/** A setting the app could not read, in words the user can act on. */
export interface SettingProblem {
  readonly key: string;
  readonly about: string;
  readonly meanwhile: string;
  readonly detail: string;
}

/** Every stored setting that cannot be read now (the app uses a safe value meanwhile). */
export async function settingProblems(db: SlowpostDb): Promise<SettingProblem[]> {
  const records: unknown[] = await db.settings.bulkGet(ALL_SETTINGS.map((d) => d.key));
  return ALL_SETTINGS.flatMap((definition, index) => {
    const { problem } = readSettingRecord<z.ZodType>(definition, records[index]);
    return problem === null
      ? []
      : [
          {
            key: definition.key,
            about: definition.about,
            meanwhile: definition.meanwhile,
            detail: problem,
          },
        ];
  });
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
