import { describe, expect, it } from 'vitest';
import {
  emptyHistory,
  hasHistory,
  historyFromPosts,
  talksWith,
  TALKS_WITH_MIN_CONVERSATIONS,
} from './person-history';
import { history, post, SELF } from './testing/session-fixtures';

describe('historyFromPosts', () => {
  it('records whom the user replied to', () => {
    const h = historyFromPosts([
      post('root', 'mira', 0),
      post('mine', 'me', 5, { thread: 'root', parent: 'root' }),
    ]);
    expect([...h.repliedTo]).toEqual(['a|mira']);
    expect(h.conversationsWith.get('a|mira')).toBe(1);
  });

  it('counts threads the user wrote in after the person did, once per thread', () => {
    const h = historyFromPosts([
      post('t1', 'me', 0),
      post('t1-tom', 'tom', 1, { thread: 't1', parent: 't1' }),
      post('t1-tom-again', 'tom', 2, { thread: 't1', parent: 't1' }),
      post('t1-me', 'me', 3, { thread: 't1', parent: 't1' }),
      post('t2', 'tom', 10),
      post('t2-olga', 'olga', 11, { thread: 't2', parent: 't2' }),
      post('t2-me', 'me', 12, { thread: 't2', parent: 't2-olga' }),
    ]);
    expect(h.conversationsWith.get('a|tom')).toBe(2);
    expect(h.conversationsWith.get('a|olga')).toBe(1);
    expect([...h.repliedTo].sort()).toEqual(['a|olga']);
  });

  it('gives no history to someone who only answered the user (a stranger, or spam)', () => {
    const h = historyFromPosts([
      post('mine', 'me', 0),
      post('spam', 'spammer', 5, { thread: 'mine', parent: 'mine' }),
    ]);
    expect(hasHistory(h, 'a|spammer')).toBe(false);
  });

  it('recognises the user by selfId as well as isOwn', () => {
    const h = historyFromPosts(
      [
        post('root', 'mira', 0),
        post('mine', 'me', 5, { thread: 'root', parent: 'root', own: false }),
      ],
      SELF,
    );
    expect(h.repliedTo.has('a|mira')).toBe(true);
  });
});

describe('talksWith', () => {
  it('is true for let-in people, people replied to, and people met in enough threads', () => {
    const h = history(['mira'], { tom: TALKS_WITH_MIN_CONVERSATIONS, olga: 1 });
    expect(talksWith(h, 'a|mira', 'unknown')).toBe(true);
    expect(talksWith(h, 'a|tom', 'unknown')).toBe(true);
    expect(talksWith(h, 'a|olga', 'unknown')).toBe(false);
    expect(hasHistory(h, 'a|olga')).toBe(true);
    expect(talksWith(emptyHistory(), 'a|ngozi', 'let-in')).toBe(true);
    expect(talksWith(emptyHistory(), 'a|ngozi', undefined)).toBe(false);
  });
});
