import type { CDPSession } from '@playwright/test';

/**
 * The page's timeline (the trace DevTools' Performance panel records: tasks, style, layout,
 * paint, frames) while `run` runs, as the raw trace events; each caller reads the fields it needs.
 */
export async function traceTimeline<Event>(
  cdp: CDPSession,
  run: () => Promise<void>,
): Promise<Event[]> {
  const events: Event[] = [];
  const collect = ({ value }: { value: object[] }) => events.push(...(value as Event[]));
  cdp.on('Tracing.dataCollected', collect);
  await cdp.send('Tracing.start', {
    categories: 'devtools.timeline',
    transferMode: 'ReportEvents',
  });
  await run();
  const done = new Promise<void>((r) => cdp.once('Tracing.tracingComplete', () => r()));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  return events;
}
