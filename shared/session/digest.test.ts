import { describe, expect, it } from 'vitest';
import type { ActivityItem, Person, Post } from '../domain';
import { buildSession } from './build-session';
import { buildDigest } from './digest';
import { history, item, person, post, SELF } from './testing/session-fixtures';

const PEOPLE = ['mira', 'tom', 'olga', 'sven', 'kai', 'ines', 'nikos', 'me'].map((k) =>
  person(k, { displayName: k === 'me' ? 'Me' : `${k[0]?.toUpperCase()}${k.slice(1)} Doe` }),
);
const POSTS = [
  post('bakery', 'me', -60, {
    html: '<p>The bakery on Elm Street finally reopened, and the cardamom buns are back!</p>',
  }),
  post('garden', 'me', -50, { html: '<p>Garden day: the tomatoes survived the storm.</p>' }),
  post('reply', 'me', -40, {
    html: '<p><span class="h-card"><a href="https://x.example/@tom" class="u-url mention">@<span>tom</span></a></span> Thanks, see you Friday!</p>',
  }),
  post('bikes', 'me', -30),
];

function digestOf(items: ActivityItem[], people: Person[] = PEOPLE, posts: Post[] = POSTS) {
  return buildDigest(items, {
    people: new Map(people.map((p) => [p.id, p])),
    posts: new Map(posts.map((p) => [p.id, p])),
  });
}

const fav = (n: number, by: string, subject: string) =>
  item(`fav-${n}`, 'favourite', by, n, { subject });
const boost = (n: number, by: string, subject: string) =>
  item(`boost-${n}`, 'boost', by, n, { subject });
const follow = (n: number, by: string) => item(`follow-${n}`, 'follow', by, n);

describe('buildDigest', () => {
  it('is null when nothing was appreciated', () => {
    expect(digestOf([])).toBeNull();
    expect(digestOf([item('m', 'mention', 'mira', 1, { post: 'bakery' })])).toBeNull();
  });

  it('names one person and quotes the one post', () => {
    expect(digestOf([fav(1, 'mira', 'bakery')])).toEqual({
      text: 'Mira Doe appreciated your post “The bakery on Elm Street finally…”',
      peopleCount: 1,
      postCount: 1,
      followCount: 0,
      kinds: ['favourite'],
    });
  });

  it('names two people, and leaves the leading @mention out of the quote', () => {
    const d = digestOf([fav(1, 'mira', 'reply'), boost(2, 'tom', 'reply')]);
    expect(d?.text).toBe('Mira Doe and Tom Doe appreciated your post “Thanks, see you Friday!”');
    expect(d?.kinds).toEqual(['favourite', 'boost']);
  });

  it('counts distinct people and distinct posts, not events', () => {
    const d = digestOf([
      fav(1, 'mira', 'bakery'),
      boost(2, 'mira', 'bakery'),
      fav(3, 'tom', 'garden'),
      fav(4, 'olga', 'garden'),
      fav(5, 'olga', 'bakery'),
      boost(6, 'sven', 'bikes'),
      fav(7, 'kai', 'bikes'),
    ]);
    expect(d).toMatchObject({
      text: '5 people appreciated 3 of your posts',
      peopleCount: 5,
      postCount: 3,
      followCount: 0,
    });
  });

  it('says how many posts when one person appreciated several', () => {
    expect(digestOf([fav(1, 'mira', 'bakery'), fav(2, 'mira', 'garden')])?.text).toBe(
      'Mira Doe appreciated 2 of your posts',
    );
  });

  it('folds follows in: named when few, counted when many', () => {
    expect(digestOf([follow(1, 'ines')])?.text).toBe('Ines Doe followed you');
    expect(digestOf([follow(1, 'ines'), follow(2, 'nikos')])?.text).toBe(
      'Ines Doe and Nikos Doe followed you',
    );
    const d = digestOf([follow(1, 'ines'), follow(2, 'nikos'), follow(3, 'kai'), follow(4, 'kai')]);
    expect(d).toMatchObject({
      text: '3 people followed you',
      peopleCount: 3,
      postCount: 0,
      followCount: 3,
      kinds: ['follow'],
    });
  });

  it('joins both into one line, counting each person once overall', () => {
    const d = digestOf([
      fav(1, 'mira', 'bakery'),
      fav(2, 'tom', 'garden'),
      fav(3, 'olga', 'bikes'),
      follow(4, 'ines'),
      follow(5, 'nikos'),
      follow(6, 'mira'),
    ]);
    expect(d).toMatchObject({
      text: '3 people appreciated 3 of your posts, and 3 people followed you',
      peopleCount: 5,
      postCount: 3,
      followCount: 3,
      kinds: ['favourite', 'follow'],
    });
  });

  it('counts rather than names people it does not know, and copes with a missing post', () => {
    expect(digestOf([fav(1, 'stranger', 'gone')])?.text).toBe('1 person appreciated your post');
    expect(digestOf([item('f', 'favourite', 'mira', 1)])?.text).toBe(
      'Mira Doe appreciated your posts',
    );
  });
});

describe('buildSession: digest', () => {
  const activity = [
    fav(1, 'mira', 'bakery'),
    boost(2, 'tom', 'garden'),
    follow(3, 'ines'),
    item('mention', 'mention', 'mira', 4, { post: 'garden' }),
  ];
  const input = {
    activity,
    posts: POSTS,
    people: PEOPLE,
    threads: [],
    selfId: SELF,
    history: history(['mira']),
  };

  it('folds appreciation into the digest and keeps it out of the conversations', () => {
    const s = buildSession(input);
    expect(s.digest?.text).toBe(
      'Mira Doe and Tom Doe appreciated 2 of your posts, and Ines Doe followed you',
    );
    expect(s.conversations.flatMap((c) => c.activityIds)).toEqual(['a|n-mention']);
  });

  it('hides the digest when asked', () => {
    const s = buildSession({ ...input, hideDigest: true });
    expect(s.digest).toBeNull();
    expect(s.conversations).toHaveLength(1);
  });
});
