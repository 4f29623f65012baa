import { z } from 'zod';

/**
 * Every setting the app stores: its key, the current version of its value, the schema, and the
 * value used until the user changes it. A value that does not parse (hand-edited, or written by a
 * newer release) is reported and replaced by the default, never used as is.
 */
export interface SettingDefinition<S extends z.ZodType> {
  readonly key: string;
  readonly version: number;
  readonly schema: S;
  readonly defaultValue: z.output<S>;
}

function define<S extends z.ZodType>(definition: SettingDefinition<S>): SettingDefinition<S> {
  return definition;
}

/** Whether the built-in demo network is in the inbox. `absent` means first run: load it. */
export const DemoSetting = define({
  key: 'demo',
  version: 1,
  schema: z.object({
    state: z.enum(['absent', 'active', 'removed']),
    /** The instant the demo's timeline is built around (first run), so it stays the same data. */
    anchor: z.number().int().nonnegative().nullable(),
  }),
  defaultValue: { state: 'absent', anchor: null },
});
