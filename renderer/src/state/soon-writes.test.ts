import { describe, expect, it } from 'vitest';
import { createSoonWrites } from './soon-writes';

function harness() {
  const written: Array<Record<string, string | null>> = [];
  const scheduled: Array<() => void> = [];
  const writes = createSoonWrites<string, string | null>(
    (pending) => written.push(Object.fromEntries(pending)),
    (run) => scheduled.push(run),
  );
  const runScheduled = () => scheduled.splice(0).forEach((run) => run());
  return { writes, written, scheduled, runScheduled };
}

describe('writes made soon', () => {
  it('writes nothing at once, then the newest value of each key in one write', () => {
    const { writes, written, scheduled, runScheduled } = harness();
    writes.set('conversation', 'a');
    writes.set('conversation', 'b');
    writes.set('view', null);
    expect(written).toEqual([]);
    expect(scheduled).toHaveLength(1);
    runScheduled();
    expect(written).toEqual([{ conversation: 'b', view: null }]);
  });

  it('writes at once when flushed (before a read), and not again when the schedule comes', () => {
    const { writes, written, runScheduled } = harness();
    writes.set('conversation', 'a');
    writes.flush();
    expect(written).toEqual([{ conversation: 'a' }]);
    runScheduled();
    expect(written).toHaveLength(1);
    writes.set('conversation', 'c');
    runScheduled();
    expect(written).toEqual([{ conversation: 'a' }, { conversation: 'c' }]);
  });

  it('forgets what was pending when dropped', () => {
    const { writes, written, runScheduled } = harness();
    writes.set('conversation', 'a');
    writes.drop();
    runScheduled();
    writes.flush();
    expect(written).toEqual([]);
  });
});
