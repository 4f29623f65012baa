import { describe, expect, it } from 'vitest';
import { createTypedText, lastAnswer } from './typed-text';

describe('createTypedText', () => {
  it('starts with the text given and tells every subscriber of each new text', () => {
    const typed = createTypedText('Dear');
    const seen: string[][] = [[], []];
    typed.subscribe(() => seen[0]?.push(typed.get()));
    typed.subscribe(() => seen[1]?.push(typed.get()));
    expect(typed.get()).toBe('Dear');
    typed.set('Dear M');
    typed.set('Dear Mi');
    expect(seen).toEqual([
      ['Dear M', 'Dear Mi'],
      ['Dear M', 'Dear Mi'],
    ]);
  });

  it('tells nobody when the text is the same as before', () => {
    const typed = createTypedText('same');
    let calls = 0;
    typed.subscribe(() => (calls += 1));
    typed.set('same');
    expect(calls).toBe(0);
  });

  it('stops telling a subscriber that unsubscribed', () => {
    const typed = createTypedText('');
    let calls = 0;
    const stop = typed.subscribe(() => (calls += 1));
    typed.set('a');
    stop();
    typed.set('ab');
    expect(calls).toBe(1);
    expect(typed.get()).toBe('ab');
  });
});

describe('lastAnswer', () => {
  it('answers the same text with the same answer, working it out once', () => {
    let worked = 0;
    const count = lastAnswer((text: string) => {
      worked += 1;
      return { length: text.length };
    });
    const first = count('hello');
    expect(count('hello')).toBe(first);
    expect(worked).toBe(1);
    expect(count('hello!')).toEqual({ length: 6 });
    expect(worked).toBe(2);
    // Only the last text is remembered.
    expect(count('hello')).not.toBe(first);
    expect(count('hello')).toEqual(first);
  });
});
