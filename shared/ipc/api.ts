import type { Channel, EventName, EventPayload, RequestOf, ResponseOf } from './contract';
import { CHANNELS, EVENT_NAMES, contract, events } from './contract';
import type { BridgeResult } from './result';
import { BridgeErrorSchema, bridgeFailure } from './result';
import { parseUnknown } from '../validation/parse-unknown';

type DomainOf<C extends string> = C extends `${infer D}:${string}` ? D : never;
type VerbOf<C extends string, D extends string> = C extends `${D}:${infer V}` ? V : never;

type CallsOf<D extends string> = {
  readonly [V in VerbOf<Channel, D>]: `${D}:${V}` extends infer C extends Channel
    ? (input: RequestOf<C>) => Promise<BridgeResult<ResponseOf<C>>>
    : never;
};

type EventsOf<D extends string> = {
  readonly [N in VerbOf<EventName, D> as `on${Capitalize<N>}`]: `${D}:${N}` extends infer E extends
    EventName
    ? (listener: (payload: EventPayload<E>) => void) => () => void
    : never;
};

type Domain = DomainOf<Channel> | DomainOf<EventName>;

/**
 * `api.links.openExternal({ url })` for channel `links:openExternal`, and
 * `api.deliveries.onDue(listener)` (returning an unsubscribe function) for event `deliveries:due`.
 */
export type SlowpostApi = {
  readonly [D in Domain]: (D extends DomainOf<Channel> ? CallsOf<D> : unknown) &
    (D extends DomainOf<EventName> ? EventsOf<D> : unknown);
};

export interface Transport {
  /** Sends one request and resolves with whatever came back, still unparsed. */
  invoke(channel: Channel, input: unknown): Promise<unknown>;
  /** Listens for one event; returns the function that stops listening. */
  subscribe(event: EventName, listener: (payload: unknown) => void): () => void;
}

/**
 * Builds the named API from the contract over any transport: Electron IPC in the preload, HTTP to
 * the loopback host in a plain browser. Every answer and every event is parsed against the
 * contract, so a broken or hostile other side cannot hand the app a value of the wrong shape.
 */
export function buildApi(
  transport: Transport,
  log: (m: string) => void = () => undefined,
): SlowpostApi {
  const api: Record<string, Record<string, unknown>> = {};
  for (const channel of CHANNELS) {
    const [domain, verb] = channel.split(':') as [string, string];
    (api[domain] ??= {})[verb] = async (input: unknown) => {
      let raw: unknown;
      try {
        raw = await transport.invoke(channel, input);
      } catch (error) {
        return bridgeFailure('failed', `${channel} could not be reached: ${String(error)}`);
      }
      return parseAnswer(channel, raw);
    };
  }
  for (const event of EVENT_NAMES) {
    const [domain, name] = event.split(':') as [string, string];
    const method = `on${name.charAt(0).toUpperCase()}${name.slice(1)}`;
    (api[domain] ??= {})[method] = (listener: (payload: unknown) => void) =>
      transport.subscribe(event, (raw) => {
        const parsed = parseUnknown(events[event], raw, `${event} event`);
        if (parsed.ok) listener(parsed.value);
        else log(parsed.error);
      });
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
