import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '@shared/domain';
import { DEMO_XSS_POST_ID } from '@shared/demo/constants';
import { NO_TEXT } from '@shared/threads/thread-labels';
import { openDemoStore } from '../../testing/demo-store';
import type { SlowpostDatabase } from '../database';
import { recentReplies, pastConversations, storeNoteVersion } from './composer-context';
import { defaultDraftFields, queueDraft, restoreDraft, saveDraft } from './replies';
import { releasedUpTo } from './released';
import { loadSessionState } from './session-state';

const ANCHOR = Date.UTC(2026, 10, 25, 8, 0);
let db: SlowpostDatabase;
let answering: Post;

beforeEach(async () => {
  db = await openDemoStore(ANCHOR, 'replies');
  const post = await db.posts.get(DEMO_XSS_POST_ID);
  if (post === undefined) throw new Error('no XSS post in the demo');
  answering = post;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('drafts', () => {
  it('keep the text and every setting exactly as left', async () => {
    const fields = {
      text: 'Liebe Grüße — and thank you 👨‍👩‍👧',
      visibility: 'private' as const,
      contentWarning: 'long thread',
      language: 'de',
    };
    await saveDraft(db, answering, fields, ANCHOR + 1);
    expect(await db.drafts.get(answering.id)).toEqual({
      id: answering.id,
      accountId: answering.accountId,
      threadId: answering.threadId,
      ...fields,
      updatedAt: ANCHOR + 1,
    });
  });

  it('are removed when emptied with the settings as they started, kept when only settings changed', async () => {
    await saveDraft(db, answering, { ...defaultDraftFields(answering), text: 'Hi' }, ANCHOR);
    await saveDraft(db, answering, defaultDraftFields(answering), ANCHOR + 1);
    expect(await db.drafts.get(answering.id)).toBeUndefined();
    await saveDraft(
      db,
      answering,
      { ...defaultDraftFields(answering), visibility: 'direct' },
      ANCHOR + 2,
    );
    expect((await db.drafts.get(answering.id))?.visibility).toBe('direct');
  });

  it('refuse a malformed setting with the reason, keeping the stored draft', async () => {
    const good = { ...defaultDraftFields(answering), text: 'Kept' };
    await saveDraft(db, answering, good, ANCHOR);
    await expect(
      saveDraft(db, answering, { ...good, text: 'Lost?', language: 'not a tag' }, ANCHOR + 1),
    ).rejects.toThrow(/language/);
    expect((await db.drafts.get(answering.id))?.text).toBe('Kept');
  });

  it('move to the outbox in one step, and come back merged with a newer draft when taken back', async () => {
    const fields = { ...defaultDraftFields(answering), text: 'First thought.' };
    await saveDraft(db, answering, fields, ANCHOR);
    const entry = await queueDraft(db, answering, fields, { now: ANCHOR, sendAfter: ANCHOR });
    expect(await db.drafts.get(answering.id)).toBeUndefined();
    expect(entry).toMatchObject({ text: 'First thought.', state: 'waiting', sendAfter: ANCHOR });
    await saveDraft(db, answering, { ...fields, text: 'Second thought.' }, ANCHOR + 5);
    const restored = await restoreDraft(db, entry, ANCHOR + 6);
    expect(restored.text).toBe('First thought.\n\nSecond thought.');
  });
});

describe('the session summary', () => {
  it('counts replies written since the session began, not the ones taken back', async () => {
    const fields = { ...defaultDraftFields(answering), text: 'One.' };
    const kept = await queueDraft(db, answering, fields, { now: ANCHOR, sendAfter: ANCHOR });
    const undone = await queueDraft(
      db,
      answering,
      { ...fields, text: 'Two.' },
      {
        now: ANCHOR,
        sendAfter: ANCHOR + 30_000,
      },
    );
    await db.outbox.update(undone.id, { state: 'cancelled' });
    expect((await loadSessionState(db, ANCHOR)).repliesWritten).toBe(1);
    expect((await loadSessionState(db, ANCHOR + 1)).repliesWritten).toBe(0);
    expect(kept.state).toBe('waiting');
  });
});

describe('the composer’s context', () => {
  it('lists the user’s recent replies to other people, sent and queued, with their recipients', async () => {
    const before = await recentReplies(db, answering.accountId, ANCHOR);
    expect(before.length).toBeGreaterThan(0);
    const self = await db.people.filter((p) => p.isSelf).first();
    for (const reply of before) {
      expect(reply.recipientId).not.toBe(self?.id);
      expect(reply.sentAt).toBeLessThanOrEqual(ANCHOR);
    }
    const entry = await queueDraft(
      db,
      answering,
      { ...defaultDraftFields(answering), text: 'Queued, not sent yet.' },
      { now: ANCHOR, sendAfter: ANCHOR + 30_000 },
    );
    const after = await recentReplies(db, answering.accountId, ANCHOR);
    expect(after.find((r) => r.id === entry.id)).toMatchObject({
      recipientId: answering.authorId,
      text: 'Queued, not sent yet.',
    });
  });

  it('finds earlier conversations with a person, and keeps private notes', async () => {
    const regular = await db.people.filter((p) => !p.isSelf && p.screening === 'let-in').first();
    if (regular === undefined) throw new Error('the demo has no regulars');
    const past = await pastConversations(db, regular.id, 'none', await releasedUpTo(db));
    expect(past.length).toBeGreaterThan(0);
    expect(past.map((c) => c.lastAt)).toEqual([...past.map((c) => c.lastAt)].sort((a, b) => b - a));
    const note = {
      kind: 'note' as const,
      personId: regular.id,
      notes: 'Met at the SummitUp conference',
      updatedAt: ANCHOR,
    };
    expect(await storeNoteVersion(db, note)).toEqual({ written: true });
    expect((await db.people.get(regular.id))?.notes).toBe('Met at the SummitUp conference');
    // The same notes again are written again (nothing to tell apart), not refused.
    expect(await storeNoteVersion(db, { ...note, updatedAt: ANCHOR + 1 })).toEqual({
      written: true,
    });
    expect(await storeNoteVersion(db, { ...note, personId: 'nobody' })).toEqual({
      written: false,
      reason: 'the person is no longer on this computer',
    });
  });

  it('quotes an earlier conversation as the post reads: Mastodon’s hidden link parts hidden, a post with no text named so', async () => {
    const regular = await db.people.filter((p) => !p.isSelf && p.screening === 'let-in').first();
    if (regular === undefined) throw new Error('the demo has no regulars');
    const [first] = await pastConversations(db, regular.id, 'none', await releasedUpTo(db));
    if (first === undefined) throw new Error('no earlier conversation');
    const theirs = await db.posts
      .where('threadId')
      .equals(first.threadId)
      .filter((p) => p.authorId === regular.id && p.createdAt === first.lastAt)
      .first();
    if (theirs === undefined) throw new Error('no post of theirs');
    await db.posts.update(theirs.id, {
      contentHtml:
        '<p>Notes: <a href="https://example.com/a/very/long/path/to/notes"><span class="invisible">https://</span><span class="ellipsis">example.com/a/very/lo</span><span class="invisible">ng/path/to/notes</span></a></p>',
    });
    const [linked] = await pastConversations(db, regular.id, 'none', await releasedUpTo(db));
    expect(linked?.quote).toBe('“Notes: example.com/a/very/lo…”');

    await db.posts.update(theirs.id, { contentHtml: '<p></p>' });
    const [empty] = await pastConversations(db, regular.id, 'none', await releasedUpTo(db));
    expect(empty?.quote).toBe(NO_TEXT);
  });
});
