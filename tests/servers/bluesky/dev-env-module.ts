/**
 * Loads `@atproto/dev-env` and the `@atproto/api` it brings from this folder's own node_modules
 * (tests/servers/bluesky/package.json, installed apart from the app's dependencies).
 *
 * The types here are the part of those packages the harness uses, written out by hand so that the
 * app's typecheck does not depend on that install. They are checked against the packages' own
 * declarations by dev-env-module.types.test.ts, so they cannot drift from what the code returns.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** tests/servers/bluesky: where the network's package.json and node_modules are. */
export const networkPackageDir = __dirname;

/** `require` as seen from this folder, so it resolves in this folder's node_modules only. */
const requireHere = createRequire(join(networkPackageDir, 'package.json'));

/** A record's strong reference: `com.atproto.repo.strongRef`. */
export interface RecordRef {
  readonly uri: string;
  readonly cid: string;
}

/** `app.bsky.richtext.facet`: a byte range of the text and what it is (mention, link, tag). */
export interface Facet {
  readonly index: { readonly byteStart: number; readonly byteEnd: number };
  /** `app.bsky.richtext.facet#mention` (with `did`), `#link` (with `uri`) or `#tag`. */
  readonly features: { readonly $type: string }[];
}

/**
 * The fields of `app.bsky.feed.post` the harness writes (arrays as the library takes them). A type,
 * not an interface: a record may carry fields beyond its lexicon, so the library's record type has
 * an index signature, which only a type literal satisfies.
 */
export type PostRecordInput = {
  readonly text: string;
  readonly facets?: Facet[];
  readonly reply?: { readonly root: RecordRef; readonly parent: RecordRef };
  readonly embed?: { readonly $type: 'app.bsky.embed.record'; readonly record: RecordRef };
  readonly langs?: string[];
  readonly createdAt?: string;
};

/** `app.bsky.notification.listNotifications#notification`, the fields tests read. */
export interface NotificationView {
  readonly uri: string;
  readonly cid: string;
  readonly author: { readonly did: string; readonly handle: string };
  readonly reason: string;
  readonly reasonSubject?: string;
  readonly record: { readonly [key: string]: unknown };
  readonly isRead: boolean;
  readonly indexedAt: string;
}

/** `app.bsky.feed.defs#postView`, the fields tests read. */
export interface PostView {
  readonly uri: string;
  readonly cid: string;
  readonly author: { readonly did: string; readonly handle: string };
  readonly record: { readonly [key: string]: unknown };
  readonly indexedAt: string;
}

/** A node of `getPostThread`: a post with its parent and replies, or a not-found/blocked stub. */
export interface ThreadNode {
  readonly $type?: string;
  readonly post?: PostView;
  readonly parent?: ThreadNode;
  readonly replies?: readonly ThreadNode[];
}

/** The session an agent holds after a login (`AtpSessionData`). */
export interface AgentSession {
  readonly did: string;
  readonly handle: string;
  readonly accessJwt: string;
  readonly refreshJwt: string;
}

/** `AtpAgent` of `@atproto/api` 0.19, the members the harness and its tests use. */
export interface BlueskyAgent {
  readonly did: string | undefined;
  readonly session: AgentSession | undefined;
  login(options: {
    identifier: string;
    password: string;
  }): Promise<{ data: AgentSession & { readonly active?: boolean } }>;
  createAccount(input: {
    handle: string;
    email?: string;
    password?: string;
  }): Promise<{ data: { readonly did: string; readonly handle: string } }>;
  post(record: PostRecordInput): Promise<RecordRef>;
  getPost(params: { repo: string; rkey: string }): Promise<{
    readonly uri: string;
    readonly cid: string;
    readonly value: { readonly text: string; readonly reply?: { readonly root: RecordRef } };
  }>;
  like(uri: string, cid: string): Promise<RecordRef>;
  repost(uri: string, cid: string): Promise<RecordRef>;
  follow(subjectDid: string): Promise<RecordRef>;
  listNotifications(params?: { limit?: number; cursor?: string; reasons?: string[] }): Promise<{
    data: {
      readonly notifications: readonly NotificationView[];
      readonly cursor?: string;
      readonly seenAt?: string;
    };
  }>;
  getPostThread(params: {
    uri: string;
    depth?: number;
    parentHeight?: number;
  }): Promise<{ data: { readonly thread: ThreadNode } }>;
  updateSeenNotifications(seenAt?: string): Promise<unknown>;
  readonly com: {
    readonly atproto: {
      readonly server: {
        createAppPassword(input: { name: string; privileged?: boolean }): Promise<{
          data: { readonly name: string; readonly password: string };
        }>;
      };
    };
  };
}

/** `RichText` of `@atproto/api`: finds mentions, links and tags in a text, as the app will. */
export interface RichText {
  readonly text: string;
  facets?: Facet[];
  /** Resolves mentioned handles to DIDs through the agent (an `AtpAgent` of the same module). */
  detectFacets(agent: unknown): Promise<void>;
}

export interface AtprotoApiModule {
  readonly AtpAgent: new (options: { service: string }) => BlueskyAgent;
  readonly RichText: new (props: { text: string }) => RichText;
}

/** dev-env's `TestNetwork`: PLC, PDS, AppView (and Ozone, which the harness does not use). */
export interface DevEnvTestNetwork {
  readonly plc: { readonly url: string };
  readonly pds: { readonly url: string };
  readonly bsky: { readonly url: string };
  /** Runs the PDS's background queue and waits until the AppView has indexed the PDS's firehose. */
  processAll(timeout?: number): Promise<void>;
  close(): Promise<void>;
}

export interface DevEnvModule {
  readonly TestNetwork: {
    create(params: { dbPostgresUrl: string; dbPostgresSchema: string }): Promise<DevEnvTestNetwork>;
  };
}

/** Why the packages cannot be loaded here, or null when they can. */
export function devEnvUnavailable(): string | null {
  const install =
    'run scripts/servers/install-bluesky-network.sh, or `npm ci` in tests/servers/bluesky';
  for (const name of ['@atproto/dev-env', '@atproto/api', 'better-sqlite3']) {
    try {
      requireHere.resolve(name);
    } catch {
      return `${name} is not installed in tests/servers/bluesky (${install})`;
    }
  }
  // The compiled SQLite binding the PDS needs: missing when npm skipped its install script.
  const sqlite = dirname(requireHere.resolve('better-sqlite3/package.json'));
  if (!existsSync(join(sqlite, 'build', 'Release', 'better_sqlite3.node'))) {
    return `better-sqlite3 in tests/servers/bluesky was not compiled: its install script did not run (${install})`;
  }
  return null;
}

function hasFunction(value: unknown, path: readonly string[]): boolean {
  let at: unknown = value;
  for (const key of path) {
    if ((typeof at !== 'object' && typeof at !== 'function') || at === null) return false;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === 'function';
}

export function loadDevEnv(): DevEnvModule {
  const loaded: unknown = requireHere('@atproto/dev-env');
  if (!hasFunction(loaded, ['TestNetwork', 'create'])) {
    throw new Error('@atproto/dev-env has no TestNetwork.create: is it version 0.3.215?');
  }
  return loaded as DevEnvModule;
}

export function loadAtprotoApi(): AtprotoApiModule {
  const loaded: unknown = requireHere('@atproto/api');
  if (!hasFunction(loaded, ['AtpAgent']) || !hasFunction(loaded, ['RichText'])) {
    throw new Error('@atproto/api has no AtpAgent or RichText: is it version 0.19?');
  }
  return loaded as AtprotoApiModule;
}
