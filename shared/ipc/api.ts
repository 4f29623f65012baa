import type { Channel, RequestOf, ResponseOf } from './contract';
import { CHANNELS, contract } from './contract';
import type { BridgeResult } from './result';
import { BridgeErrorSchema, bridgeFailure } from './result';
import { parseUnknown } from '../validation/parse-unknown';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

/** `api.links.openExternal({ url })` for channel `links:openExternal`, and so on for each channel. */
export type SlowpostApi = {
  readonly [D in DomainOf<Channel>]: {
    readonly [V in VerbOf<Channel, D>]: `${D}:${V}` extends infer C extends Channel
      ? (input: RequestOf<C>) => Promise<BridgeResult<ResponseOf<C>>>
      : never;
  };
};

/** Sends one request and resolves with whatever came back, still unparsed. */
export type Transport = (channel: Channel, input: unknown) => Promise<unknown>;

/**
 * Builds the named API from the contract over any transport: Electron IPC in the preload, HTTP to
 * the loopback host in a plain browser. Every answer is parsed against the contract, so a broken
 * or hostile other side cannot hand the app a value of the wrong shape.
 */
export function buildApi(transport: Transport): SlowpostApi {
  const api: Record<string, Record<string, (input: unknown) => Promise<unknown>>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    const group = (api[domain] ??= {});
    group[verb] = async (input: unknown) => {
      let raw: unknown;
      try {
        raw = await transport(channel, input);
      } catch (error) {
        return bridgeFailure('failed', `${channel} could not be reached: ${String(error)}`);
      }
      return parseAnswer(channel, raw);
    };
  }
  return api as unknown as SlowpostApi;
}

function parseAnswer(channel: Channel, raw: unknown): BridgeResult<unknown> {
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) {
    return bridgeFailure('bad-output', `${channel} answered something that is not a bridge result`);
  }
  if (raw.ok === false) {
    const error = (raw as { error?: unknown }).error;
    const parsed = parseUnknown(BridgeErrorSchema, error, `${channel} error`);
    return parsed.ok
      ? { ok: false, error: parsed.value }
      : bridgeFailure('bad-output', parsed.error);
  }
  const parsed = parseUnknown(
    contract[channel].response,
    (raw as { value?: unknown }).value,
    `${channel} answer`,
  );
  return parsed.ok
    ? { ok: true, value: parsed.value }
    : bridgeFailure('bad-output', parsed.error, parsed.issues);
}
