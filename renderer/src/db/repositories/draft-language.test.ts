import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '@shared/domain';
import { ACCOUNT, post } from '../../../../tests/fixtures/records';
import { languageChoices } from '../../features/compose/reply-options';
import { SlowpostDatabase } from '../database';
import { loadReplyContext } from './composer-context';
import { readDraft, saveDraft } from './replies';

const T = 1_700_000_100_000;
let db: SlowpostDatabase;
let name = 0;

beforeEach(async () => {
  db = new SlowpostDatabase(`draft-language-${++name}`);
  await db.accounts.add(ACCOUNT);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** A post as an older version stored it: the network's language tag kept as it came. */
async function legacyPost(language: string): Promise<Post> {
  const stored = { ...post('1', 'mira', T, null), language };
  await db.posts.put(stored);
  return stored;
}

describe('a draft answering a post stored with a tag that is not BCP 47', () => {
  it('starts in the normalised language and saves', async () => {
    const answering = await legacyPost('en_US');
    const context = await loadReplyContext(db, answering.id);
    expect(context?.initial.language).toBe('en-US');
    await saveDraft(db, answering, { ...(context?.initial ?? never()), text: 'Thanks!' }, T + 1);
    expect(await readDraft(db, answering.id)).toMatchObject({ text: 'Thanks!', language: 'en-US' });
  });

  it('starts without a language when the tag cannot be one, and saves', async () => {
    const answering = await legacyPost('english');
    const context = await loadReplyContext(db, answering.id);
    expect(context?.initial.language).toBeNull();
    await saveDraft(db, answering, { ...(context?.initial ?? never()), text: 'Thanks!' }, T + 1);
    expect(await readDraft(db, answering.id)).toMatchObject({ language: null });
  });

  it('is offered only languages a draft can be saved with', () => {
    const choices = languageChoices('en_US', 'english', null);
    expect(choices[0]).toBe('en-US');
    expect(choices).not.toContain('en_US');
    expect(choices).not.toContain('english');
  });
});

function never(): never {
  throw new Error('no reply context');
}
