import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ActivityItem, ActivityKind, Person, Post, Thread } from '../domain';
import { buildSession, isConversational } from './build-session';
import { hasHistory } from './person-history';
import { createScreeningCache } from './screening-cache';
import type { BuildSessionInput, Session } from './session-types';
import { history, item, person, post, SELF, thread } from './testing/session-fixtures';

/** Budget per test: this work is CPU-bound, and a busy 2-core machine runs it many times slower. */
const HEAVY_TEST_MS = 60_000;

const KEYS = ['me', 'mira', 'tom', 'olga', 'sven', 'ngozi', 'kai'] as const;
const KINDS: readonly ActivityKind[] = [
  'mention',
  'reply',
  'direct',
  'quote',
  'other',
  'favourite',
  'boost',
  'follow',
];
const HTML = [
  '<p>See you at the garden on Saturday?</p>',
  '<p>Grеаt pоst! <a href="https://x.example/1">1</a> <a href="https://x.example/2">2</a> <a href="https://x.example/3">3</a></p>',
];
const THREADS = ['t0', 't1', 't2', 't3', 't4'];
// One cache for the whole file: the real screening, done once per distinct text.
const cache = createScreeningCache();

const personArb = fc.record({
  screening: fc.constantFrom<Person['screening']>('unknown', 'let-in', 'kept-out'),
  replied: fc.boolean(),
  conversations: fc.nat({ max: 3 }),
});

const itemArb = fc.record({
  kind: fc.constantFrom(...KINDS),
  by: fc.nat({ max: KEYS.length - 1 }),
  post: fc.option(fc.nat({ max: 7 }), { nil: undefined }),
  /** 0..4: a thread; 5: no thread id on the item. */
  thread: fc.nat({ max: 5 }),
  minute: fc.nat({ max: 30 }),
});

const worldArb = fc.record({
  people: fc.array(personArb, { minLength: KEYS.length, maxLength: KEYS.length }),
  posts: fc.array(
    fc.record({
      by: fc.nat({ max: KEYS.length - 1 }),
      thread: fc.nat({ max: 4 }),
      spam: fc.boolean(),
    }),
    { minLength: 6, maxLength: 6 },
  ),
  muted: fc.subarray(THREADS),
  items: fc.array(itemArb, { maxLength: 40 }),
  duplicate: fc.boolean(),
});

type World = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function inputOf(w: World): BuildSessionInput {
  const key = (i: number): string => KEYS[i] ?? 'me';
  const people = KEYS.map((k, i) => {
    const traits = w.people[i];
    return person(k, k === 'me' ? { isSelf: true } : { screening: traits?.screening ?? 'unknown' });
  });
  const replied = KEYS.filter((k, i) => k !== 'me' && w.people[i]?.replied === true);
  const conversations = Object.fromEntries(
    KEYS.map((k, i) => [k, w.people[i]?.conversations ?? 0] as const).filter(([, n]) => n > 0),
  );
  // Posts p0..p5 exist; p6 and p7 are referenced by items but missing.
  const posts: Post[] = w.posts.map((p, i) =>
    post(`p${i}`, key(p.by), i, { thread: `t${p.thread}`, html: HTML[p.spam ? 1 : 0] ?? '' }),
  );
  const threads: Thread[] = THREADS.map((t) =>
    thread(t, { triage: w.muted.includes(t) ? 'muted' : 'open' }),
  );
  const activity: ActivityItem[] = w.items.map((it, i) =>
    item(`i${i}`, it.kind, key(it.by), it.minute, {
      ...(it.post === undefined ? {} : { post: `p${it.post}` }),
      thread: it.thread === 5 ? null : `t${it.thread}`,
      ...(it.kind === 'favourite' || it.kind === 'boost' ? { subject: `p${it.post ?? 0}` } : {}),
    }),
  );
  const first = activity[0];
  return {
    activity: w.duplicate && first !== undefined ? [...activity, first] : activity,
    posts,
    people,
    threads,
    selfId: SELF,
    history: history(replied, conversations),
    screeningCache: cache,
  };
}

function placedIds(s: Session): string[] {
  return [
    ...s.conversations.flatMap((c) => c.activityIds),
    ...s.screener.flatMap((e) => e.activityIds),
    ...s.setAside.muted,
    ...s.setAside.keptOut,
    ...s.setAside.unplaced,
  ];
}

/** A seeded shuffle, so a failing case replays. */
function shuffled<T>(values: readonly T[], seed: number): T[] {
  const out = [...values];
  let s = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i -= 1) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const j = s % (i + 1);
    const a = out[i] as T;
    out[i] = out[j] as T;
    out[j] = a;
  }
  return out;
}

describe('buildSession properties', { timeout: HEAVY_TEST_MS }, () => {
  it('places every conversational item exactly once, and nothing else', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const input = inputOf(w);
        const s = buildSession(input);
        const expected = [
          ...new Set(
            input.activity
              .filter((a) => isConversational(a) && a.actorId !== SELF)
              .map((a) => a.id),
          ),
        ];
        expect(placedIds(s).sort()).toEqual(expected.sort());
        expect(s.keptOutCount).toBe(s.setAside.keptOut.length);
      }),
    );
  });

  it('gives the same session whatever order the records come in', () => {
    fc.assert(
      fc.property(worldArb, fc.integer(), (w, seed) => {
        const input = inputOf(w);
        const again: BuildSessionInput = {
          ...input,
          activity: shuffled(input.activity, seed),
          posts: shuffled(input.posts as readonly Post[], seed + 1),
          people: shuffled(input.people as readonly Person[], seed + 2),
          threads: shuffled(input.threads as readonly Thread[], seed + 3),
        };
        expect(buildSession(again)).toEqual(buildSession(input));
      }),
    );
  });

  it('orders by tier, keeps each person together inside a tier, newest first in a group', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const { conversations } = buildSession(inputOf(w));
        const seen = new Set<string>();
        conversations.forEach((c, i) => {
          const previous = conversations[i - 1];
          const block = `${c.priority}|${c.personId}`;
          if (previous === undefined || `${previous.priority}|${previous.personId}` !== block) {
            expect(seen.has(block)).toBe(false);
            seen.add(block);
            if (previous !== undefined)
              expect(c.priority).toBeGreaterThanOrEqual(previous.priority);
          } else {
            expect(c.latestAt).toBeLessThanOrEqual(previous.latestAt);
          }
        });
      }),
    );
  });

  it('never shows kept-out people, never screens let-in people, screens only real first-timers', () => {
    fc.assert(
      fc.property(worldArb, (w) => {
        const input = inputOf(w);
        const s = buildSession(input);
        const screening = new Map(
          (input.people as readonly Person[]).map((p) => [p.id, p.screening]),
        );
        for (const c of s.conversations) {
          for (const p of c.people) expect(screening.get(p)).not.toBe('kept-out');
          expect(c.people).not.toContain(SELF);
        }
        for (const e of s.screener) {
          expect(screening.get(e.personId)).toBe('unknown');
          if (e.reason === 'first-time') expect(hasHistory(input.history, e.personId)).toBe(false);
          expect(e.explanations.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
