/**
 * Runs `run` only while this page holds the profile's outbox lock (Web Locks), skipping it if
 * another page of the same profile holds it now. Where Web Locks are missing, it just runs.
 */
export async function withOutboxLock(run: () => Promise<void>): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks === undefined) {
    await run();
    return;
  }
  await locks.request('slowpost-outbox', { ifAvailable: true }, async (lock) => {
    if (lock !== null) await run();
  });
}
