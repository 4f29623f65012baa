import { describe, expect, it } from 'vitest';
import type { Delivery } from '@shared/domain';
import type { FocusWindow } from '@shared/schedule';
import { broughtLabel, carriedLabel, movedLabel, waitingSinceLabel } from './delivery-labels';

// Local times, so the days are the machine's days whatever its time zone.
const at = (day: number, hh: number, mm = 0) => new Date(2026, 10, day, hh, mm).getTime();
const NOW = at(26, 13, 5); // Thursday 26 November 2026, 13:05

function delivery(kind: Delivery['kind'], scheduledFor: number, deliveredAt = scheduledFor) {
  return { kind, scheduledFor, deliveredAt } as Delivery;
}

describe('the note on what waits from an earlier session', () => {
  it('names the delivery and the day, calmly', () => {
    expect(waitingSinceLabel(delivery('scheduled', at(26, 9)), NOW, 'en-GB')).toBe(
      'Waiting since the 09:00 delivery today',
    );
    expect(waitingSinceLabel(delivery('scheduled', at(25, 18)), NOW, 'en-GB')).toBe(
      'Waiting since the 18:00 delivery yesterday',
    );
    expect(waitingSinceLabel(delivery('scheduled', at(24, 9)), NOW, 'en-GB')).toBe(
      'Waiting since the 09:00 delivery on Tuesday',
    );
    expect(waitingSinceLabel(delivery('catch-up', at(3, 9), at(3, 10, 30)), NOW, 'en-GB')).toBe(
      'Waiting since the 09:00 delivery on 3 November',
    );
    expect(waitingSinceLabel(delivery('early', at(26, 7, 10)), NOW, 'en-GB')).toBe(
      'Waiting since your early opening at 07:10 today',
    );
    expect(waitingSinceLabel(delivery('welcome', at(24, 6)), NOW, 'en-GB')).toBe(
      'Waiting since your first delivery on Tuesday',
    );
  });

  it('the history says what a delivery brought back, and nothing when it brought nothing', () => {
    expect(carriedLabel(0)).toBe('');
    expect(carriedLabel(3)).toBe('and 3 that waited from before');
  });
});

describe('what the open deliveries brought', () => {
  it('adds up the records, in the words of the delivery history', () => {
    expect(broughtLabel([{ conversationCount: 68, carriedCount: 0 }])).toBe('68 conversations');
    expect(
      broughtLabel([
        { conversationCount: 10, carriedCount: 3 },
        { conversationCount: 1, carriedCount: 0 },
      ]),
    ).toBe('11 conversations and 3 that waited from before');
    expect(broughtLabel([{ conversationCount: 0, carriedCount: 0 }])).toBe(
      'nothing that needs you',
    );
  });
});

describe('why the next delivery moved', () => {
  const window = (label: string | undefined, start = '09:00', end = '12:00'): FocusWindow => ({
    ...(label === undefined ? {} : { label }),
    days: [1, 2, 3, 4, 5],
    start,
    end,
  });
  const moved = (from: number, ...windows: FocusWindow[]) => ({ scheduledFor: from, windows });

  it('names the slot it moved from and the window, by its label', () => {
    expect(movedLabel(at(26, 12), moved(at(26, 9), window('Deep work')), 'en-GB')).toBe(
      'moved from 09:00, after your deep work window',
    );
  });

  it('names an unlabelled window by its times', () => {
    expect(movedLabel(at(26, 12), moved(at(26, 9), window(undefined)), 'en-GB')).toBe(
      'moved from 09:00, after your 09:00–12:00 focus window',
    );
    expect(movedLabel(at(26, 12), moved(at(26, 9), window('  ')), 'en-GB')).toBe(
      'moved from 09:00, after your 09:00–12:00 focus window',
    );
  });

  it('keeps the capitals of a name such as PTA or SummitUp', () => {
    expect(movedLabel(at(26, 12), moved(at(26, 9), window('PTA calls')), 'en-GB')).toBe(
      'moved from 09:00, after your PTA calls window',
    );
    expect(movedLabel(at(26, 12), moved(at(26, 9), window('SummitUp prep')), 'en-GB')).toBe(
      'moved from 09:00, after your SummitUp prep window',
    );
  });

  it('names every window of a chain', () => {
    const chain = moved(
      at(26, 9),
      window('Stand-up', '08:30', '10:00'),
      window('Deep work', '10:00', '12:00'),
      window(undefined, '12:00', '12:30'),
    );
    expect(movedLabel(at(26, 12, 30), chain, 'en-GB')).toBe(
      'moved from 09:00, after your stand-up, deep work and 12:00–12:30 focus windows',
    );
  });

  it('says when the slot was the day before (a window crossing midnight)', () => {
    expect(
      movedLabel(at(26, 7), moved(at(25, 22), window('Quiet evenings', '21:00', '07:00')), 'en-GB'),
    ).toBe('moved from 22:00 the day before, after your quiet evenings window');
  });
});
