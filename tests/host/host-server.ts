import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join, normalize, sep } from 'node:path';
import { createBridgeHandlers } from '../../electron/main/ipc/bridge-handlers';
import { createDispatcher } from '../../electron/main/ipc/bridge-dispatcher';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/content-security-policy';
import { ACCOUNT_HEADER } from '@shared/connectors/gateway';
import { isTrustedAppUrl } from '../../electron/main/security/trusted-url';
import type { Clock, ManualClock } from '../../electron/main/services/clock';
import { createManualClock, systemClock } from '../../electron/main/services/clock';
import {
  createDeliveryService,
  type EmitEvent,
} from '../../electron/main/services/delivery-service';
import type { ShownNotification } from '../../electron/main/services/delivery-notifier';
import {
  AVATAR_PATH_PREFIX,
  createAvatarStore,
  type AvatarStore,
} from '../../electron/main/services/avatar-store';
import { createExternalLinks } from '../../electron/main/services/external-links';
import type { FetchLike } from '../../electron/main/services/network-gateway';
import { isGatewayRequest } from '../../electron/main/services/network-gateway';
import {
  createNetworkServices,
  type NetworkServices,
  type NetworkServicesOptions,
} from '../../electron/main/services/network-services';
import { createQuitGuard, type QuitRelease } from '../../electron/main/services/quit-guard';
import {
  createDesktopHabits,
  recordingLoginItems,
} from '../../electron/main/services/desktop-habits';
import { privateFile, textFile } from '../../electron/main/services/text-file';
import type { VaultProtection } from '@shared/ipc/contract';
import { createTestOnlyEncryptor } from './test-only-encryptor';

/**
 * The loopback dev/test host: serves the production renderer build and answers the bridge over
 * HTTP with the real main-process services, so the app runs in a plain browser. Binds to
 * 127.0.0.1 only; never part of the packaged app.
 */

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.map': 'application/json',
};

export interface HostOptions {
  readonly rendererDir: string;
  readonly port: number;
  readonly log?: (message: string) => void;
  /**
   * Start a manual clock at this instant instead of the system clock: tests move it with
   * `POST /__test/clock {"now": …}` (the page's own clock is moved by Playwright).
   */
  readonly manualClockStart?: number;
  /** The bench page's build, served at /bench/ (same origin as the app, so the same IndexedDB). */
  readonly benchDir?: string;
  /**
   * Where the credential vault is kept (`credentials.json`, encrypted with a test-only key that
   * lives as long as the host). Default: a temporary folder, removed when the host closes.
   */
  readonly vaultDir?: string;
  /** What the test-only encryptor reports as the vault's protection (default `os-keyring`). */
  readonly vaultProtection?: VaultProtection;
  /** How the gateway and sign-in reach servers (default: Node's fetch). */
  readonly networkFetch?: FetchLike;
  /** How Bluesky handles and DIDs are resolved (the local Bluesky network's PDS and PLC). */
  readonly blueskyIdentity?: NetworkServicesOptions['blueskyIdentity'];
  /** Whether the recorded "system" lets Slowpost open at login (default true; Linux: false). */
  readonly loginItemsSupported?: boolean;
  /**
   * Where people's pictures are stored (`avatars/` in it). Default: a temporary folder, removed
   * when the host closes.
   */
  readonly dataDir?: string;
}

export interface RunningHost {
  readonly origin: string;
  /** Links the page asked the "OS" to open (the host records instead of opening a browser). */
  readonly openedLinks: string[];
  /** OS notifications the services asked for (the host records instead of showing). */
  readonly notifications: ShownNotification[];
  /** Every text the services asked the shell to show (the tray tooltip in the app). */
  readonly shellStatus: string[];
  /** Present when the host runs on a manual clock. */
  readonly clock: ManualClock | null;
  /** Each "open at login" the services applied to the recorded system (also `/__host/login-items`). */
  readonly loginItems: readonly boolean[];
  /**
   * The real network side (vault, rate limits, gateway, sign-in), for tests in this process:
   * e.g. `network.vault.credential(id)` to learn a token and prove the page never held it. The
   * authorize page a sign-in "opened" is the last of `openedLinks` (and `/__host/opened-links`).
   */
  readonly network: NetworkServices;
  /** The avatar store the page's `avatars:store` calls and `/avatars/<key>` requests reach. */
  readonly avatars: AvatarStore;
  /**
   * Quits as the desktop app would (tests only; the host itself keeps running): asks the page to
   * store its drafts and resolves once main's quit guard lets the quit go, with why.
   */
  quit(): Promise<QuitRelease | { readonly reason: 'no-page' }>;
  close(): Promise<void>;
}

const MAX_BODY = 1024 * 1024;

