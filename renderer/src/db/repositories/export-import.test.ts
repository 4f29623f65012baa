import { afterEach, describe, expect, it } from 'vitest';
import type { Draft, OutboxEntry } from '@shared/domain';
import {
  EXPORT_TABLE_NAMES,
  NOT_EXPORTED,
  readExportChunks,
  readExportFile,
  type ExportFile,
} from '@shared/export/export-file';
import { IMPORTED_OPEN_NOTE } from '@shared/export/merge-records';
import { fileTextChunks } from '../../features/data/file-text-chunks';
import { openDemoStore } from '../../testing/demo-store';
import { SlowpostDatabase } from '../database';
import { exportStore } from './export-store';
import { importExport } from './import-store';
import { setThreadTriage } from './triage-actions';

const T = Date.UTC(2026, 10, 2, 9, 0);
const open: SlowpostDatabase[] = [];
let n = 0;

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

async function demo(): Promise<SlowpostDatabase> {
  const db = await openDemoStore(T, 'export');
  open.push(db);
  return db;
}

function empty(): SlowpostDatabase {
  const db = new SlowpostDatabase(`import-${++n}`);
  open.push(db);
  return db;
}

/** The store's export, read back as the app reads a file: a chunk of text at a time. */
async function exported(db: SlowpostDatabase): Promise<ExportFile> {
  const { blob } = await exportStore(db, T + 1000);
  const reading = await readExportChunks(fileTextChunks(blob));
  if (!reading.ok) throw new Error(reading.error);
  // Read at once, the same text gives the same file.
  expect(readExportFile(await blob.text())).toEqual(reading);
  return reading.file;
}

async function everything(db: SlowpostDatabase): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of EXPORT_TABLE_NAMES) out[name] = await db.table(name).toArray();
  return out;
}

const draft = (id: string, text: string, updatedAt: number): Draft => ({
  id,
  accountId: 'demo',
  threadId: 'demo|t',
  text,
  visibility: 'public',
  contentWarning: null,
  language: null,
  updatedAt,
});

const entry = (id: string, state: OutboxEntry['state']): OutboxEntry => ({
  id,
  idempotencyKey: `key-${id}-0123456789abcdef`,
  accountId: 'demo',
  threadId: 'demo|t',
  inReplyToPostId: 'demo|p',
  text: 'Thank you, I will bring the seeds on Sunday.',
  visibility: 'public',
  contentWarning: null,
  language: null,
  state,
  createdAt: T,
  sendAfter: T,
  attempts: 0,
  firstAttemptAt: null,
  outcomeUnknown: false,
  nextAttemptAt: T,
  lastError: null,
  sentPostId: null,
  recordKey: null,
});

