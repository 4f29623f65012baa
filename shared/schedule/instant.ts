/** Instants are epoch milliseconds (UTC), as everywhere in Slowpost. */
export function assertInstant(value: number, name: string): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RangeError(`${name} must be a finite epoch-millisecond number, got ${String(value)}`);
  }
}
