import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '../../../shared/domain';
import { DEMO_XSS_POST_ID } from '../../../shared/demo/constants';
import { createDemoConnector } from '../../../shared/demo';
import type { SlowpostDatabase } from '../db/database';
import { loadThread } from '../db/repositories/conversations';
import { queueDraft } from '../db/repositories/replies';
import { waitingReplies, outboxItems } from '../db/repositories/replies-overview';
import { openDemoStore } from '../testing/demo-store';
import { startOutboxRunner, type OutboxRunner } from './outbox-runner';
import { editAsDraft, takeBack } from './reply-actions';

const ANCHOR = Date.UTC(2026, 10, 25, 8, 0);
let db: SlowpostDatabase;
let now = ANCHOR;
let online = true;
const runners: OutboxRunner[] = [];

beforeEach(async () => {
  now = ANCHOR;
  online = true;
  db = await openDemoStore(ANCHOR, 'runner');
});
afterEach(async () => {
  for (const runner of runners.splice(0)) runner.stop();
  db.close();
  await db.delete();
});

function start(): OutboxRunner {
  const runner = startOutboxRunner({
    db,
    now: () => now,
    isOnline: () => online,
    connectorFor: (account) =>
      createDemoConnector({ anchor: account.addedAt, clock: () => now, isOnline: () => online }),
    random: () => 0.5,
    log: () => {},
  });
  runners.push(runner);
  return runner;
}

async function answering(): Promise<Post> {
  const post = await db.posts.get(DEMO_XSS_POST_ID);
  if (post === undefined) throw new Error('the demo has no XSS post');
  return post;
}

const fields = {
  text: 'Thank you, Tariq. I will read it first and answer properly tomorrow.',
  visibility: 'public' as const,
  contentWarning: null,
  language: 'en',
};

async function ownRepliesIn(threadId: string): Promise<Post[]> {
  const detail = await loadThread(db, threadId);
  return (detail?.posts ?? []).filter((p) => p.isOwn && p.contentHtml.includes('answer properly'));
}

describe('the outbox runner in the page', () => {
  it('waits while offline (the reply can still be taken back), then sends once when online', async () => {
    online = false;
    const runner = start();
    const post = await answering();
    const entry = await queueDraft(db, post, fields, { now, sendAfter: now });
    runner.kick();
    await runner.idle();
    expect((await db.outbox.get(entry.id))?.attempts).toBe(0);
    expect(await ownRepliesIn(post.threadId)).toHaveLength(0);

    online = true;
    runner.kick();
    await runner.idle();
    const sent = await db.outbox.get(entry.id);
    expect(sent).toMatchObject({ state: 'sent', attempts: 1 });
    // In its thread at once, and the thread's list line says so.
    const mine = await ownRepliesIn(post.threadId);
    expect(mine).toHaveLength(1);
    expect(mine[0]?.id).toBe(sent?.sentPostId);
    expect((await db.threads.get(post.threadId))?.lastSnippet).toContain('answer properly');

    // More passes, and a restarted page with a new demo connector, send nothing more.
    runner.kick();
    await runner.idle();
    runner.stop();
    const restarted = start();
    await restarted.idle();
    expect(await ownRepliesIn(post.threadId)).toHaveLength(1);
    expect((await outboxItems(db, now)).map((i) => i.entry.state)).toEqual(['sent']);
  });

  it('holds a cooling-off reply until its time; taking it back restores the draft', async () => {
    const runner = start();
    const post = await answering();
    const entry = await queueDraft(db, post, fields, { now, sendAfter: now + 30_000 });
    expect(await db.drafts.get(post.id)).toBeUndefined();
    runner.kick();
    await runner.idle();
    expect((await db.outbox.get(entry.id))?.state).toBe('waiting');

    const result = await takeBack(db, runner, entry.id);
    expect(result).toEqual({ ok: true, postId: post.id });
    expect((await db.outbox.get(entry.id))?.state).toBe('cancelled');
    expect(await db.drafts.get(post.id)).toMatchObject({ text: fields.text, language: 'en' });
    expect((await waitingReplies(db)).map((w) => w.draft?.text)).toEqual([fields.text]);

    now += 60_000;
    runner.kick();
    await runner.idle();
    expect(await ownRepliesIn(post.threadId)).toHaveLength(0);
  });

  it('sends a cooling-off reply once its time comes, and it can no longer be taken back', async () => {
    const runner = start();
    const post = await answering();
    const entry = await queueDraft(db, post, fields, { now, sendAfter: now + 30_000 });
    now += 31_000;
    runner.kick();
    await runner.idle();
    expect((await db.outbox.get(entry.id))?.state).toBe('sent');
    const late = await takeBack(db, runner, entry.id);
    expect(late.ok).toBe(false);
    expect(await db.drafts.get(post.id)).toBeUndefined();
  });
});

describe('a reply the network refuses', () => {
  it('stops retrying, says why, and gives the text back as a draft on request', async () => {
    const runner = start();
    const post = await answering();
    // The post being answered is gone from the network (the demo answers 404).
    const gone = { ...post, id: 'demo|deleted-post' };
    await db.posts.put(gone);
    const entry = await queueDraft(db, gone, fields, { now, sendAfter: now });
    runner.kick();
    await runner.idle();
    const refused = await db.outbox.get(entry.id);
    expect(refused).toMatchObject({ state: 'needs-attention', attempts: 1 });
    expect(refused?.lastError).toMatch(/deleted/);
    // Nothing more is attempted.
    now += 60 * 60_000;
    runner.kick();
    await runner.idle();
    expect((await db.outbox.get(entry.id))?.attempts).toBe(1);

    const result = await editAsDraft(db, runner, entry.id);
    expect(result).toEqual({ ok: true, postId: gone.id });
    expect(await db.drafts.get(gone.id)).toMatchObject({ text: fields.text });
    expect((await db.outbox.get(entry.id))?.state).toBe('cancelled');
  });
});
