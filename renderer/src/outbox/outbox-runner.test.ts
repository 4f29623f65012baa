import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Post } from '@shared/domain';
import { DEMO_XSS_POST_ID } from '@shared/demo/constants';
import { createDemoConnector } from '@shared/demo';
import type { SlowpostDatabase } from '../db/database';
import { loadThread } from '../db/repositories/conversations';
import { queueDraft } from '../db/repositories/replies';
import {
  outboxItems,
  removeUnreadableRow,
  restoreUnreadableRow,
  waitingReplies,
} from '../db/repositories/replies-overview';
import type { OutboxEntry } from '@shared/domain';
import {
  createFakeReplyServer,
  createFaultInjectingConnector,
  faultSequence,
} from '@shared/outbox/testing/fault-injecting-connector';
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
    expect(
      (await outboxItems(db, now)).map((i) => (i.kind === 'entry' ? i.entry.state : i.kind)),
    ).toEqual(['sent']);
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
    expect(result).toEqual({ ok: true, draftId: post.id });
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
    expect(result).toEqual({ kind: 'draft', draftId: gone.id });
    expect(await db.drafts.get(gone.id)).toMatchObject({ text: fields.text });
    expect((await db.outbox.get(entry.id))?.state).toBe('cancelled');
  });
});

describe('a reply whose outcome is unknown', () => {
  it('accepted, then an answer that cannot be read: Edit as a draft finds it posted, no second post', async () => {
    const server = createFakeReplyServer({ now: () => now, idempotency: { kind: 'ignored' } });
    const runner = startOutboxRunner({
      db,
      now: () => now,
      isOnline: () => online,
      connectorFor: (account) =>
        createFaultInjectingConnector({
          server,
          account,
          faults: faultSequence({ kind: 'malformed-after-accept' }),
        }),
      random: () => 0.5,
      log: () => {},
    });
    runners.push(runner);
    const post = await answering();
    const entry = await queueDraft(db, post, fields, { now, sendAfter: now });
    runner.kick();
    await runner.idle();
    expect(await db.outbox.get(entry.id)).toMatchObject({
      state: 'needs-attention',
      outcomeUnknown: true,
    });
    expect(server.posts).toHaveLength(1);

    expect(await editAsDraft(db, runner, entry.id)).toEqual({ kind: 'posted' });
    expect(await db.outbox.get(entry.id)).toMatchObject({
      state: 'sent',
      sentPostId: server.posts[0]?.post.id,
    });
    expect(await db.drafts.get(post.id)).toBeUndefined();
    // It is in its conversation now, once.
    expect(await db.posts.get(server.posts[0]?.post.id ?? '')).toMatchObject({ isOwn: true });
    expect(server.posts).toHaveLength(1);
  });
});

describe('outbox rows that cannot be read', () => {
  const goodRow = (id: string) => ({
    id,
    idempotencyKey: `key-${id}-0123456789abcdef`,
    accountId: 'demo',
    threadId: 'demo|t',
    inReplyToPostId: DEMO_XSS_POST_ID,
    text: `text of ${id}`,
    visibility: 'public',
    contentWarning: null,
    language: 'en',
    state: 'waiting',
    createdAt: ANCHOR,
    sendAfter: ANCHOR,
    attempts: 0,
    firstAttemptAt: null,
    outcomeUnknown: false,
    nextAttemptAt: ANCHOR,
    lastError: null,
    sentPostId: null,
    recordKey: null,
  });

  it('are never sent, are listed as needing attention with their text, and can become drafts', async () => {
    const server = createFakeReplyServer({ now: () => now });
    const logged: string[] = [];
    const runner = startOutboxRunner({
      db,
      now: () => now,
      isOnline: () => online,
      connectorFor: (account) => createFaultInjectingConnector({ server, account }),
      random: () => 0.5,
      log: (m) => logged.push(m),
    });
    runners.push(runner);
    const { text: _missing, ...noText } = goodRow('no-text');
    await db.outbox.bulkPut([
      { ...goodRow('unknown-state'), state: 'queued' },
      noText,
      { ...goodRow('bad-attempts'), attempts: 'twice' },
    ] as unknown as OutboxEntry[]);
    runner.kick();
    await runner.idle();
    expect(server.requests).toHaveLength(0);
    expect(logged.join('\n')).toMatch(/not sending no-text: Invalid outbox entry: text/);

    const items = await outboxItems(db, now);
    const unreadable = items.flatMap((i) => (i.kind === 'unreadable' ? [i] : []));
    expect(unreadable.map((i) => [i.id, i.text, i.canRestore]).sort()).toEqual([
      ['bad-attempts', 'text of bad-attempts', true],
      ['no-text', null, false],
      ['unknown-state', 'text of unknown-state', true],
    ]);
    expect(unreadable.find((i) => i.id === 'unknown-state')?.problem).toMatch(/state/);

    const draft = await restoreUnreadableRow(db, 'unknown-state', now);
    expect(draft).toMatchObject({ id: DEMO_XSS_POST_ID, text: 'text of unknown-state' });
    expect(await db.outbox.get('unknown-state')).toBeUndefined();
    await expect(restoreUnreadableRow(db, 'no-text', now)).rejects.toThrow(/too damaged/);
    await removeUnreadableRow(db, 'no-text');
    expect(await db.outbox.get('no-text')).toBeUndefined();
  });
});
