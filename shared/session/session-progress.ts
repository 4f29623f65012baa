/**
 * The gentle side of a session: how much of the time budget is left, and the short summary at the
 * end. The wording never hurries: going over the budget is fine, it is only said once, kindly.
 */
import type { TriageState } from '../domain';

const MINUTE = 60_000;

export interface BudgetProgress {
  /** How much of the budget is used, 0 to 1 (stays at 1 past it). */
  readonly fraction: number;
  /** Whole minutes left, rounded up (0 once the budget is used). */
  readonly minutesLeft: number;
  readonly over: boolean;
  /** "About 12 minutes left", "Past your 20 minutes — no rush, finish when you're ready". */
  readonly label: string;
}

function minutes(n: number): string {
  return n === 1 ? '1 minute' : `${n} minutes`;
}

/**
 * Progress through a session that started at `startedAt` (epoch ms) with a budget of
 * `budgetMinutes`. A clock that went backwards counts as no time spent; a budget that is not a
 * positive number counts as no budget (nothing used, nothing over).
 */
export function budgetProgress(
  startedAt: number,
  now: number,
  budgetMinutes: number,
): BudgetProgress {
  if (!Number.isFinite(budgetMinutes) || budgetMinutes <= 0) {
    return { fraction: 0, minutesLeft: 0, over: false, label: 'No time limit — take your time' };
  }
  const budgetMs = budgetMinutes * MINUTE;
  const elapsed = Number.isFinite(now - startedAt) ? Math.max(0, now - startedAt) : 0;
  const leftMs = budgetMs - elapsed;
  if (leftMs <= 0) {
    const budget = minutes(Math.round(budgetMinutes));
    return {
      fraction: 1,
      minutesLeft: 0,
      over: true,
      label: `Past your ${budget} — no rush, finish when you're ready`,
    };
  }
  const minutesLeft = Math.ceil(leftMs / MINUTE);
  return {
    fraction: Math.min(1, elapsed / budgetMs),
    minutesLeft,
    over: false,
    label: minutesLeft <= 1 ? 'About a minute left' : `About ${minutes(minutesLeft)} left`,
  };
}

/** Where one conversation ended up, and how many replies the user wrote in it. */
export interface ConversationOutcome {
  readonly triage: TriageState;
  readonly repliesWritten?: number;
}

export interface SessionSummary {
  /** Done or muted. */
  readonly handled: number;
  readonly repliesWritten: number;
  /** Set aside with "reply later". */
  readonly leftForLater: number;
  /** Not looked at: the next delivery brings them back (see left-untouched), nothing is lost. */
  readonly untouched: number;
  /** "You went through 9 conversations and wrote 3 replies. 2 saved for later." */
  readonly text: string;
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

type Counts = Omit<SessionSummary, 'text'>;

export function summaryText({ handled, repliesWritten, leftForLater, untouched }: Counts): string {
  if (handled + repliesWritten + leftForLater + untouched === 0) {
    return 'Nothing needed you this time. Enjoy the quiet.';
  }
  const sentences: string[] = [];
  const went = handled > 0 ? `went through ${count(handled, 'conversation', 'conversations')}` : '';
  const wrote = repliesWritten > 0 ? `wrote ${count(repliesWritten, 'reply', 'replies')}` : '';
  if (went !== '' || wrote !== '') {
    sentences.push(`You ${[went, wrote].filter((s) => s !== '').join(' and ')}.`);
  }
  if (leftForLater > 0) {
    sentences.push(
      `${count(leftForLater, 'conversation is', 'conversations are')} saved for a considered reply later.`,
    );
  }
  if (untouched > 0) {
    sentences.push(
      `${count(untouched, 'conversation waits', 'conversations wait')} for your next delivery — nothing is lost.`,
    );
  }
  return sentences.join(' ');
}

/**
 * The closing summary, from the triage state each conversation of the session ended in (a bare
 * state, or a state with the number of replies written), as a list or a map by thread id.
 */
export function sessionSummary(
  triageStates:
    | Iterable<TriageState | ConversationOutcome>
    | ReadonlyMap<string, TriageState | ConversationOutcome>,
): SessionSummary {
  const outcomes: Iterable<TriageState | ConversationOutcome> =
    triageStates instanceof Map
      ? (triageStates as ReadonlyMap<string, TriageState | ConversationOutcome>).values()
      : (triageStates as Iterable<TriageState | ConversationOutcome>);
  const counts = { handled: 0, repliesWritten: 0, leftForLater: 0, untouched: 0 };
  for (const entry of outcomes) {
    const outcome: ConversationOutcome = typeof entry === 'string' ? { triage: entry } : entry;
    const replies = outcome.repliesWritten ?? 0;
    if (Number.isFinite(replies) && replies > 0) counts.repliesWritten += Math.floor(replies);
    if (outcome.triage === 'done' || outcome.triage === 'muted') counts.handled += 1;
    else if (outcome.triage === 'later') counts.leftForLater += 1;
    else counts.untouched += 1;
  }
  return { ...counts, text: summaryText(counts) };
}
