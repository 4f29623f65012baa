import type { ConnectorFailure } from '../connectors/connector';

/**
 * Sentences the outbox stores in `lastError` and the UI shows as they are. They say what happened
 * and what happens next, in the user's terms; the server's own wording is added where it helps.
 */

function roughDuration(ms: number): string {
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 90) return `${seconds} second${seconds === 1 ? '' : 's'}`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `${minutes} minutes`;
  const hours = Math.round(minutes / 60);
  return `${hours} hour${hours === 1 ? '' : 's'}`;
}

function serverSaid(message: string, label = 'The server said'): string {
  const trimmed = message.trim().replace(/[.\s]+$/, '');
  return trimmed === '' ? '' : ` ${label}: “${trimmed}”.`;
}

function http(status: number | null): string {
  return status === null ? '' : ` (HTTP ${status})`;
}

export interface FailureContext {
  /** An attempt may have posted the reply: the next one checks first. */
  readonly outcomeUnknown: boolean;
  /** What failed: the check after an unclear attempt, or a send. */
  readonly phase: 'check' | 'send';
}

const CHECKS_FIRST =
  'Before trying again, Slowpost checks whether it got through, so it is not posted twice.';

/** A readable explanation of a failed send, for `lastError`. */
export function describeFailure(
  failure: ConnectorFailure,
  context: FailureContext = { outcomeUnknown: false, phase: 'send' },
): string {
  if (context.phase === 'check' && context.outcomeUnknown) {
    return `${describeFailure(failure)} Slowpost still has to check whether an earlier try got through; it will not post your reply twice.`;
  }
  switch (failure.kind) {
    case 'offline':
      return 'No connection to the server. Your reply will go out once the network is back.';
    case 'timeout':
      return context.outcomeUnknown
        ? `The server took too long to answer, so your reply may or may not have been posted. ${CHECKS_FIRST}`
        : 'The server took too long to answer. Slowpost will try again.';
    case 'server':
      return context.outcomeUnknown
        ? `The server had a problem${http(failure.status)}, and your reply may or may not have been posted. ${CHECKS_FIRST}`
        : `The server had a problem${http(failure.status)}. Slowpost will try again later.`;
    case 'rate-limited':
      return failure.retryAfterMs !== null && failure.retryAfterMs > 0
        ? `The server asked Slowpost to slow down (HTTP 429). It will try again in about ${roughDuration(failure.retryAfterMs)}.`
        : 'The server asked Slowpost to slow down (HTTP 429). It will try again later.';
    case 'rejected':
      if (failure.status === 404 || failure.status === 410) {
        return `The post you were answering was deleted${http(failure.status)}. Your reply is kept here: copy it, or discard it to edit it as a draft.`;
      }
      if (failure.status === 403) {
        return `The server does not allow replying to this post${http(failure.status)}. Your reply is kept here.${serverSaid(failure.message)}`;
      }
      if (failure.status === 422) {
        return `The server refused this reply${http(failure.status)}.${serverSaid(failure.message)} Discard it to edit it as a draft, or retry.`;
      }
      return `The server refused this reply${http(failure.status)}.${serverSaid(failure.message)} Your reply is kept here.`;
    case 'auth':
      return 'Slowpost is no longer signed in to this account. Sign in again, then retry.';
    case 'malformed':
      return `The server’s answer could not be understood, so Slowpost cannot tell whether your reply was posted. “Try again” checks first and posts it only if it is not there.${serverSaid(failure.message, 'Details')}`;
  }
}

export const INTERRUPTED_MESSAGE =
  'Sending was interrupted (Slowpost closed or lost the connection). In a moment Slowpost checks whether it got through and sends it only if it did not: it will not be posted twice.';

/** Why a request failed, as the end of a sentence (“… because ${failureCause}”). */
export function failureCause(failure: ConnectorFailure): string {
  switch (failure.kind) {
    case 'offline':
      return 'this computer cannot reach the server';
    case 'timeout':
      return 'the server did not answer in time';
    case 'server':
      return `the server had a problem${http(failure.status)}`;
    case 'rate-limited':
      return 'the server asked Slowpost to slow down (HTTP 429)';
    case 'rejected':
      return `the server refused the request${http(failure.status)}`;
    case 'auth':
      return 'Slowpost is no longer signed in to this account';
    case 'malformed':
      return 'the server’s answer could not be understood';
  }
}
