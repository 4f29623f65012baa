// The review session: what one delivery shows, in which order, and how the session is going.
export { buildSession, isConversational } from './build-session';
export { buildDigest, DIGEST_NAME_LIMIT, DIGEST_SUBJECT_LENGTH, type DigestLookup } from './digest';
export {
  emptyHistory,
  hasHistory,
  historyFromPosts,
  historyPost,
  talksWith,
  TALKS_WITH_MIN_CONVERSATIONS,
  type HistoryPost,
  type PersonHistory,
} from './person-history';
export {
  createScreeningCache,
  DEFAULT_SCREENING_CACHE_SIZE,
  type ScreeningCache,
} from './screening-cache';
export {
  budgetProgress,
  sessionSummary,
  summaryText,
  type BudgetProgress,
  type ConversationOutcome,
  type SessionSummary,
} from './session-progress';
export type {
  BuildSessionInput,
  ConversationKind,
  ConversationPriority,
  Digest,
  DigestKind,
  ScreenerEntry,
  ScreenerReason,
  Session,
  SessionConversation,
  SetAside,
} from './session-types';
export { isScreenedOut } from './screened-out';
export { asDelivered, isHandled, leftUntouched, mergeLeft, stillWaiting } from './left-untouched';
export { sessionFromRecords, storedScreening, type SessionRecords } from './session-from-records';
export { conversationQuote, postQuote } from './conversation-quote';
export { BroughtBack } from './brought-back';
