/**
 * A real Mastodon-API server for the tests: snac2 (Debian's bookworm-backports), started in a
 * temporary folder on a free 127.0.0.1 port, with the users a test asks for. Nobody here wrote it:
 * its OAuth, notifications, threads and markers are what a small real server does.
 *
 * Known quirks (snac 2.75), which the Mastodon connector must live with:
 * - it ignores `Idempotency-Key`; it has no v2 (grouped) notifications and sends no `Link` headers;
 * - `since_id` is inclusive;
 * - it calls itself `localhost:<port>` (the host it was initialised with), so links and the login
 *   form point there, not at 127.0.0.1;
 * - delivery between two local users goes through its queue and takes a few seconds: poll.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../free-port';

export interface Snac2User {
  readonly name: string;
  readonly password: string;
}

export interface Snac2Server {
  /** `http://localhost:<port>`: the origin snac names itself by. */
  readonly origin: string;
  readonly port: number;
  readonly dir: string;
  readonly users: ReadonlyMap<string, Snac2User>;
  /** Runs a `snac` command on this instance (e.g. `['note', dir, 'bob', 'hello']`). */
  cli(args: readonly string[]): string;
  stop(): Promise<void>;
}

/** Why snac2 cannot run here, or null when it can. */
export function snac2Unavailable(): string | null {
  const found = spawnSync('snac', [], { encoding: 'utf8' });
  if (found.error !== undefined) {
    return 'snac2 is not installed (run scripts/servers/install-snac2.sh as root on Debian; .ci/run does)';
  }
  return null;
}

function run(args: readonly string[], input = ''): string {
  const result = spawnSync('snac', args, { input, encoding: 'utf8', timeout: 30_000 });
  if (result.error !== undefined) throw result.error;
  if (result.status !== 0) {
    throw new Error(`snac ${args.join(' ')} failed (${result.status}): ${result.stderr}`);
  }
  return `${result.stdout}${result.stderr}`;
}

async function waitUntilUp(origin: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`snac httpd exited (${child.exitCode})`);
    try {
      const response = await fetch(`${origin}/api/v1/instance`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`snac did not answer on ${origin} within 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function startSnac2(options: {
  readonly users: readonly string[];
}): Promise<Snac2Server> {
  const dir = join(await mkdtemp(join(tmpdir(), 'slowpost-snac2-')), 'data');
  const port = await freePort();
  // Answers to `snac init`: address, port, host name, URL prefix, admin email.
  run(['init', dir], `127.0.0.1\n${port}\nlocalhost:${port}\n\n\n`);
  const configPath = join(dir, 'server.json');
  const config = JSON.parse(await readFile(configPath, 'utf8')) as Record<string, unknown>;
  await writeFile(
    configPath,
    JSON.stringify(
      { ...config, protocol: 'http', num_threads: 8, queue_retry_minutes: 1 },
      null,
      4,
    ),
  );
  const users = new Map<string, Snac2User>();
  for (const name of options.users) {
    const said = run(['adduser', dir, name], '\n');
    const password = /User password is (\S+)/.exec(said)?.[1];
    if (password === undefined)
      throw new Error(`snac adduser ${name} printed no password: ${said}`);
    users.set(name, { name, password });
  }
  const child = spawn('snac', ['httpd', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const origin = `http://localhost:${port}`;
  try {
    await waitUntilUp(origin, child);
  } catch (error) {
    child.kill('SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${output}`);
  }
  return {
    origin,
    port,
    dir,
    users,
    cli: (args) => run(args),
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 3_000))]);
        if (child.exitCode === null) child.kill('SIGKILL');
      }
      await rm(join(dir, '..'), { recursive: true, force: true });
    },
  };
}

export interface OAuthApp {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly redirectUri: string;
}

/** Registers an OAuth app (`POST /api/v1/apps`), as any client does. */
export async function registerApp(
  origin: string,
  redirectUri = 'urn:ietf:wg:oauth:2.0:oob',
): Promise<OAuthApp> {
  const response = await snacFetch(`${origin}/api/v1/apps`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      client_name: 'Slowpost tests',
      redirect_uris: redirectUri,
      scopes: 'read write',
    }),
  });
  const app = (await response.json()) as { client_id: string; client_secret: string };
  return { clientId: app.client_id, clientSecret: app.client_secret, redirectUri };
}

/**
 * `fetch` for the harness's own requests to snac. snac closes every connection once it has
 * answered without saying so, so a request sent down a kept-alive connection now and then fails
 * before snac has read a byte of it ("other side closed"), and on a loaded machine one is now and
 * then reset under it (ECONNRESET). Such a request is sent again: the harness's requests are safe
 * to repeat (a second app or login code is never used; a code snac had already exchanged is
 * refused, which the setup reports).
 */
async function snacFetch(url: string, init: RequestInit): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await fetch(url, init);
    } catch (error) {
      const code = (error as { cause?: { code?: unknown } }).cause?.code;
      const closed = code === 'UND_ERR_SOCKET' || code === 'ECONNRESET' || code === 'EPIPE';
      if (attempt >= 3 || !closed) throw error;
    }
  }
}

/**
 * A user's access token, the way a person gets one: snac's own login form answers the authorize
 * step with a code, which is exchanged at `/oauth/token`. (Tests of Slowpost's own sign-in drive
 * the form in a browser instead.)
 */
export async function accessToken(server: Snac2Server, user: string): Promise<string> {
  const who = server.users.get(user);
  if (who === undefined) throw new Error(`no user ${user} on this snac2`);
  const app = await registerApp(server.origin, 'http://127.0.0.1:9/callback');
  const login = await snacFetch(`${server.origin}/oauth/x-snac-login`, {
    method: 'POST',
    redirect: 'manual',
    body: new URLSearchParams({
      login: who.name,
      passwd: who.password,
      redir: app.redirectUri,
      cid: app.clientId,
      state: 'tests',
    }),
  });
  const location = login.headers.get('location');
  const code = location === null ? null : new URL(location).searchParams.get('code');
  if (code === null) throw new Error(`snac's login answered ${login.status} without a code`);
  const token = await snacFetch(`${server.origin}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uri: app.redirectUri,
    }),
  });
  const body = (await token.json()) as { access_token?: string };
  if (body.access_token === undefined) throw new Error('snac gave no access token');
  return body.access_token;
}
