/**
 * A file's text, a piece at a time, as the browser reads it from disk: an export of a year of
 * history is larger than the longest string a page may hold, so it is never read as one. A reader
 * that stops early (the file is refused part way) stops the reading of the file too.
 */
export async function* fileTextChunks(file: Blob): AsyncGenerator<string> {
  const reader = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        finished = true;
        return;
      }
      yield value;
    }
  } finally {
    if (!finished) await reader.cancel();
    reader.releaseLock();
  }
}
