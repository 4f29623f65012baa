import { describe, expect, it } from 'vitest';
import { defaultScheduleSettings } from '@shared/schedule';
import { deliveryMarks, describeWindow, weekBlocks } from './focus-week';
import type { WindowForm } from './schedule-form';

const window = (change: Partial<WindowForm>): WindowForm => ({
  key: 0,
  label: '',
  days: [1, 2, 3, 4, 5],
  start: '09:00',
  end: '12:00',
  ...change,
});

describe('the focus week drawing', () => {
  it('draws a window on each of its days', () => {
    const blocks = weekBlocks([window({ label: 'Deep work' })]);
    expect(blocks).toHaveLength(5);
    expect(blocks[0]).toEqual({ window: 0, label: 'Deep work', day: 1, start: 540, end: 720 });
  });

  it('splits a window that crosses midnight; Sunday’s night ends on Monday morning', () => {
    const blocks = weekBlocks([window({ days: [7], start: '21:00', end: '07:00' })]);
    expect(blocks).toEqual([
      { window: 0, label: 'Focus window 1', day: 7, start: 1260, end: 1440 },
      { window: 0, label: 'Focus window 1', day: 1, start: 0, end: 420 },
    ]);
  });

  it('until 00:00 is until midnight, one block', () => {
    expect(weekBlocks([window({ days: [3], start: '21:00', end: '00:00' })])).toEqual([
      { window: 0, label: 'Focus window 1', day: 3, start: 1260, end: 1440 },
    ]);
  });

  it('leaves out windows whose times are not complete', () => {
    expect(weekBlocks([window({ start: '' })])).toEqual([]);
  });

  it('marks the deliveries a window moves', () => {
    const blocks = weekBlocks([window({ days: [1], start: '08:00', end: '10:00' })]);
    const marks = deliveryMarks(defaultScheduleSettings().deliveries, blocks);
    expect(marks.filter((m) => m.inFocus)).toEqual([
      { day: 1, minute: 540, time: '09:00', inFocus: true },
    ]);
  });

  it('says the same in words', () => {
    expect(describeWindow(window({ label: 'Deep work' }), 0)).toBe(
      'Deep work: weekdays, 09:00 to 12:00.',
    );
    expect(describeWindow(window({ days: [5, 6], start: '21:00', end: '07:00' }), 1)).toBe(
      'Focus window 2: Friday and Saturday, 21:00 to 07:00 the next day.',
    );
    expect(
      describeWindow(window({ days: [1, 2, 3, 4, 5, 6, 7], start: '21:00', end: '00:00' }), 0),
    ).toBe('Focus window 1: every day, 21:00 to midnight.');
  });
});
