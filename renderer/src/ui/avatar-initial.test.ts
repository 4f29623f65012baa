import { describe, expect, it } from 'vitest';
import { initialOf, toneOf } from './avatar-initial';

describe('initialOf', () => {
  it('is the first letter of the name, upper-cased', () => {
    expect(initialOf('mira okafor')).toBe('M');
    expect(initialOf('Ngozi Eze')).toBe('N');
  });

  it('skips a leading @ and spaces (a handle shown as the name)', () => {
    expect(initialOf('@tomas@example.social')).toBe('T');
    expect(initialOf('  @ kai')).toBe('K');
  });

  it('keeps a whole grapheme: an emoji with its modifiers, a letter with its accent', () => {
    expect(initialOf('👩🏽‍🔬 Priya')).toBe('👩🏽‍🔬');
    expect(initialOf('e\u0301lodie')).toBe('E\u0301');
  });

  it('is a question mark for a name with nothing to show', () => {
    expect(initialOf('')).toBe('?');
    expect(initialOf('@ ')).toBe('?');
  });

  it('gives the same answer when asked again (it is remembered)', () => {
    expect(initialOf('zoe')).toBe('Z');
    expect(initialOf('zoe')).toBe('Z');
    expect(initialOf('Zoe')).toBe('Z');
  });
});

describe('toneOf', () => {
  it('gives the same name the same tone, one of six', () => {
    expect(toneOf('Mira Okafor')).toBe(toneOf('Mira Okafor'));
    for (const name of ['a', 'Mira', 'Kwame Mensah', '👩🏽‍🔬']) {
      expect(toneOf(name)).toBeGreaterThanOrEqual(0);
      expect(toneOf(name)).toBeLessThan(6);
    }
  });
});
