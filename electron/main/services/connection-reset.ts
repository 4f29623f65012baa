/**
 * A request that failed because the kept-alive connection it went out on had already been closed
 * by the server. Servers that close idle connections without saying so (snac does) reset the next
 * request sent on one; nothing of that request was processed, so an idempotent one (or one whose
 * repetition the server refuses) may go once more.
 */
export function isConnectionReset(error: unknown): boolean {
  const code = (error as { cause?: { code?: unknown } } | null)?.cause?.code;
  return code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE';
}

/** Runs `request` once more if it failed on a connection the server had closed. */
export async function againIfReset<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (!isConnectionReset(error)) throw error;
    return request();
  }
}
