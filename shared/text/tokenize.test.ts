import { describe, expect, it } from 'vitest';
import { tokenizeForComparison } from './tokenize';

function norms(text: string): string[] {
  return tokenizeForComparison(text).tokens.map((t) => t.norm);
}

describe('tokenizeForComparison', () => {
  it('keeps words and drops URLs, mentions, punctuation, emoji and case', () => {
    expect(
      norms('@anna@example.social Thanks for the follow!! 🙏 Check out https://me.example/x'),
    ).toEqual(['thanks', 'for', 'the', 'follow', 'check', 'out']);
  });

  it('normalises apostrophes and compatibility forms', () => {
    expect(norms('Don’t ＳＴＯＰ')).toEqual(["don't", 'stop']);
  });

  it('replaces names after greetings and in forms of address', () => {
    expect(norms('Thanks Anna, great to connect!')).toEqual([
      'thanks',
      '<name>',
      'great',
      'to',
      'connect',
    ]);
    expect(norms('Hi Anna Smith! Welcome.')).toEqual(['hi', '<name>', 'welcome']);
    expect(norms('Thank you Bob for the tip')).toEqual([
      'thank',
      'you',
      '<name>',
      'for',
      'the',
      'tip',
    ]);
    expect(norms('Anna, welcome aboard')).toEqual(['<name>', 'welcome', 'aboard']);
    expect(norms('Great to see you here, Bob!')).toEqual([
      'great',
      'to',
      'see',
      'you',
      'here',
      '<name>',
    ]);
    expect(norms('Danke Lea, bis bald')).toEqual(['danke', '<name>', 'bis', 'bald']);
  });

  it('keeps other capitalised words, so nouns and places still have to match', () => {
    expect(norms('Danke für das Foto vom Berg')).toEqual([
      'danke',
      'für',
      'das',
      'foto',
      'vom',
      'berg',
    ]);
    expect(norms('Also, see you in Berlin on Friday')).toEqual([
      'also',
      'see',
      'you',
      'in',
      'berlin',
      'on',
      'friday',
    ]);
  });

  it('splits text without spaces into words', () => {
    expect(norms('東京に行きたい').length).toBeGreaterThan(2);
  });

  it('reads HTML and keeps offsets into the plain text', () => {
    const { text, tokens } = tokenizeForComparison('<p>Hello <b>there</b></p>');
    expect(text).toBe('Hello there');
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual(['Hello', 'there']);
  });
});
