/**
 * A real local Bluesky network for the tests: the Bluesky team's own `@atproto/dev-env` (a PLC
 * directory, a PDS, the AppView, and Ozone beside them), backed by a throw-away PostgreSQL cluster
 * and Redis, all on 127.0.0.1 and all gone after `stop()`. Nobody here wrote these servers: their
 * sessions, notifications, threads and OAuth are the real ones.
 *
 * Known quirks (dev-env 0.3.215), which the Bluesky connector must live with:
 * - the servers name themselves `http://localhost:<port>` (the PLC directory holds those URLs);
 * - handles end in `.test` (the PDS's only real handle domain);
 * - the AppView learns of new records from the PDS's firehose, so a test writes, then calls
 *   `processAll()`, then reads notifications or threads;
 * - it indexes each account's records apart, so a reply, quote, like or repost indexed before the
 *   post it answers brings no notification: the helpers below that answer a post first wait
 *   until the AppView has that post;
 * - rate limits are off (dev mode), so the login limits of the real service do not apply here.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  devEnvUnavailable,
  loadAtprotoApi,
  loadDevEnv,
  type BlueskyAgent,
  type DevEnvTestNetwork,
  type PostRecordInput,
  type RecordRef,
} from './dev-env-module';
import { postgresBinDir, startThrowawayPostgres } from './throwaway-postgres';
import { redisInstalled, startThrowawayRedis } from './throwaway-redis';

export type { BlueskyAgent, NotificationView, RecordRef, ThreadNode } from './dev-env-module';

export interface BlueskyUser {
  readonly did: string;
  /** `<name>.test`. */
  readonly handle: string;
  readonly email: string;
  /** The account password (what a person would never give an app). */
  readonly password: string;
  /** An app password made for this user, as a person makes one in the settings for an app. */
  readonly appPassword: string;
}

export interface BlueskyNetwork {
  /** The PDS: accounts, sessions, records, OAuth. */
  readonly pds: { readonly url: string };
  /** The AppView: notifications, threads, profiles (the PDS proxies `app.bsky.*` to it). */
  readonly appview: { readonly url: string };
  /** The PLC directory that resolves the users' DIDs. */
  readonly plc: { readonly url: string };
  /** The temporary folder with the database, the cache and the PDS's files. */
  readonly dir: string;
  /** Process ids of PostgreSQL's server and Redis (the rest runs in this process). */
  readonly pids: readonly number[];
  /** Makes an account on the PDS, signed in, with an app password. */
  createUser(name: string): Promise<BlueskyUser>;
  /** The signed-in agent (of dev-env's own `@atproto/api`) the harness holds for a user. */
  agent(user: BlueskyUser): BlueskyAgent;
  /** A new agent that logs in with this identifier (handle, DID or email) and password. */
  login(identifier: string, password: string): Promise<BlueskyAgent>;
  /** A post by `author`; mentions and links in the text become facets, as in the app. */
  post(author: BlueskyUser, text: string): Promise<RecordRef>;
  /** A post by `author` that starts with `@<mentioned's handle>` and goes on with `words`. */
  mention(author: BlueskyUser, mentioned: BlueskyUser, words?: string): Promise<RecordRef>;
  // The helpers that answer a post (reply, quote, like, repost) wait until the AppView has it.
  /** A reply by `author` to `parent`, in `parent`'s thread (its root found from its record). */
  reply(author: BlueskyUser, parent: RecordRef, text: string): Promise<RecordRef>;
  /** A post by `author` that quotes `quoted`. */
  quote(author: BlueskyUser, quoted: RecordRef, text: string): Promise<RecordRef>;
  like(author: BlueskyUser, post: RecordRef): Promise<RecordRef>;
  repost(author: BlueskyUser, post: RecordRef): Promise<RecordRef>;
  follow(author: BlueskyUser, subject: BlueskyUser): Promise<RecordRef>;
  /** Waits until the AppView has indexed everything written so far (notifications, threads). */
  processAll(): Promise<void>;
  /** Stops every server and removes every file; no postgres or redis process is left. */
  stop(): Promise<void>;
}

/** Why the network cannot run here, or null when it can. */
export function blueskyNetworkUnavailable(): string | null {
  const missing = devEnvUnavailable();
  if (missing !== null) return missing;
  const install = 'run scripts/servers/install-bluesky-network.sh as root on Debian; .ci/run does';
  if (postgresBinDir() === null) return `PostgreSQL is not installed (${install})`;
  if (!redisInstalled()) return `redis-server is not installed (${install})`;
  return null;
}

/** Seconds the AppView may take to catch up with the PDS: a budget for a busy machine. */
const PROCESS_ALL_BUDGET_MS = 60_000;

/**
 * Runs `start` with every server it starts listening on 127.0.0.1 only. dev-env's servers call
 * `listen(port)`, which binds every interface, and have no setting for the address; this puts the
 * address in for the length of `start` and puts `listen` back afterwards.
 */
async function onLoopbackOnly<T>(start: () => Promise<T>): Promise<T> {
  const prototype = Server.prototype;
  const listen: unknown = Reflect.get(prototype, 'listen');
  if (typeof listen !== 'function') throw new Error('net.Server has no listen()');
  prototype.listen = function (this: Server, ...args: unknown[]) {
    if (typeof args[0] === 'number' && typeof args[1] !== 'string') args.splice(1, 0, '127.0.0.1');
    return Reflect.apply(listen, this, args) as Server;
  } as Server['listen'];
  try {
    return await start();
  } finally {
    prototype.listen = listen as Server['listen'];
  }
}

