import type { Channel, ParsedRequestOf, ResponseOf } from '@shared/ipc/contract';
import { contract, isChannel } from '@shared/ipc/contract';
import type { BridgeResult } from '@shared/ipc/result';
import { bridgeFailure } from '@shared/ipc/result';
import { parseUnknown } from '@shared/validation/parse-unknown';
import { UserFacingError } from '../services/user-facing-error';

/** The services behind each channel. They receive parsed input only. */
export type BridgeHandlers = {
  readonly [C in Channel]: (input: ParsedRequestOf<C>) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

export interface DispatcherOptions {
  readonly handlers: BridgeHandlers;
  /** True only for the app's own page (see security/trusted-url). */
  readonly isTrustedSender: (senderUrl: string | undefined) => boolean;
  readonly log?: (message: string) => void;
}

export type Dispatch = (
  senderUrl: string | undefined,
  channel: unknown,
  input: unknown,
) => Promise<BridgeResult<unknown>>;

/**
 * The single way a request from a page reaches a service: (1) the sender must be the app's own
 * page, (2) the input is parsed with the channel's schema, (3) the answer is a `BridgeResult`,
 * never a thrown error (a `UserFacingError`'s sentence is passed on as it is). Electron's ipcMain
 * and the loopback host both call this.
 */
export function createDispatcher(options: DispatcherOptions): Dispatch {
  const log = options.log ?? (() => undefined);
  return async (senderUrl, channel, input) => {
    if (!options.isTrustedSender(senderUrl)) {
      log(`bridge: refused ${String(channel)} from untrusted sender ${String(senderUrl)}`);
      return bridgeFailure('bad-sender', 'This request did not come from the Slowpost window.');
    }
    if (!isChannel(channel)) {
      return bridgeFailure(
        'unknown-channel',
        `There is no bridge channel named "${String(channel)}".`,
      );
    }
    const parsed = parseUnknown(contract[channel].request, input, `${channel} request`);
    if (!parsed.ok) return bridgeFailure('bad-input', parsed.error, parsed.issues);
    try {
      const handler = options.handlers[channel] as (input: unknown) => unknown;
      const value = await handler(parsed.value);
      const checked = parseUnknown(contract[channel].response, value, `${channel} answer`);
      if (!checked.ok) {
        log(`bridge: ${checked.error}`);
        return bridgeFailure('bad-output', checked.error, checked.issues);
      }
      return { ok: true, value: checked.value };
    } catch (error) {
      if (error instanceof UserFacingError) {
        log(`bridge: ${channel}: ${error.message}`);
        return bridgeFailure('failed', error.message);
      }
      const message = error instanceof Error ? error.message : String(error);
      log(`bridge: ${channel} failed: ${message}`);
      return bridgeFailure('failed', `${channel} failed: ${message}`);
    }
  };
}
