/**
 * One way to call the server: through `masto`, with the account's headers, the call's deadline
 * (its `AbortSignal`), every failure as a `ConnectorError`, and every answer parsed with zod.
 *
 * A client is made per call: `masto` drops per-call options on list requests (its paginator keeps
 * only the path and query), so the call's signal goes in the client's own defaults instead.
 */
import { createRestAPIClient, type mastodon } from 'masto';
import type { z } from 'zod';
import { ConnectorError, type CallOptions } from '@shared/connectors/connector';
import { parseUnknown } from '@shared/validation/parse-unknown';
import { isLostConnection, toConnectorError, type FailureContext } from './failures';

export type MastoClient = mastodon.rest.Client;

export interface ServerAccess extends FailureContext {
  /** The origin requests go to: the app's own (through the gateway), or a test server's. */
  readonly baseUrl: string;
  /** Sent with every request: the gateway's account header, or a test's `Authorization`. */
  readonly headers: Readonly<Record<string, string>>;
}

export function clientFor(access: ServerAccess, options?: CallOptions): MastoClient {
  return createRestAPIClient({
    url: access.baseUrl,
    requestInit: {
      headers: { ...access.headers },
      ...(options?.signal === undefined ? {} : { signal: options.signal }),
    },
  });
}

/** Runs one request; a failure comes back as a typed `ConnectorError`. */
export async function request<T>(
  access: ServerAccess,
  options: CallOptions | undefined,
  run: (client: MastoClient) => PromiseLike<T>,
): Promise<T> {
  try {
    return await run(clientFor(access, options));
  } catch (error) {
    throw toConnectorError(error, access);
  }
}

/**
 * Runs a request that only reads, once more if the connection was lost before any answer (a
 * server closing an idle kept-alive connection just as it is reused). Reading twice is harmless;
 * a request that writes is never repeated here (the outbox decides, after checking).
 */
export async function read<T>(
  access: ServerAccess,
  options: CallOptions | undefined,
  run: (client: MastoClient) => PromiseLike<T>,
): Promise<T> {
  try {
    return await run(clientFor(access, options));
  } catch (error) {
    if (!isLostConnection(error) || options?.signal?.aborted === true) {
      throw toConnectorError(error, access);
    }
  }
  return request(access, options, run);
}

/** Parses an answer; one of the wrong shape is a `malformed` failure that names the fields. */
export function parseAnswer<S extends z.ZodType>(
  schema: S,
  value: unknown,
  what: string,
): z.output<S> {
  const parsed = parseUnknown(schema, value, what);
  if (!parsed.ok) throw new ConnectorError({ kind: 'malformed', message: parsed.error });
  return parsed.value;
}

/** The `rel="next"` link's query parameter, from a `Link` header. */
export function nextLinkParam(link: string | null, name: string): string | null {
  if (link === null) return null;
  for (const part of link.split(',')) {
    const match = /<([^>]+)>\s*;(.*)/.exec(part.trim());
    if (match === null || !/rel="?next"?/.test(match[2] ?? '')) continue;
    try {
      return new URL(match[1] ?? '', 'http://link.invalid').searchParams.get(name);
    } catch {
      return null;
    }
  }
  return null;
}
