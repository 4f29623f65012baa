import { describe, expect, it } from 'vitest';
import { selectionGivingWay } from './selection-gives-way';

const listed = (...ids: string[]) => ids.map((threadId) => ({ threadId }));
const session = listed('a', 'b', 'c', 'd');

describe('selectionGivingWay', () => {
  it('keeps a conversation the list still holds', () => {
    const waiting = listed('a', 'b', 'c', 'd');
    expect(selectionGivingWay('b', waiting, session, (id) => id !== 'x')).toBe('b');
  });

  it('moves from a conversation handled elsewhere to the next one still waiting', () => {
    const waiting = listed('a', 'd');
    const held = new Set(waiting.map((c) => c.threadId));
    expect(selectionGivingWay('b', waiting, session, (id) => held.has(id))).toBe('d');
  });

  it('moves to the last one waiting when nothing after it waits', () => {
    const waiting = listed('a', 'b');
    const held = new Set(waiting.map((c) => c.threadId));
    expect(selectionGivingWay('d', waiting, session, (id) => held.has(id))).toBe('b');
  });

  it('selects nothing when nothing waits', () => {
    expect(selectionGivingWay('c', [], session, () => false)).toBeNull();
  });

  it('keeps a conversation whose action the store has not answered for yet', () => {
    const waiting = listed('a', 'c');
    expect(selectionGivingWay('b', waiting, session, (id) => id === 'b')).toBe('b');
  });

  it('keeps a selection outside this session (it is not this list’s to move)', () => {
    const waiting = listed('a');
    expect(selectionGivingWay('z', waiting, session, () => false)).toBe('z');
    expect(selectionGivingWay(null, waiting, session, () => false)).toBeNull();
  });
});
