import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Person } from '@shared/domain';
import { newConversationDraftId } from '@shared/domain/draft';
import { cancel } from '@shared/outbox';
import { openDemoStore } from '../../testing/demo-store';
import type { SlowpostDatabase } from '../database';
import { removeAccountData } from './accounts';
import {
  loadNewConversationContext,
  newConversationDraftVersion,
  queueNewConversation,
} from './new-conversation';
import { outboxItems } from './replies-overview';
import { restoreDraft, storeDraftVersion } from './replies';

const ANCHOR = Date.UTC(2026, 10, 25, 8, 0);
const ALL = ['public', 'unlisted', 'private', 'direct'] as const;
let db: SlowpostDatabase;
let friend: Person;

beforeEach(async () => {
  db = await openDemoStore(ANCHOR, 'new-conversation');
  const someone = (await db.people.toArray()).find((p) => !p.isSelf);
  if (someone === undefined) throw new Error('no one in the demo');
  friend = someone;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const fields = (text: string) => ({
  text,
  visibility: 'direct' as const,
  contentWarning: null,
  language: null,
});

describe('a new conversation with someone', () => {
  it('opens addressed to them from the account that knows them, a direct message by default', async () => {
    const context = await loadNewConversationContext(db, friend.id, () => ALL);
    expect(context?.account.id).toBe(friend.accountId);
    expect(context?.person.id).toBe(friend.id);
    expect(context?.choices.map((c) => c.person.id)).toEqual([friend.id]);
    expect(context?.initial).toEqual(fields(''));
    expect(await loadNewConversationContext(db, 'demo|no-one', () => ALL)).toBeNull();
  });

  it('keeps its draft like a reply’s, and a version typed before it was queued never brings it back', async () => {
    const early = newConversationDraftVersion(friend, fields('Hello th'), ANCHOR + 1);
    await storeDraftVersion(db, early);
    const reopened = await loadNewConversationContext(db, friend.id, () => ALL);
    expect(reopened?.initial.text).toBe('Hello th');

    const entry = await queueNewConversation(db, friend, fields('Hello there'), {
      now: ANCHOR + 5,
      sendAfter: ANCHOR + 5,
    });
    expect(entry).toMatchObject({
      inReplyToPostId: null,
      threadId: null,
      addressee: { personId: friend.id, handle: friend.handle },
    });
    expect(await db.drafts.get(newConversationDraftId(friend.id))).toBeUndefined();
    expect((await storeDraftVersion(db, early)).written).toBe(false);
    expect(await db.drafts.get(newConversationDraftId(friend.id))).toBeUndefined();

    // Listed in the outbox as to them.
    const [item] = await outboxItems(db, ANCHOR + 6);
    expect(item?.kind === 'entry' ? item.recipient?.id : null).toBe(friend.id);

    // Taken back: the text is their draft again.
    const withdrawn = cancel(entry, ANCHOR + 7);
    if (!withdrawn.ok) throw new Error(withdrawn.error.message);
    await restoreDraft(db, withdrawn.value.entry, ANCHOR + 7);
    expect((await db.drafts.get(newConversationDraftId(friend.id)))?.text).toBe('Hello there');
  });

  it('goes with its account when the account is removed', async () => {
    await storeDraftVersion(db, newConversationDraftVersion(friend, fields('Hi'), ANCHOR + 1));
    await queueNewConversation(db, friend, fields('Hi again'), {
      now: ANCHOR + 2,
      sendAfter: ANCHOR + 2,
    });
    await removeAccountData(db, friend.accountId, ANCHOR + 3);
    expect(await db.drafts.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
