import {
  AtprotoHandleResolverNode,
  DidResolverCommon,
  XrpcHandleResolver,
  type HandleResolver,
} from '@atproto/oauth-client-node';
import type { FetchLike } from './network-gateway';

/**
 * Who a Bluesky handle is and where their data lives: the handle resolves to a DID (DNS `_atproto`
 * TXT record or `https://<handle>/.well-known/atproto-did`, or an XRPC service's
 * `com.atproto.identity.resolveHandle` when one is configured), and the DID's document names the
 * account's PDS (`#atproto_pds`). The resolvers are `@atproto/oauth-client-node`'s own.
 */

export interface BlueskyIdentityOptions {
  readonly fetch: FetchLike;
  /** An XRPC service that resolves handles (tests: the local PDS); default: DNS and HTTPS. */
  readonly handleResolver?: string;
  /** Where `did:plc` documents are (default `https://plc.directory`). */
  readonly plcDirectoryUrl?: string;
  /** `did:web` documents over http (the local test network only). */
  readonly allowHttp?: boolean;
}

export interface BlueskyIdentity {
  /** The handle's DID; null when the handle resolves to none. Throws when it cannot be asked. */
  resolveHandle(handle: string): Promise<string | null>;
  /** The origin of the DID's PDS; null when its document names none. */
  pdsOrigin(did: string): Promise<string | null>;
}

export function createBlueskyIdentity(options: BlueskyIdentityOptions): BlueskyIdentity {
  const fetch = options.fetch;
  const handles: HandleResolver =
    options.handleResolver === undefined
      ? new AtprotoHandleResolverNode({ fetch })
      : new XrpcHandleResolver(options.handleResolver, { fetch });
  const dids = new DidResolverCommon({
    fetch,
    ...(options.plcDirectoryUrl === undefined ? {} : { plcDirectoryUrl: options.plcDirectoryUrl }),
    allowHttp: options.allowHttp ?? false,
  });
  return {
    resolveHandle: async (handle) => (await handles.resolve(handle)) ?? null,
    async pdsOrigin(did) {
      const document = await dids.resolve(did as `did:plc:${string}`);
      return pdsOriginOf(document, did);
    },
  };
}

/** The `#atproto_pds` service of a DID document, as an origin; null when there is none. */
export function pdsOriginOf(document: unknown, did: string): string | null {
  if (typeof document !== 'object' || document === null) return null;
  const services: unknown = (document as { service?: unknown }).service;
  if (!Array.isArray(services)) return null;
  for (const service of services as unknown[]) {
    if (typeof service !== 'object' || service === null) continue;
    const { id, type, serviceEndpoint } = service as Record<string, unknown>;
    if (id !== '#atproto_pds' && id !== `${did}#atproto_pds`) continue;
    if (type !== 'AtprotoPersonalDataServer' || typeof serviceEndpoint !== 'string') continue;
    try {
      return new URL(serviceEndpoint).origin;
    } catch {
      return null;
    }
  }
  return null;
}