/**
 * Runs `start` with some environment variables set (dev-env reads Redis's address from the
 * environment, and makes the PDS's folders in the temporary folder), then restores them.
 */
async function withEnvironment<T>(
  values: Readonly<Record<string, string>>,
  start: () => Promise<T>,
): Promise<T> {
  const before = Object.fromEntries(Object.keys(values).map((key) => [key, process.env[key]]));
  Object.assign(process.env, values);
  try {
    return await start();
  } finally {
    for (const [key, value] of Object.entries(before)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
}

function repoAndKey(uri: string): { repo: string; rkey: string } {
  const match = /^at:\/\/([^/]+)\/[^/]+\/([^/]+)$/.exec(uri);
  if (match?.[1] === undefined || match[2] === undefined) throw new Error(`not a record: ${uri}`);
  return { repo: match[1], rkey: match[2] };
}

export async function startBlueskyNetwork(): Promise<BlueskyNetwork> {
  const unavailable = blueskyNetworkUnavailable();
  if (unavailable !== null) throw new Error(`The local Bluesky network cannot run: ${unavailable}`);
  const devEnv = loadDevEnv();
  const api = loadAtprotoApi();

  const dir = await mkdtemp(join(tmpdir(), 'slowpost-bluesky-'));
  const started: { stop(): Promise<void>; readonly process: ChildProcess }[] = [];
  // If the test process ends without stop(), its database and cache end with it.
  const killLeftovers = () => started.forEach((server) => server.process.kill('SIGKILL'));
  process.once('exit', killLeftovers);
  const stopServers = async () => {
    for (const server of [...started].reverse()) await server.stop();
    process.off('exit', killLeftovers);
    await rm(dir, { recursive: true, force: true });
  };

  let network: DevEnvTestNetwork;
  try {
    const postgres = await startThrowawayPostgres(dir);
    started.push(postgres);
    await mkdir(join(dir, 'redis'));
    const redis = await startThrowawayRedis(join(dir, 'redis'));
    started.push(redis);
    await mkdir(join(dir, 'dev-env'));
    network = await withEnvironment({ REDIS_HOST: redis.host, TMPDIR: join(dir, 'dev-env') }, () =>
      onLoopbackOnly(() =>
        devEnv.TestNetwork.create({ dbPostgresUrl: postgres.url, dbPostgresSchema: 'slowpost' }),
      ),
    );
  } catch (error) {
    await stopServers();
    throw error;
  }

  const agents = new Map<string, BlueskyAgent>();
  const agentOf = (user: BlueskyUser): BlueskyAgent => {
    const agent = agents.get(user.did);
    if (agent === undefined) throw new Error(`${user.handle} is not a user of this network`);
    return agent;
  };
  const post = async (
    author: BlueskyUser,
    text: string,
    more: Omit<PostRecordInput, 'text' | 'facets'> = {},
  ): Promise<RecordRef> => {
    const agent = agentOf(author);
    const rich = new api.RichText({ text });
    await rich.detectFacets(agent);
    return agent.post({ text: rich.text, facets: rich.facets ?? [], ...more });
  };
  const processAll = () => network.processAll(PROCESS_ALL_BUDGET_MS);
  let stopping: Promise<void> | undefined;

  return {
    pds: { url: network.pds.url },
    appview: { url: network.bsky.url },
    plc: { url: network.plc.url },
    dir,
    pids: started.flatMap((server) => server.process.pid ?? []),
    async createUser(name) {
      const handle = `${name}.test`;
      const email = `${name}@mail.test`;
      const password = `${name}-password`;
      const agent = new api.AtpAgent({ service: network.pds.url });
      const account = await agent.createAccount({ handle, email, password });
      const app = await agent.com.atproto.server.createAppPassword({ name: 'Slowpost tests' });
      agents.set(account.data.did, agent);
      return { did: account.data.did, handle, email, password, appPassword: app.data.password };
    },
    agent: agentOf,
    async login(identifier, password) {
      const agent = new api.AtpAgent({ service: network.pds.url });
      await agent.login({ identifier, password });
      return agent;
    },
    post: (author, text) => post(author, text),
    mention: (author, mentioned, words = 'hello') => post(author, `@${mentioned.handle} ${words}`),
    async reply(author, parent, text) {
      await processAll();
      const parentPost = await agentOf(author).getPost(repoAndKey(parent.uri));
      const root = parentPost.value.reply?.root ?? parent;
      return post(author, text, {
        reply: {
          root: { uri: root.uri, cid: root.cid },
          parent: { uri: parent.uri, cid: parent.cid },
        },
      });
    },
    async quote(author, quoted, text) {
      await processAll();
      return post(author, text, {
        embed: { $type: 'app.bsky.embed.record', record: { uri: quoted.uri, cid: quoted.cid } },
      });
    },
    async like(author, liked) {
      await processAll();
      return agentOf(author).like(liked.uri, liked.cid);
    },
    async repost(author, reposted) {
      await processAll();
      return agentOf(author).repost(reposted.uri, reposted.cid);
    },
    follow: (author, subject) => agentOf(author).follow(subject.did),
    processAll,
    stop() {
      stopping ??= network.close().finally(stopServers);
      return stopping;
    },
  };
}
