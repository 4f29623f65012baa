/**
 * A throw-away PostgreSQL cluster for one test run: `initdb` in a folder of its own, the server on
 * a free 127.0.0.1 port with its unix socket in that folder, trust authentication, no durability
 * (nothing here outlives the run). PostgreSQL refuses to run as root, so as root it runs as the
 * `postgres` user Debian's package creates (or `nobody`).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, chown, mkdir } from 'node:fs/promises';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort } from '../free-port';
import { runToEnd, stopChild } from './child-process';

export interface ThrowawayPostgres {
  /** `postgresql://postgres@127.0.0.1:<port>/postgres`. */
  readonly url: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

const PROGRAMS = ['initdb', 'postgres', 'pg_isready'] as const;

/**
 * The folder with PostgreSQL's programs. Debian keeps them in /usr/lib/postgresql/<major>/bin, off
 * PATH (the /usr/local/bin/pg_ctl on some machines is only a link into it); the newest is taken,
 * else a folder on PATH that has them all.
 */
export function postgresBinDir(): string | null {
  const root = '/usr/lib/postgresql';
  const majors = existsSync(root)
    ? readdirSync(root)
        .filter((name) => /^\d+$/.test(name))
        .sort((a, b) => Number(b) - Number(a))
    : [];
  const candidates = [
    ...majors.map((major) => join(root, major, 'bin')),
    ...(process.env['PATH'] ?? '').split(':').filter((dir) => dir !== ''),
  ];
  return (
    candidates.find((bin) => PROGRAMS.every((program) => existsSync(join(bin, program)))) ?? null
  );
}

interface Account {
  readonly uid: number;
  readonly gid: number;
}

/** The unprivileged account PostgreSQL runs as when we are root; undefined when we are not root. */
function serverAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const passwd = readFileSync('/etc/passwd', 'utf8').split('\n');
  for (const name of ['postgres', 'nobody']) {
    const fields = passwd.find((line) => line.startsWith(`${name}:`))?.split(':');
    if (fields !== undefined && fields.length > 3) {
      return { uid: Number(fields[2]), gid: Number(fields[3]) };
    }
  }
  throw new Error('running as root, and there is no postgres or nobody user to run PostgreSQL as');
}

async function waitUntilReady(bin: string, port: number, server: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`postgres exited (${server.exitCode})`);
    const ready = await runToEnd(join(bin, 'pg_isready'), [
      '-q',
      ...['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres'],
    ]);
    if (ready.status === 0) return;
    if (Date.now() > deadline) throw new Error(`postgres did not accept connections within 60 s`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Starts a cluster in `dir` (an empty folder the caller removes afterwards). */
export async function startThrowawayPostgres(dir: string): Promise<ThrowawayPostgres> {
  const bin = postgresBinDir();
  if (bin === null) throw new Error('PostgreSQL is not installed (/usr/lib/postgresql/*/bin)');
  const account = serverAccount();
  const data = join(dir, 'postgres');
  await mkdir(data, { mode: 0o700 });
  if (account !== undefined) {
    // The account must reach its folder through ours (mkdtemp makes it 0700) and own its own.
    await chmod(dir, 0o711);
    await chown(data, account.uid, account.gid);
  }
  const asAccount = account ?? {};
  const init = await runToEnd(
    join(bin, 'initdb'),
    ['-D', data, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync'],
    asAccount,
  );
  if (init.status !== 0) throw new Error(`initdb failed (${init.status}): ${init.output}`);
  const port = await freePort();
  const settings = {
    listen_addresses: '127.0.0.1',
    unix_socket_directories: data,
    fsync: 'off',
    synchronous_commit: 'off',
    full_page_writes: 'off',
    max_connections: '200',
  };
  const server = spawn(
    join(bin, 'postgres'),
    [
      ...['-D', data, '-p', String(port)],
      ...Object.entries(settings).flatMap(([key, value]) => ['-c', `${key}=${value}`]),
    ],
    { ...asAccount, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let log = '';
  server.stderr?.on('data', (chunk: Buffer) => (log = `${log}${chunk.toString()}`.slice(-4_000)));
  try {
    await waitUntilReady(bin, port, server);
  } catch (error) {
    await stopChild(server, 'SIGKILL');
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${log}`);
  }
  return {
    url: `postgresql://postgres@127.0.0.1:${port}/postgres`,
    process: server,
    // SIGINT is PostgreSQL's "fast shutdown": it ends the sessions and stops without waiting.
    stop: () => stopChild(server, 'SIGINT'),
  };
}
