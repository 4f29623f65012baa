import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Post } from '@shared/domain';
import { DEMO_XSS_POST_ID } from '@shared/demo/constants';
import {
  draftWriteAheadKey,
  noteWriteAheadKey,
  type WriteAheadEntry,
} from '@shared/drafts/write-ahead-entry';
import type { SlowpostDatabase } from '../db/database';
import { storeNoteVersion } from '../db/repositories/composer-context';
import {
  defaultDraftFields,
  draftVersion,
  queueDraft,
  storeDraftVersion,
} from '../db/repositories/replies';
import { openDemoStore } from '../testing/demo-store';
import { memoryStorage } from '../testing/memory-storage';
import { createDraftKeeper } from './draft-keeper';
import { createWriteAheadStorage } from './write-ahead-storage';

const ANCHOR = Date.UTC(2026, 10, 25, 8, 0);
let db: SlowpostDatabase;
let answering: Post;

beforeEach(async () => {
  db = await openDemoStore(ANCHOR, 'keeper');
  const post = await db.posts.get(DEMO_XSS_POST_ID);
  if (post === undefined) throw new Error('no XSS post in the demo');
  answering = post;
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** Timers the test runs by hand, with the delay each was set for. */
function manualTimers() {
  let timers: { ms: number; callback: () => void }[] = [];
  return {
    setTimer: (callback: () => void, ms: number) => {
      const timer = { ms, callback };
      timers.push(timer);
      return () => {
        timers = timers.filter((t) => t !== timer);
      };
    },
    delays: () => timers.map((t) => t.ms),
    runAll() {
      const due = timers;
      timers = [];
      for (const timer of due) timer.callback();
    },
  };
}

/** A keeper over the real repositories; `backing` stands for the page's localStorage. */
function keeperOver(backing = memoryStorage()) {
  const timers = manualTimers();
  const faults: { failing: boolean; whileWriting?: (() => void) | undefined } = { failing: false };
  const log = vi.fn<(message: string) => void>();
  const keeper = createDraftKeeper({
    storage: createWriteAheadStorage(() => backing, log),
    write: (entry: WriteAheadEntry) => {
      const during = faults.whileWriting;
      faults.whileWriting = undefined;
      during?.();
      if (faults.failing) return Promise.reject(new Error('The disk is full'));
      return entry.kind === 'draft' ? storeDraftVersion(db, entry) : storeNoteVersion(db, entry);
    },
    setTimer: timers.setTimer,
    log,
  });
  return { keeper, backing, timers, faults, log };
}

const KEY = () => draftWriteAheadKey(answering.id);
const typed = (text: string, at: number) =>
  draftVersion(answering, { ...defaultDraftFields(answering), text }, at);

describe('the draft keeper', () => {
  it('writes every change ahead at once, and forgets it once the store has exactly that version', async () => {
    const { keeper, backing } = keeperOver();
    keeper.remember(typed('Sat', ANCHOR + 1));
    expect(backing.items.get(KEY())).toContain('"text":"Sat"');
    expect(keeper.statuses().get(KEY())).toEqual({ kind: 'draft', phase: 'pending', error: null });

    expect(await keeper.store(KEY())).toBe(true);
    expect(await db.drafts.get(answering.id)).toMatchObject({
      text: 'Sat',
      updatedAt: ANCHOR + 1,
    });
    expect(backing.items.has(KEY())).toBe(false);
    expect(keeper.statuses().size).toBe(0);
  });

  it('keeps a change made while a store write is in flight, and stores it next', async () => {
    const { keeper, backing, faults } = keeperOver();
    keeper.remember(typed('Sat', ANCHOR + 1));
    faults.whileWriting = () => keeper.remember(typed('Saturday', ANCHOR + 2));
    expect(await keeper.store(KEY())).toBe(false);
    expect((await db.drafts.get(answering.id))?.text).toBe('Sat');
    expect(backing.items.get(KEY())).toContain('"text":"Saturday"');
    expect(keeper.statuses().get(KEY())?.phase).toBe('pending');
    await keeper.store(KEY());
    expect((await db.drafts.get(answering.id))?.text).toBe('Saturday');
    expect(backing.items.size).toBe(0);
  });

  it('never lets an older write land after a newer one (writes for a key run in order)', async () => {
    const { keeper } = keeperOver();
    const writes: Promise<boolean>[] = [];
    for (let i = 1; i <= 20; i++) {
      keeper.remember(typed('x'.repeat(i), ANCHOR + i));
      if (i % 3 === 0) writes.push(keeper.store(KEY()));
    }
    writes.push(keeper.store(KEY()));
    await Promise.all(writes);
    expect((await db.drafts.get(answering.id))?.text).toBe('x'.repeat(20));
  });

  it('stores what an earlier page left written ahead (a reload, a closed tab, a crash)', async () => {
    const backing = memoryStorage();
    keeperOver(backing).keeper.remember(typed('Written just before the crash', ANCHOR + 5));
    // The page is gone; the next one starts with the same storage.
    const { keeper } = keeperOver(backing);
    expect(keeper.unstored(KEY())).toMatchObject({ text: 'Written just before the crash' });
    expect(await keeper.storeAll()).toEqual({ unstored: 0 });
    expect((await db.drafts.get(answering.id))?.text).toBe('Written just before the crash');
    expect(backing.items.size).toBe(0);
  });

  it('never replaces a newer stored draft with an older leftover', async () => {
    const backing = memoryStorage();
    keeperOver(backing).keeper.remember(typed('Older', ANCHOR + 1));
    await storeDraftVersion(db, typed('Newer, stored since', ANCHOR + 2));
    const { keeper, log } = keeperOver(backing);
    await keeper.storeAll();
    expect((await db.drafts.get(answering.id))?.text).toBe('Newer, stored since');
    expect(backing.items.size).toBe(0);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/a newer version of the draft/));
  });

  it('does not bring back a reply that went to the outbox after it was typed', async () => {
    const backing = memoryStorage();
    keeperOver(backing).keeper.remember(typed('Sent already', ANCHOR + 1));
    const fields = { ...defaultDraftFields(answering), text: 'Sent already' };
    await queueDraft(db, answering, fields, { now: ANCHOR + 2, sendAfter: ANCHOR + 2 });
    await keeperOver(backing).keeper.storeAll();
    expect(await db.drafts.get(answering.id)).toBeUndefined();
    expect(backing.items.size).toBe(0);
  });

  it('forgets a discarded draft for good: nothing brings it back after a reload', async () => {
    const backing = memoryStorage();
    const { keeper } = keeperOver(backing);
    keeper.remember(typed('Half a thought', ANCHOR + 1));
    await keeper.store(KEY());
    keeper.remember(typed('Half a thought, longer', ANCHOR + 2));
    await keeper.forget(KEY());
    await db.drafts.delete(answering.id);
    expect(backing.items.size).toBe(0);
    await keeperOver(backing).keeper.storeAll();
    expect(await db.drafts.get(answering.id)).toBeUndefined();
  });

  it('keeps a change the store refuses, says why, retries with a growing delay, and recovers', async () => {
    const { keeper, backing, timers, faults } = keeperOver();
    faults.failing = true;
    keeper.remember(typed('Not lost', ANCHOR + 1));
    expect(await keeper.store(KEY())).toBe(false);
    expect(keeper.statuses().get(KEY())).toEqual({
      kind: 'draft',
      phase: 'failed',
      error: 'The disk is full',
    });
    expect(backing.items.get(KEY())).toContain('Not lost');
    expect(timers.delays()).toEqual([1_000]);

    timers.runAll();
    await vi.waitFor(() => expect(timers.delays()).toEqual([2_000]));
    // Typing on while it fails: still "failed" (the message stays), still kept.
    keeper.remember(typed('Not lost, still', ANCHOR + 2));
    expect(keeper.statuses().get(KEY())?.phase).toBe('failed');

    faults.failing = false;
    timers.runAll();
    await vi.waitFor(() => expect(keeper.statuses().size).toBe(0));
    expect((await db.drafts.get(answering.id))?.text).toBe('Not lost, still');
    expect(backing.items.size).toBe(0);
    expect(timers.delays()).toEqual([]);
  });

  it("keeps a person's notes the same way", async () => {
    const person = await db.people.get(answering.authorId);
    if (person === undefined) throw new Error('no author');
    const backing = memoryStorage();
    keeperOver(backing).keeper.remember({
      kind: 'note',
      personId: person.id,
      notes: 'Met at the SummitUp conference',
      updatedAt: ANCHOR + 1,
    });
    const { keeper } = keeperOver(backing);
    expect(keeper.unstored(noteWriteAheadKey(person.id))).toMatchObject({
      notes: 'Met at the SummitUp conference',
    });
    await keeper.storeAll();
    expect((await db.people.get(person.id))?.notes).toBe('Met at the SummitUp conference');
    expect(backing.items.size).toBe(0);
  });

  it('leaves a corrupt entry alone (reported) and stores the others', async () => {
    const corruptKey = draftWriteAheadKey('demo|gone');
    const backing = memoryStorage({ [corruptKey]: '{"kind":"draft","text":42}' });
    keeperOver(backing).keeper.remember(typed('Fine', ANCHOR + 1));
    const { keeper, log } = keeperOver(backing);
    await keeper.storeAll();
    expect((await db.drafts.get(answering.id))?.text).toBe('Fine');
    expect([...backing.items.keys()]).toEqual([corruptKey]);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/Invalid write-ahead entry/));
  });
});
