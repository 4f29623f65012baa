import { mkdir, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { measureCalm } from './calm';

// `npm run bench`: measures and writes bench/results/latest.json and latest.md. Never asserts.

interface Row {
  readonly measure: string;
  readonly value: string;
  readonly baseline: string;
  readonly ratio: string;
  readonly target: string;
}

async function main(): Promise<void> {
  const started = Date.now();
  const calm = await measureCalm(200);
  const rows: Row[] = [
    {
      measure: 'Calm: interruptions per simulated day (default schedule, 200 incoming items)',
      value: String(calm.interruptions),
      baseline: `${calm.deliveries} deliveries`,
      ratio: (calm.interruptions / Math.max(1, calm.deliveries)).toFixed(2),
      target: '= number of deliveries',
    },
  ];
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  const results = {
    when: new Date().toISOString(),
    machine,
    seconds: (Date.now() - started) / 1000,
    calm,
    rows,
  };
  const dir = join(__dirname, '../../bench/results');
  await mkdir(dir, { recursive: true });
  await writeFile(join(dir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const table = [
    '| Measure | Value | Baseline (same run) | Ratio | Target |',
    '| --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r.measure} | ${r.value} | ${r.baseline} | ${r.ratio} | ${r.target} |`),
    '',
    `Measured ${results.when} on ${machine}.`,
  ].join('\n');
  await writeFile(join(dir, 'latest.md'), `${table}\n`);
  console.log(table);
}

void main();
