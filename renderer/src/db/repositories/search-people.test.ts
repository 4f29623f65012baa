import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '@shared/domain';
import { parseQuery } from '@shared/text/search-terms';
import { ACCOUNT, post } from '../../../../tests/fixtures/records';
import { SlowpostDatabase } from '../database';
import { findDrafts, findPeople, latestConversationOf, loadPeopleSearch } from './search-people';

let db: SlowpostDatabase;
let name = 0;
beforeEach(async () => {
  db = new SlowpostDatabase(`search-people-${++name}`);
  await db.accounts.add(ACCOUNT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

function someone(id: string, displayName: string, extra: Partial<Person> = {}): Person {
  return {
    id: `acct|${id}`,
    accountId: 'acct',
    networkId: id,
    handle: `@${id}@example.social`,
    displayName,
    avatarUrl: null,
    profileUrl: null,
    isSelf: false,
    firstSeenAt: 1,
    screening: 'let-in',
    notes: '',
    keepInTouchDays: null,
    ...extra,
  };
}

describe('people search', () => {
  it('finds people by name, handle and private notes, folded', async () => {
    await db.people.bulkPut([
      someone('mira', 'Mira Castellanos', { notes: 'Met at the Kraków conference' }),
      someone('zoe', 'Zoë Martin'),
      someone('me', 'Me', { isSelf: true }),
    ]);
    const search = await loadPeopleSearch(db);
    const names = (text: string) =>
      findPeople(search, parseQuery(text), false).map((p) => p.displayName);
    expect(names('krakow')).toEqual(['Mira Castellanos']);
    expect(names('zoe')).toEqual(['Zoë Martin']);
    expect(names('@zoe')).toEqual(['Zoë Martin']);
    // Not the user themselves ("me", a whole word).
    expect(names('me ')).toEqual([]);
  });

  it('finds people the screener keeps out only when asked, notes of a link included', async () => {
    await db.people.bulkPut([
      someone('spam', 'Crypto Deals', { screening: 'kept-out' }),
      someone('ann', 'Ann'),
    ]);
    await db.personLinks.put({
      id: 'link',
      personIds: ['acct|ann', 'other|ann'],
      notes: 'sister of Tomás',
      keepInTouchDays: null,
      linkedAt: 1,
    });
    const search = await loadPeopleSearch(db);
    expect(findPeople(search, parseQuery('crypto'), false)).toEqual([]);
    expect(findPeople(search, parseQuery('crypto'), true).map((p) => p.id)).toEqual(['acct|spam']);
    expect(search.keptOut).toEqual(new Set(['acct|spam']));
    expect(findPeople(search, parseQuery('tomas'), false).map((p) => p.id)).toEqual(['acct|ann']);
  });
});

describe('draft search', () => {
  it('finds drafts by their words, the latest first', async () => {
    const draft = (id: string, text: string, updatedAt: number) => ({
      id,
      accountId: 'acct',
      threadId: 't',
      text,
      visibility: 'public' as const,
      contentWarning: null,
      language: null,
      updatedAt,
    });
    await db.drafts.bulkPut([
      draft('a', 'Grüße aus München', 1),
      draft('b', 'Liebe Grüße', 2),
      draft('c', 'Hello', 3),
    ]);
    expect((await findDrafts(db, parseQuery('grusse'))).map((d) => d.id)).toEqual(['b', 'a']);
  });
});

describe('latestConversationOf', () => {
  it('is the newest released conversation the person wrote in', async () => {
    await db.posts.bulkPut([
      { ...post('1', 'mira', 10, null), arrivedAt: 0 },
      { ...post('2', 'mira', 20, null), arrivedAt: 0 },
    ]);
    expect(await latestConversationOf(db, 'acct|mira')).toBe('acct|2');
    expect(await latestConversationOf(db, 'acct|nobody')).toBeNull();
  });
});
