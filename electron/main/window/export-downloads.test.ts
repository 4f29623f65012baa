import { EventEmitter } from 'node:events';
import type { DownloadItem, Event, SaveDialogOptions, Session } from 'electron';
import { describe, expect, it } from 'vitest';
import { allowExportDownloads } from './export-downloads';

const ORIGINS = ['app://slowpost'];

/** A download as Electron hands it over: its address, its file name, the save dialog it gets. */
function download(url: string, filename: string) {
  const options: SaveDialogOptions[] = [];
  const item = {
    getURL: () => url,
    getFilename: () => filename,
    setSaveDialogOptions: (o: SaveDialogOptions) => void options.push(o),
  };
  return { item: item as unknown as DownloadItem, options };
}

/** Emits `will-download` on a session the glue listens to; says whether it was refused. */
function offer(url: string, filename = 'slowpost-export-2026-12-02.json') {
  const session = new EventEmitter();
  allowExportDownloads(session as unknown as Session, ORIGINS);
  let refused = false;
  const event = { preventDefault: () => void (refused = true) } as unknown as Event;
  const { item, options } = download(url, filename);
  session.emit('will-download', event, item);
  return { refused, options };
}

describe('allowExportDownloads: the export goes through the save dialog, nothing else downloads', () => {
  it('asks where to save a file the app page made, under its own name, as JSON', () => {
    const { refused, options } = offer('blob:app://slowpost/6f1c2d3e-0000-4000-8000-000000000000');
    expect(refused).toBe(false);
    expect(options).toEqual([
      {
        title: 'Export Slowpost',
        defaultPath: 'slowpost-export-2026-12-02.json',
        filters: [{ name: 'Slowpost export', extensions: ['json'] }],
      },
    ]);
  });

  it.each([
    'https://mastodon.example/media/report.pdf',
    'blob:https://mastodon.example/6f1c2d3e',
    'blob:app://slowpost.evil/6f1c2d3e',
    'app://slowpost/export.json',
  ])('refuses a download of %s and shows no dialog', (url) => {
    const { refused, options } = offer(url);
    expect(refused).toBe(true);
    expect(options).toEqual([]);
  });
});
