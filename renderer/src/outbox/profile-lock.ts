/**
 * Resolves once this page holds the profile's outbox lock (Web Locks), which it then keeps until
 * it goes away: one page per profile sends. A second window waits, and takes over when the first
 * closes. Where Web Locks are missing, it resolves at once.
 */
export function holdOutboxLock(): Promise<void> {
  const locks = (navigator as Navigator & { locks?: LockManager }).locks;
  if (locks === undefined) return Promise.resolve();
  return new Promise<void>((granted) => {
    void locks.request(
      'slowpost-outbox',
      () =>
        new Promise<void>(() => {
          granted(); // held until the page goes away
        }),
    );
  });
}
