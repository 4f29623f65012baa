/**
 * The `@atproto/api` agent of one account, over a session that holds no token: every XRPC request
 * goes to `baseUrl` (the page's or worker's own origin in the app) with the account's header, and
 * the network gateway in main authorizes it and forwards it to the account's PDS (which proxies
 * `app.bsky.*` to the AppView). In tests, `baseUrl` is the loopback host with the real gateway.
 */
import { Agent } from '@atproto/api';
import type { CallOptions } from '@shared/connectors/connector';
import { invalidResponseBody, toConnectorError, type FailureContext } from './failures';

export type FetchLike = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

export interface AgentOptions {
  /** The account's DID. */
  readonly did: string;
  readonly baseUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Default: the global `fetch`. */
  readonly fetch?: FetchLike;
}

type SessionManager = Extract<ConstructorParameters<typeof Agent>[0], { fetchHandler: unknown }>;

export function createAgent(options: AgentOptions): Agent {
  const send = options.fetch ?? ((input, init) => fetch(input, init));
  const session: SessionManager = {
    did: options.did,
    fetchHandler(url: string, init: RequestInit) {
      const headers = new Headers(init.headers);
      for (const [name, value] of Object.entries(options.headers)) headers.set(name, value);
      return send(new URL(url, options.baseUrl), { ...init, headers });
    },
  };
  return new Agent(session);
}

export interface Caller {
  readonly agent: Agent;
  readonly failures: FailureContext;
}

/** A call whose failures become `ConnectorError`s. */
export async function call<T>(
  caller: Caller,
  run: (agent: Agent, options: { signal?: AbortSignal }) => Promise<{ data: T }>,
  options?: CallOptions,
): Promise<T> {
  try {
    const response = await run(caller.agent, options?.signal ? { signal: options.signal } : {});
    return response.data;
  } catch (error) {
    throw toConnectorError(error, caller.failures);
  }
}

/**
 * A list call read item by item: when one item breaks the lexicon, the library refuses the whole
 * answer; here the answer's body is kept instead, and each item is parsed (and skipped when it
 * cannot be read) by the caller.
 */
export async function callLenient(
  caller: Caller,
  run: (agent: Agent, options: { signal?: AbortSignal }) => Promise<{ data: unknown }>,
  options?: CallOptions,
): Promise<unknown> {
  try {
    const response = await run(caller.agent, options?.signal ? { signal: options.signal } : {});
    return response.data;
  } catch (error) {
    const body = invalidResponseBody(error);
    if (body !== undefined) return body;
    throw toConnectorError(error, caller.failures);
  }
}
