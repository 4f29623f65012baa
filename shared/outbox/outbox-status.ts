/**
 * What the outbox shows for a reply: one of four states in words, a line of detail, and which
 * actions make sense now. Pure; the page passes how to write a clock time.
 */
import type { OutboxEntry } from '../domain/outbox';
import { mayHaveReachedServer } from './outbox-transitions';

export type OutboxStatusLabel = 'Waiting' | 'Sending' | 'Sent' | 'Needs attention';

export interface OutboxStatus {
  readonly label: OutboxStatusLabel;
  readonly detail: string;
  /** Take it back (it has never left this computer). */
  readonly canTakeBack: boolean;
  /** Try again with the same idempotency key. */
  readonly canRetry: boolean;
  /** Give up and get the text back as a draft. */
  readonly canEdit: boolean;
}

export interface StatusContext {
  readonly now: number;
  readonly online: boolean;
  /** "14:32", in the user's locale and zone. */
  readonly clockTime: (instant: number) => string;
}

function whenDue(at: number, context: StatusContext): string {
  const seconds = Math.ceil((at - context.now) / 1000);
  if (seconds <= 0) return 'now';
  if (seconds < 120) return `in ${seconds} second${seconds === 1 ? '' : 's'}`;
  return `at ${context.clockTime(at)}`;
}

export function outboxStatus(entry: OutboxEntry, context: StatusContext): OutboxStatus {
  const none = { canTakeBack: false, canRetry: false, canEdit: false };
  switch (entry.state) {
    case 'waiting': {
      const canTakeBack = !mayHaveReachedServer(entry);
      const due = Math.max(entry.sendAfter, entry.nextAttemptAt);
      let detail: string;
      // Offline, a reply not due yet still says when it goes (a delivery a minute away too);
      // only one that would go now is waiting for the network.
      if (!context.online)
        detail =
          due > context.now
            ? `Goes out ${whenDue(due, context)}, once this computer is back online.`
            : 'Waiting for the network; it goes out once you are back online.';
      else if (entry.attempts > 0)
        detail = `${entry.lastError ?? 'The last try did not go through.'} Next try ${whenDue(due, context)}.`;
      else detail = `Goes out ${whenDue(due, context)}.`;
      return { ...none, label: 'Waiting', detail, canTakeBack };
    }
    case 'sending':
      return { ...none, label: 'Sending', detail: 'Sending now…' };
    case 'sent':
      return { ...none, label: 'Sent', detail: 'Sent, and in its conversation.' };
    case 'needs-attention':
      return {
        label: 'Needs attention',
        detail: entry.lastError ?? 'The server refused this reply.',
        canTakeBack: false,
        canRetry: true,
        canEdit: true,
      };
    case 'cancelled':
      return { ...none, label: 'Waiting', detail: 'Taken back.' };
  }
}
