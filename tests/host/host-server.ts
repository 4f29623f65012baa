import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import { createBridgeHandlers } from '../../electron/main/ipc/bridge-handlers';
import { createDispatcher } from '../../electron/main/ipc/bridge-dispatcher';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/security/content-security-policy';
import { isTrustedAppUrl } from '../../electron/main/security/trusted-url';
import { createExternalLinks } from '../../electron/main/services/external-links';

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
}

export interface RunningHost {
  readonly origin: string;
  /** Links the page asked the "OS" to open (the host records instead of opening a browser). */
  readonly openedLinks: string[];
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
  const dispatch = createDispatcher({
    handlers: createBridgeHandlers({
      appInfo: { name: 'Slowpost', version: '0.1.0', platform: process.platform, host: 'web-host' },
      links,
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

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
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
    if (url.pathname === '/__host/opened-links') {
      return send(response, 200, 'application/json', JSON.stringify(openedLinks));
    }
    const relative = url.pathname === '/' ? '/index.html' : decodeURIComponent(url.pathname);
    const file = normalize(join(root, relative));
    if (!file.startsWith(root)) return send(response, 404, 'text/plain', 'Not found');
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
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(response: ServerResponse, status: number, type: string, body: string): void {
  response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
  response.end(body);
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
