import { readFile, writeFile } from 'node:fs/promises';
import type { SessionTime } from '@shared/domain';
import { expect, test } from '@playwright/test';
import type { Page } from '@playwright/test';
import {
  conversations,
  openInbox,
  readAll,
  seriousA11yViolations,
  welcomeDialog,
} from './support/app';

/** The tables an export holds (see shared/export/export-file.ts). */
const TABLES = [
  'accounts',
  'people',
  'personLinks',
  'posts',
  'threads',
  'activity',
  'deliveries',
  'carryOvers',
  'drafts',
  'outbox',
  'settings',
  'sessionTime',
] as const;

/**
 * Every record of every exported table, as the store holds them; but what moves by itself while
 * the app is open: when each account last synced (the app syncs as it opens, after an import
 * too), and the time the session is on screen (counted in steps as it passes; checked apart).
 */
async function everything(page: Page): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of TABLES) if (table !== 'sessionTime') out[table] = await readAll(page, table);
  out['accounts'] = (out['accounts'] as Record<string, unknown>[]).map((account) => ({
    ...account,
    lastSyncedAt: 'whenever it last synced',
  }));
  return out;
}

async function chooseFile(page: Page, button: string, path: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button }).click();
  await (await chooser).setFiles(path);
}

test('export everything, remove all data, import: all of it is back; again: nothing changes; a damaged file is refused and changes nothing', async ({
  page,
}, testInfo) => {
  test.setTimeout(180_000);
  await openInbox(page);
  // Something of the user's own: a conversation saved for later.
  await page.keyboard.press('l');
  await expect
    .poll(
      async () =>
        (await readAll<{ triage: string }>(page, 'threads')).filter((t) => t.triage === 'later')
          .length,
    )
    .toBe(1);

  await page.getByRole('button', { name: 'Settings' }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  const section = settings.getByRole('region', { name: 'Your data' });
  await expect(section).toContainText('Sign-ins are never in it');
  expect(await seriousA11yViolations(page)).toEqual([]);
  const download = page.waitForEvent('download');
  await section.getByRole('button', { name: 'Export everything…' }).click();
  const file = testInfo.outputPath('export.json');
  await (await download).saveAs(file);
  expect((await download).suggestedFilename()).toMatch(/^slowpost-export-\d{4}-\d{2}-\d{2}\.json$/);
  await expect(section.getByText(/Exported [\d,]+ records/)).toBeVisible();
  const before = await everything(page);
  const timeBefore = await readAll<SessionTime>(page, 'sessionTime');
  expect(before['posts']?.length).toBeGreaterThan(50);
  const text = await readFile(file, 'utf8');
  expect(text).not.toMatch(/token|password|secret/i);

  // Remove all data: the store and what the page keeps beside it.
  await page.evaluate(
    `new Promise((done, failed) => {
      localStorage.clear();
      const request = indexedDB.deleteDatabase('slowpost');
      request.onsuccess = () => done();
      request.onerror = () => failed(request.error);
    })`,
  );
  await page.reload();
  const welcome = welcomeDialog(page);
  await expect(welcome).toBeVisible();
  await chooseFile(page, 'Import a Slowpost export…', file);
  await expect(welcome).toBeHidden();
  await expect(conversations(page).first()).toBeVisible();
  await expect.poll(() => everything(page)).toEqual(before);
  // The conversation saved for later is still saved for later.
  await page.getByRole('button', { name: 'Replies' }).click();
  await expect(
    page.getByRole('region', { name: 'Reply later' }).getByRole('button', { name: /^Write to / }),
  ).toHaveCount(1);

  // The same file again: nothing new, nothing doubled.
  await page.getByRole('button', { name: 'Settings' }).click();
  await chooseFile(page, 'Import an export…', file);
  await expect(section.getByText(/nothing new: all/)).toBeVisible();
  expect(await everything(page)).toEqual(before);
  // Each session's time came back, and has only grown since.
  const timeAfter = new Map(
    (await readAll<SessionTime>(page, 'sessionTime')).map((t) => [t.id, t.activeMs]),
  );
  for (const t of timeBefore) expect(timeAfter.get(t.id)).toBeGreaterThanOrEqual(t.activeMs);

  // A damaged file: refused, saying where and why; the store as it was.
  const damaged = JSON.parse(text) as { tables: { posts: { createdAt: unknown }[] } };
  const post = damaged.tables.posts[0];
  if (post === undefined) throw new Error('The export has no posts.');
  post.createdAt = 'yesterday';
  const damagedFile = testInfo.outputPath('damaged.json');
  await writeFile(damagedFile, JSON.stringify(damaged));
  await chooseFile(page, 'Import an export…', damagedFile);
  const alert = section.getByRole('alert');
  await expect(alert).toContainText('damaged.json was not imported');
  await expect(alert).toContainText('tables.posts[0].createdAt');
  await expect(alert).toContainText('Nothing was imported');
  expect(await everything(page)).toEqual(before);
  expect(await seriousA11yViolations(page)).toEqual([]);
});
