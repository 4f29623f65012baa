import { z } from 'zod';

/**
 * The one contract between the renderer and the main process. Each channel is `domain:verb`, with
 * a schema for what the renderer sends and one for what main answers. Types come from these
 * schemas; nothing is typed twice. Main parses every request; the renderer parses every response.
 */

const NoInput = z.object({}).strict();

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  platform: z.string(),
  /** Where the services run: inside Electron, or in the loopback dev/test host. */
  host: z.enum(['electron', 'web-host']),
});

export const OpenExternalResultSchema = z.object({
  opened: z.boolean(),
  /** Why a link was not opened, in words a person can read. */
  reason: z.string().nullable(),
});

export const contract = {
  'app:getInfo': { request: NoInput, response: AppInfoSchema },
  'links:openExternal': {
    request: z.object({ url: z.string().max(8192) }).strict(),
    response: OpenExternalResultSchema,
  },
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export type RequestOf<C extends Channel> = z.input<Contract[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<Contract[C]['request']>;
export type ResponseOf<C extends Channel> = z.output<Contract[C]['response']>;

export const CHANNELS = Object.keys(contract) as Channel[];

export function isChannel(value: unknown): value is Channel {
  return typeof value === 'string' && Object.hasOwn(contract, value);
}
