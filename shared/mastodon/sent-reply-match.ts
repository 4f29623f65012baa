/**
 * The check after a send whose outcome is unknown (`Connector.findSentReply`), as far as it can be
 * decided from the user's own statuses. Many servers ignore `Idempotency-Key` (snac) and Mastodon
 * forgets it after an hour, so the reply is looked for instead:
 *
 * a status of the account that answers the same parent (`in_reply_to_id`; none, for a new
 * conversation), made no earlier than
 * the first attempt less `CLOCK_SKEW_MS` (the server's clock may be behind this computer's), whose
 * text is the reply's text. Texts are compared as plain text (the status's HTML with its tags
 * removed and entities decoded), normalised: Unicode NFC, every @mention removed (servers link and
 * shorten mentions, and Slowpost may have put the addressee's handle first), runs of whitespace as
 * one space, trimmed.
 *
 * Limits: the same text sent twice to the same post within the window is taken for the one reply
 * (which is what the user meant); a reply edited elsewhere since it was posted is not recognised,
 * and would be posted again; a server that rewrites text (custom emoji, Markdown) may not match.
 */
import { htmlToPlainText } from '../text/html-to-text';
import type { MastodonStatus } from './payloads';

/** How far the server's clock may be behind this computer's. */
export const CLOCK_SKEW_MS = 5 * 60_000;

const MENTION = /(^|[^\p{L}\p{N}_/])@[\p{L}\p{N}_.-]+(?:@[\p{L}\p{N}.:-]+)?/gu;

export function comparableText(text: string): string {
  return text.normalize('NFC').replace(MENTION, '$1').replace(/\s+/gu, ' ').trim();
}

export interface ReplyLookup {
  /** The parent's status id; null for a new conversation (a status that answers nothing). */
  readonly inReplyToId: string | null;
  readonly text: string;
  /** When the first attempt started, on this computer's clock. */
  readonly firstAttemptAt: number;
}

/** Whether `status` (one of the account's own) is the reply being looked for. */
export function isSentReply(status: MastodonStatus, lookup: ReplyLookup): boolean {
  return (
    status.reblog == null &&
    (status.inReplyToId ?? null) === lookup.inReplyToId &&
    status.createdAt >= lookup.firstAttemptAt - CLOCK_SKEW_MS &&
    comparableText(htmlToPlainText(status.content)) === comparableText(lookup.text)
  );
}