export async function startHost(options: HostOptions): Promise<RunningHost> {
  const log = options.log ?? (() => undefined);
  const openedLinks: string[] = [];
  let origin = '';
  const links = createExternalLinks((url) => {
    openedLinks.push(url);
    return Promise.resolve();
  });
  const notifications: ShownNotification[] = [];
  const shellStatus: string[] = [];
  const eventStreams = new Set<ServerResponse>();
  const manualClock =
    options.manualClockStart === undefined ? null : createManualClock(options.manualClockStart);
  const clock: Clock = manualClock ?? systemClock;
  const emit: EmitEvent = (event, payload) => {
    const frame = `event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`;
    for (const stream of eventStreams) stream.write(frame);
  };
  const deliveries = createDeliveryService({
    clock,
    emit,
    showNotification: (notification) => notifications.push(notification),
    setShellStatus: (text) => shellStatus.push(text),
  });
  const quitWaiters: ((release: QuitRelease) => void)[] = [];
  const quitGuard = createQuitGuard({
    clock,
    askPage: (requestId) => {
      if (eventStreams.size === 0) return false;
      emit('app:flushBeforeQuit', { requestId });
      return true;
    },
    quit: (release) => {
      for (const resolve of quitWaiters.splice(0)) resolve(release);
    },
    log,
  });
  const ownVaultDir = options.vaultDir === undefined;
  const vaultDir = options.vaultDir ?? (await mkdtemp(join(tmpdir(), 'slowpost-host-vault-')));
  const network = createNetworkServices({
    vaultFile: privateFile(join(vaultDir, 'credentials.json')),
    encryptor: createTestOnlyEncryptor({ protection: options.vaultProtection ?? 'os-keyring' }),
    fetch: options.networkFetch ?? fetchWithoutReuse,
    clock,
    links,
    // Only the app's own page may use the gateway (any local web page can reach this host).
    isTrustedOrigin: (value) => value === origin,
    ...(options.blueskyIdentity === undefined ? {} : { blueskyIdentity: options.blueskyIdentity }),
    log,
  });
  // The desktop habits file lives beside the vault; the "system" records what it was told.
  const loginItems = recordingLoginItems(options.loginItemsSupported ?? true);
  const desktopHabits = createDesktopHabits({
    file: textFile(join(vaultDir, 'desktop-habits.json')),
    loginItems,
    log,
  });
  const ownDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'slowpost-host-data-')));
  const avatars = createAvatarStore({
    dir: join(dataDir, 'avatars'),
    fetch: options.networkFetch ?? fetchWithoutReuse,
    clock,
    accountOrigins: () => network.accountOrigins(),
    log,
  });
  const dispatch = createDispatcher({
    handlers: createBridgeHandlers({
      appInfo: { name: 'Slowpost', version: '0.1.0', platform: process.platform, host: 'web-host' },
      links,
      deliveries,
      quitGuard,
      signIn: network.signIn,
      bluesky: network.bluesky,
      blueskyOAuth: network.blueskyOAuth,
      forget: network.forget,
      vault: network.vault,
      desktopHabits,
      avatars,
    }),
    isTrustedSender: (url) => isTrustedAppUrl(url, [origin]),
    log,
  });
  const root = normalize(options.rendererDir + sep);

  const server: Server = createServer((request, response) => {
    void handle(request, response).catch((error: unknown) => {
      log(`host: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500);
      response.end();
    });
  });
  // Node closes an idle kept-alive socket after 5 s; a client that reuses it in that instant gets
  // ECONNRESET (CI saw it on a font fetched through Playwright's router). Keep sockets longer
  // than any client here holds them idle.
  server.keepAliveTimeout = 120_000;
  server.headersTimeout = 125_000;

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (request.headers[ACCOUNT_HEADER.toLowerCase()] !== undefined) {
      return forwardToGateway(request, response, url);
    }
    if (url.pathname.startsWith('/__bridge/')) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain', 'POST only');
      const body = await readBody(request);
      let input: unknown;
      try {
        input = body === '' ? undefined : JSON.parse(body);
      } catch {
        input = Symbol('not JSON');
      }
      // The browser sets Origin on every POST; a page from anywhere else is not the app.
      const sender = request.headers['origin'];
      const channel = decodeURIComponent(url.pathname.slice('/__bridge/'.length));
      const result = await dispatch(
        typeof sender === 'string' ? `${sender}/` : undefined,
        channel,
        input,
      );
      return send(response, 200, 'application/json', JSON.stringify(result));
    }
    if (url.pathname === '/__events') {
      // Server-sent events: what main would send the window with webContents.send.
      response.writeHead(200, {
        'content-type': 'text/event-stream',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      response.write(': connected\n\n');
      eventStreams.add(response);
      request.on('close', () => eventStreams.delete(response));
      return;
    }
    if (url.pathname.startsWith(AVATAR_PATH_PREFIX)) {
      // A stored picture, as the app:// handler serves it; never fetched on the page's request.
      const answer = await avatars.serve(url.pathname);
      const headers: Record<string, string> = {};
      answer.headers.forEach((value, name) => {
        headers[name] = value;
      });
      response.writeHead(answer.status, headers);
      response.end(Buffer.from(await answer.arrayBuffer()));
      return;
    }
    if (url.pathname === '/__host/opened-links') {
      return send(response, 200, 'application/json', JSON.stringify(openedLinks));
    }
    if (url.pathname === '/__host/notifications') {
      return send(response, 200, 'application/json', JSON.stringify(notifications));
    }
    if (url.pathname === '/__host/login-items') {
      return send(response, 200, 'application/json', JSON.stringify(loginItems.applied));
    }
    if (url.pathname === '/__host/shell-status') {
      return send(response, 200, 'application/json', JSON.stringify(shellStatus));
    }
    if (url.pathname === '/__test/clock' && request.method === 'POST' && manualClock !== null) {
      const body = JSON.parse(await readBody(request)) as { now?: unknown };
      if (typeof body.now !== 'number' || !Number.isInteger(body.now)) {
        return send(response, 400, 'text/plain', 'expected {"now": <epoch ms>}');
      }
      manualClock.set(body.now);
      return send(response, 200, 'application/json', JSON.stringify(deliveries.check()));
    }
    const bench = options.benchDir !== undefined && url.pathname.startsWith('/bench/');
    const base = bench ? normalize((options.benchDir ?? '') + sep) : root;
    const path = bench ? url.pathname.slice('/bench'.length) : url.pathname;
    const relative = path === '/' ? '/index.html' : decodeURIComponent(path);
    const file = normalize(join(base, relative));
    if (!file.startsWith(base)) return send(response, 404, 'text/plain', 'Not found');
    try {
      const content = await readFile(file);
      response.writeHead(200, {
        'content-type': MIME[extname(file)] ?? 'application/octet-stream',
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'cache-control': 'no-store',
      });
      response.end(content);
    } catch {
      send(response, 404, 'text/plain', 'Not found');
    }
  }

  /** Requests that name an account go to the network gateway, as `app://` ones do in Electron. */
  async function forwardToGateway(
    request: IncomingMessage,
    response: ServerResponse,
    url: URL,
  ): Promise<void> {
    const aborted = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) aborted.abort();
    });
    const method = request.method ?? 'GET';
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (typeof value === 'string') headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    const body =
      method === 'GET' || method === 'HEAD' ? null : new Uint8Array(await readBytes(request));
    const gatewayRequest = new Request(url, { method, headers, body, signal: aborted.signal });
    if (!isGatewayRequest(gatewayRequest)) return send(response, 400, 'text/plain', 'Bad request');
    const answer = await network.gateway.handle(gatewayRequest);
    const out: Record<string, string> = {};
    answer.headers.forEach((value, name) => {
      out[name] = value;
    });
    response.writeHead(answer.status, out);
    response.end(Buffer.from(await answer.arrayBuffer()));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : options.port;
  origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    openedLinks,
    notifications,
    shellStatus,
    clock: manualClock,
    loginItems: loginItems.applied,
    network,
    avatars,
    quit: () =>
      new Promise((resolve) => {
        quitWaiters.push(resolve);
        if (quitGuard.beforeQuit() === 'go') resolve({ reason: 'no-page' });
      }),
    close: () =>
      new Promise<void>((resolve) => {
        deliveries.stop();
        for (const stream of eventStreams) stream.end();
        server.close(() => resolve());
        // The page may still be open and holding keep-alive or in-flight requests: closing must
        // not wait for them (a test's teardown would otherwise hang until its timeout).
        server.closeAllConnections();
      }).then(async () => {
        if (ownVaultDir) await rm(vaultDir, { recursive: true, force: true });
        if (ownDataDir) await rm(dataDir, { recursive: true, force: true });
      }),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
}

/**
 * Node's fetch, on a fresh connection every time. Node keeps connections open and sends the next
 * request on one the server may have closed meanwhile (snac closes them without saying so), which
 * fails — a post then "may have arrived". Chromium, which the desktop app's gateway uses, sends
 * such a request again by itself; this does not reuse connections at all, which costs little in
 * tests and development, the host's only uses.
 */
const fetchWithoutReuse: FetchLike = (input, init = {}) => {
  // A Request's own headers (the XRPC client sends its Content-Type there) are kept.
  const headers = new Headers(input instanceof Request ? input.headers : undefined);
  new Headers(init.headers).forEach((value, name) => headers.set(name, value));
  headers.set('connection', 'close');
  return fetch(input, { ...init, headers });
};

const MAX_GATEWAY_BODY = 16 * 1024 * 1024;

async function readBytes(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_GATEWAY_BODY) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY) throw new Error('request body too large');
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
