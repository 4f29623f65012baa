/**
 * A throw-away Redis for one test run (the AppView caches in it): Debian's `redis-server` on a free
 * 127.0.0.1 port, working in a folder of its own, saving nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from '../free-port';
import { stopChild } from './child-process';

export interface ThrowawayRedis {
  /** `127.0.0.1:<port>`, the form the AppView's `redisHost` takes. */
  readonly host: string;
  readonly process: ChildProcess;
  stop(): Promise<void>;
}

export function redisInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { encoding: 'utf8' }).error === undefined;
}

/** Whether Redis answers PING with +PONG on the port. */
async function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host: '127.0.0.1', port });
    let answer = '';
    socket.setTimeout(2_000, () => socket.destroy());
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk: Buffer) => {
      answer += chunk.toString();
      if (answer.includes('\r\n')) socket.end();
    });
    socket.once('error', () => undefined);
    socket.once('close', () => resolve(answer.startsWith('+PONG')));
  });
}

/** Starts Redis working in `dir` (a folder the caller removes afterwards). */
export async function startThrowawayRedis(dir: string): Promise<ThrowawayRedis> {
  const port = await freePort();
  const server = spawn(
    'redis-server',
    [
      ...['--port', String(port), '--bind', '127.0.0.1', '--dir', dir],
      ...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', ''],
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let log = '';
  const keep = (chunk: Buffer) => (log = `${log}${chunk.toString()}`.slice(-4_000));
  server.stdout?.on('data', keep);
  server.stderr?.on('data', keep);
  const deadline = Date.now() + 30_000;
  while (!(await pong(port))) {
    if (server.exitCode !== null || Date.now() > deadline) {
      await stopChild(server, 'SIGKILL');
      throw new Error(`redis-server did not answer on 127.0.0.1:${port}\n${log}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { host: `127.0.0.1:${port}`, process: server, stop: () => stopChild(server, 'SIGTERM') };
}
