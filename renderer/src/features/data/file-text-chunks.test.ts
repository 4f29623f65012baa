import { describe, expect, it } from 'vitest';
import { readExportChunks } from '@shared/export/export-file';
import { fileTextChunks } from './file-text-chunks';

/** A file read as `stream` gives it (a Blob's own stream may join its parts). */
const fileOf = (stream: ReadableStream<Uint8Array>): Blob =>
  ({ stream: () => stream }) as unknown as Blob;

/** A file whose reading is watched: how many pieces were read, and whether it was stopped. */
function watchedFile(pieces: readonly string[]) {
  const seen = { pulled: 0, cancelled: false };
  const bytes = pieces.map((p) => new TextEncoder().encode(p));
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = bytes[seen.pulled];
      seen.pulled += 1;
      if (next === undefined) controller.close();
      else controller.enqueue(next);
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { file: fileOf(stream), seen };
}

describe('reading a file a piece at a time', () => {
  it('gives the whole text, a multi-byte character cut between pieces included', async () => {
    const text = '{"tables":{"posts":[{"id":"a","text":"🌱 ünïcode"}]}}';
    const bytes = new TextEncoder().encode(text);
    const cut = text.indexOf('🌱') + 2; // inside the emoji's four bytes
    const parts = [bytes.slice(0, cut), bytes.slice(cut)];
    const file = fileOf(
      new ReadableStream<Uint8Array>({
        start(controller) {
          for (const part of parts) controller.enqueue(part);
          controller.close();
        },
      }),
    );
    let read = '';
    for await (const chunk of fileTextChunks(file)) read += chunk;
    expect(read).toBe(text);
  });

  it('stops reading the file once the import refuses it', async () => {
    const { file, seen } = watchedFile([
      '[not an export',
      ...Array<string>(50).fill('x'.repeat(1000)),
    ]);
    const reading = await readExportChunks(fileTextChunks(file));
    expect(reading.ok).toBe(false);
    expect(seen.cancelled).toBe(true);
    expect(seen.pulled).toBeLessThan(5);
  });
});
