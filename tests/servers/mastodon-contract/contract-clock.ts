/**
 * The contract server's clock. By default it runs with the wall clock from `startAt`; tests move
 * it forward (an hour for `Idempotency-Key`, five minutes for a rate-limit window) instead of
 * waiting. Frozen, it moves only when told to.
 */
export interface ContractClock {
  /** Milliseconds since the epoch, as the server sees it. */
  now(): number;
  advance(milliseconds: number): void;
  set(at: Date | string | number): void;
}

export interface ContractClockOptions {
  /** Where the server's time starts (default: the real now). */
  readonly startAt?: Date | string | number;
  /** True: time stands still between `advance`/`set` calls. */
  readonly frozen?: boolean;
}

export function createContractClock(options: ContractClockOptions = {}): ContractClock {
  const realStart = Date.now();
  let base = options.startAt === undefined ? realStart : new Date(options.startAt).getTime();
  if (Number.isNaN(base)) throw new Error(`startAt is not a time: ${String(options.startAt)}`);
  const elapsed = () => (options.frozen === true ? 0 : Date.now() - realStart);
  return {
    now: () => base + elapsed(),
    advance(milliseconds) {
      base += milliseconds;
    },
    set(at) {
      const target = new Date(at).getTime();
      if (Number.isNaN(target)) throw new Error(`not a time: ${String(at)}`);
      base = target - elapsed();
    },
  };
}