describe('export and import', () => {
  it('every table of the store is either exported or named as not, with why', () => {
    const db = empty();
    const names = db.tables.map((t) => t.name).sort();
    const decided = [...EXPORT_TABLE_NAMES, ...Object.keys(NOT_EXPORTED)].sort();
    expect(names).toEqual(decided);
  });

  it('a store exported and imported into an empty one is the same, and a second import changes nothing', async () => {
    const source = await demo();
    await source.people.update((await source.people.toCollection().first())!.id, {
      notes: 'Met at the seed swap; ask about the plum tree.',
    });
    await source.drafts.put(draft('demo|p', 'Half a thought about your garden', T + 5));
    await source.outbox.put(entry('sent-1', 'sent'));
    const file = await exported(source);
    expect(file.tables.posts.length).toBeGreaterThan(50);

    const target = empty();
    const first = await importExport(target, file);
    expect(first.added).toBe(Object.values(file.tables).flat().length);
    expect(await everything(target)).toEqual(await everything(source));

    const second = await importExport(target, file);
    expect(second).toEqual({ added: 0, updated: 0, unchanged: first.added });
    expect(await everything(target)).toEqual(await everything(source));
  });

  it('merging into a store that has its own: notes kept from both, later triage and drafts win, nothing lost', async () => {
    const source = await demo();
    const target = await demo();
    const person = (await source.people.filter((p) => !p.isSelf).first())!;
    await source.people.update(person.id, { notes: 'Likes long letters.' });
    await target.people.update(person.id, { notes: 'Owes me a book.' });
    const [older, newer] = (await source.threads.limit(2).toArray()).map((t) => t.id);
    await setThreadTriage(source, older!, 'later', T + 10);
    await setThreadTriage(target, older!, 'done', T + 20); // decided later here: stays
    await setThreadTriage(source, newer!, 'muted', T + 30); // decided later there: taken
    await source.drafts.put(draft('demo|a', 'newer there', T + 50));
    await target.drafts.put(draft('demo|a', 'older here', T + 40));
    await target.drafts.put(draft('demo|b', 'only here', T + 40));
    const file = await exported(source);

    const summary = await importExport(target, file);
    expect(summary.updated).toBeGreaterThanOrEqual(3);
    expect((await target.people.get(person.id))?.notes).toBe(
      'Owes me a book.\n\nLikes long letters.',
    );
    expect(await target.threads.get(older!)).toMatchObject({ triage: 'done', triagedAt: T + 20 });
    expect(await target.threads.get(newer!)).toMatchObject({ triage: 'muted', triagedAt: T + 30 });
    expect((await target.drafts.get('demo|a'))?.text).toBe('newer there');
    expect((await target.drafts.get('demo|b'))?.text).toBe('only here');

    // Again: nothing changes, the notes are not repeated.
    const again = await importExport(target, file);
    expect(again.added + again.updated).toBe(0);
    expect((await target.people.get(person.id))?.notes).toBe(
      'Owes me a book.\n\nLikes long letters.',
    );
  });

  it('a reply still on its way in the file waits for the user, checked with the network first; one already stored stays as it is', async () => {
    const source = await demo();
    await source.outbox.bulkPut([
      entry('w', 'waiting'),
      entry('s', 'sending'),
      entry('done', 'sent'),
    ]);
    const file = await exported(source);
    const target = empty();
    await target.outbox.put({ ...entry('s', 'sent'), sentPostId: 'demo|posted' });

    await importExport(target, file);
    expect(await target.outbox.get('w')).toMatchObject({
      state: 'needs-attention',
      outcomeUnknown: true,
      firstAttemptAt: T,
      lastError: IMPORTED_OPEN_NOTE,
    });
    expect(await target.outbox.get('s')).toMatchObject({
      state: 'sent',
      sentPostId: 'demo|posted',
    });
    expect(await target.outbox.get('done')).toMatchObject({ state: 'sent' });
    expect(await target.outbox.where('state').anyOf(['waiting', 'sending']).count()).toBe(0);
  });

  it('a reply stored under another id is not queued again, and a link naming someone already linked gives its notes to that link', async () => {
    const source = await demo();
    const key = 'key-same-reply-0123456789abcdef';
    await source.outbox.put({ ...entry('there', 'waiting'), idempotencyKey: key });
    await source.personLinks.put({
      id: 'demo|ana+sky|ana',
      personIds: ['demo|ana', 'sky|ana'],
      notes: 'Likes long letters.',
      keepInTouchDays: 30,
      linkedAt: T,
    });
    const file = await exported(source);
    const target = empty();
    const posted = { ...entry('here', 'sent'), idempotencyKey: key, sentPostId: 'demo|posted' };
    await target.outbox.put(posted);
    const stored = {
      id: 'demo|ana+masto|ana',
      personIds: ['demo|ana', 'masto|ana'],
      notes: 'Owes me a book.',
      keepInTouchDays: null,
      linkedAt: T - 5,
    };
    await target.personLinks.put(stored);

    await importExport(target, file);
    // The same reply (same idempotency key) is the one already posted: it cannot go out twice.
    expect(await target.outbox.where('idempotencyKey').equals(key).toArray()).toEqual([posted]);
    // Ana stays in one link, the stored one, which now has both notes and the imported cadence.
    expect(await target.personLinks.toArray()).toEqual([
      { ...stored, notes: 'Owes me a book.\n\nLikes long letters.', keepInTouchDays: 30 },
    ]);

    const again = await importExport(target, file);
    expect(again.added + again.updated).toBe(0);
    expect(await target.personLinks.count()).toBe(1);
    expect(await target.outbox.where('idempotencyKey').equals(key).count()).toBe(1);
  });

  it('a damaged file is refused as a whole, saying where and why', async () => {
    const source = await demo();
    const text = await (await exportStore(source, T)).blob.text();
    const json = JSON.parse(text) as ExportFile;
    const damaged = JSON.parse(text) as ExportFile;
    (damaged.tables.posts[3] as { createdAt: unknown }).createdAt = 'yesterday';
    const reading = readExportFile(JSON.stringify(damaged));
    expect(reading.ok).toBe(false);
    expect(!reading.ok && reading.error).toMatch(/tables\.posts\[3\]\.createdAt/);
    expect(!reading.ok && reading.error).toMatch(/Nothing was imported/);

    expect(refusal(text.slice(0, text.length / 2))).toMatch(/not JSON/);
    expect(refusal('{"format":"something-else","version":1}')).toMatch(/not a Slowpost export/);
    expect(refusal(JSON.stringify({ ...json, version: 99 }))).toMatch(/newer version of Slowpost/);
    const twice = {
      ...json,
      tables: { ...json.tables, posts: [...json.tables.posts, json.tables.posts[0]] },
    };
    expect(refusal(JSON.stringify(twice))).toMatch(/a second record/);
    const badSetting = {
      ...json,
      tables: {
        ...json.tables,
        settings: [{ key: 'schedule', version: 1, value: { nonsense: true }, updatedAt: T }],
      },
    };
    expect(refusal(JSON.stringify(badSetting))).toMatch(/tables\.settings\[0\]/);
  });
});

/** Why a file is refused (null when it is not). */
function refusal(text: string): string | null {
  const reading = readExportFile(text);
  return reading.ok ? null : reading.error;
}
