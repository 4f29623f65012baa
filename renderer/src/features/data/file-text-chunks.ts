/**
 * A file's text, a piece at a time, as the browser reads it from disk: an export of a year of
 * history is larger than the longest string a page may hold, so it is never read as one.
 */
export async function* fileTextChunks(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      yield value;
    }
  } finally {
    reader.releaseLock();
  }
}
