/** Small helpers for the server processes the harness starts and must leave nothing of. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface Finished {
  readonly status: number | null;
  readonly output: string;
}

/** Runs a program to its end (without blocking the event loop), with its output. */
export async function runToEnd(
  program: string,
  args: readonly string[],
  account: { readonly uid?: number; readonly gid?: number } = {},
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(program, args, { ...account, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', reject);
    child.once('close', (status) => resolve({ status, output }));
  });
}

/** Sends `signal`, waits for the exit (10 s at most), then kills. Resolves once it has exited. */
export async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  const late = await Promise.race([
    exited.then(() => false),
    new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10_000).unref()),
  ]);
  if (late) {
    child.kill('SIGKILL');
    await exited;
  }
}
