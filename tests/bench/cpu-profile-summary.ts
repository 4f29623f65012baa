import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map';

// Sums a CPU profile (from the DevTools protocol) by the renderer's own source functions, through
// the build's source maps: what the bench's profiling tools print. Measures nothing itself.

const root = resolve(__dirname, '../..');

export interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  hitCount?: number;
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

async function consumerFor(url: string): Promise<SourceMapConsumer | null> {
  if (!/^https?:/.test(url)) return null;
  const name = new URL(url).pathname.replace(/^\//, '');
  // The bench page is built into out/bench and served under /bench/; the app, out/renderer.
  const file = name.startsWith('bench/')
    ? join(root, 'out', `${name}.map`)
    : join(root, 'out/renderer', `${name}.map`);
  try {
    const raw = await readFile(file, 'utf8');
    // source-map 0.7 builds its consumer asynchronously, though its types say otherwise.
    const consumer: SourceMapConsumer = await Promise.resolve(
      new SourceMapConsumer(JSON.parse(raw) as RawSourceMap),
    );
    return consumer;
  } catch {
    return null;
  }
}

export interface SummaryOptions {
  /** What the times are divided by (the number of keystrokes, or 1 for one cold open)… */
  readonly per: number;
  /** …and what that is called: "ms/key", "ms". */
  readonly unit: string;
}

/** Self time by original source function, and total (inclusive) time by the same. */
export async function summarizeProfile(
  profile: CpuProfile,
  { per, unit }: SummaryOptions,
): Promise<string> {
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfMs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  });
  const consumers = new Map<string, SourceMapConsumer | null>();
  const labelOf = async (node: ProfileNode): Promise<string> => {
    const { url, lineNumber, columnNumber, functionName } = node.callFrame;
    if (url === '') return functionName === '' ? '(anonymous)' : `(${functionName})`;
    if (!consumers.has(url)) consumers.set(url, await consumerFor(url));
    const consumer = consumers.get(url);
    if (consumer !== null && consumer !== undefined && lineNumber >= 0) {
      const pos = consumer.originalPositionFor({ line: lineNumber + 1, column: columnNumber });
      if (pos.source !== null) {
        const source = pos.source.replace(/^.*node_modules\//, 'nm:').replace(/^(\.\.\/)+/, '');
        return `${pos.name ?? functionName ?? '?'} ${source}:${pos.line}`;
      }
    }
    return `${functionName || '(anon)'} ${url.split('/').pop()}:${lineNumber}`;
  };
  const labels = new Map<number, string>();
  for (const n of profile.nodes) labels.set(n.id, await labelOf(n));
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  for (const [id, t] of selfMs) {
    const label = labels.get(id) ?? '?';
    self.set(label, (self.get(label) ?? 0) + t);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const l = labels.get(at) ?? '?';
      if (seen.has(l)) continue;
      seen.add(l);
      total.set(l, (total.get(l) ?? 0) + t);
    }
  }
  const all = [...selfMs.values()].reduce((a, b) => a + b, 0);
  const idle = self.get('(idle)') ?? 0;
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([l, t]) => `  ${(t / per).toFixed(2).padStart(7)} ${unit}  ${l}`)
      .join('\n');
  return [
    `sampled ${all.toFixed(0)} ms, idle ${idle.toFixed(0)} ms, busy ${((all - idle) / per).toFixed(2)} ${unit}`,
    'self:',
    top(self, 30),
    'total (inclusive):',
    top(total, 25),
    "the app's own code, total (inclusive):",
    top(new Map([...total].filter(([l]) => /renderer\/src|shared\//.test(l))), 40),
  ].join('\n');
}
