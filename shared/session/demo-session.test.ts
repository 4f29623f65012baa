/** The whole demo network, everything before the anchor released by one (welcome) delivery. */
import { describe, expect, it } from 'vitest';
import {
  DEMO_FIRST_TIME_POST_ID,
  DEMO_FIRST_TIME_SENDER_HANDLE,
  DEMO_FIRST_TIME_SENDER_ID,
  DEMO_SPAM_PERSON_IDS,
  DEMO_SPAM_POST_IDS,
} from '../demo';
import type { Person } from '../domain';
import { buildSession, isConversational } from './build-session';
import { demoSessionInput, T0 } from './testing/session-fixtures';

const { input } = demoSessionInput(T0);
const session = buildSession(input);
const spamPeople = new Set<string>(DEMO_SPAM_PERSON_IDS);

describe('a session from the demo network', () => {
  it('holds the first-time sender in the screener, with a readable reason', () => {
    const entry = session.screener.find((e) => e.personId === DEMO_FIRST_TIME_SENDER_ID);
    expect(entry).toMatchObject({
      reason: 'first-time',
      kind: 'direct',
      postIds: [DEMO_FIRST_TIME_POST_ID],
    });
    expect(entry?.explanations[0]).toBe(
      `First message from ${DEMO_FIRST_TIME_SENDER_HANDLE} — you haven't talked before.`,
    );
  });

  it('holds every spam post in the screener, explained by look-alike letters and links', () => {
    for (const postId of DEMO_SPAM_POST_IDS) {
      const entry = session.screener.find((e) => e.postIds.includes(postId));
      expect(entry?.reason, postId).toBe('suspicious');
      const said = entry?.explanations.join('\n') ?? '';
      expect(said).toMatch(/Cyrillic letters .* look-alike/);
      expect(said).toMatch(/links/);
    }
  });

  it('shows no conversation from a spam account', () => {
    for (const c of session.conversations) {
      expect(c.people.some((p) => spamPeople.has(p))).toBe(false);
      expect(DEMO_SPAM_POST_IDS.some((id) => c.postIds.includes(id))).toBe(false);
    }
  });

  it('folds the appreciation into one digest line', () => {
    expect(session.digest).not.toBeNull();
    expect(session.digest?.text).toMatch(
      /^\d+ people appreciated \d+ of your posts, and \d+ people followed you$/,
    );
    expect(session.digest?.kinds).toEqual(['favourite', 'boost', 'follow']);
  });

  it('orders direct messages and friends first, and explains every conversation', () => {
    expect(session.conversations.length).toBeGreaterThan(20);
    const tiers = session.conversations.map((c) => c.priority);
    expect(tiers).toEqual([...tiers].sort((a, b) => a - b));
    for (const c of session.conversations) {
      if (c.kind === 'direct') expect(c.priority).toBe(1);
      if (c.kind === 'quote') expect(c.priority).toBe(2);
      expect(c.reason).toMatch(/\S/);
    }
    expect(session.counts).toEqual({
      conversations: session.conversations.length,
      screened: session.screener.length,
    });
  });

  it('places every conversational item exactly once', () => {
    const placed = [
      ...session.conversations.flatMap((c) => c.activityIds),
      ...session.screener.flatMap((e) => e.activityIds),
      ...session.setAside.muted,
      ...session.setAside.keptOut,
      ...session.setAside.unplaced,
    ];
    const conversational = input.activity.filter(
      (a) => isConversational(a) && a.actorId !== input.selfId,
    );
    expect(placed.sort()).toEqual(conversational.map((a) => a.id).sort());
  });

  it('lets the user let the first-time sender in and keep the spammers out', () => {
    const people = (input.people as readonly Person[]).map((p): Person =>
      p.id === DEMO_FIRST_TIME_SENDER_ID
        ? { ...p, screening: 'let-in' }
        : spamPeople.has(p.id)
          ? { ...p, screening: 'kept-out' }
          : p,
    );
    const next = buildSession({ ...input, people });
    const ngozi = next.conversations.find((c) => c.personId === DEMO_FIRST_TIME_SENDER_ID);
    expect(ngozi).toMatchObject({
      kind: 'direct',
      priority: 1,
      reason: 'Direct message from Ngozi Eze',
    });
    expect(next.screener.some((e) => spamPeople.has(e.personId))).toBe(false);
    expect(next.keptOutCount).toBe(DEMO_SPAM_POST_IDS.length);
  });
});
