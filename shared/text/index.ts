// Pure text analysis: screening, form-letter detection, post-length counting.
export {
  type Reason,
  type ReasonCode,
  type ReasonSeverity,
  type ScreenResult,
  screenText,
} from './spam-signals';
export { type LookalikeFinding, describeLookalike, findLookalikes } from './lookalike';
export {
  type HtmlLink,
  extractLinks,
  htmlToPlainText,
  htmlToVisibleText,
  looksLikeHtml,
} from './html-to-text';
export {
  type DraftReply,
  type FormLetterMatch,
  type FormLetterOptions,
  type FormLetterResult,
  type SentReply,
  detectFormLetter,
  FORM_LETTER_MIN_WORDS,
  FORM_LETTER_THRESHOLD,
} from './form-letter';
export {
  type CountNetwork,
  type CountOptions,
  type LengthCount,
  countForNetwork,
  mastodonCountableText,
} from './length-counter';
export { countGraphemes } from './segment';
export { normaliseLanguageTag } from './language-tag';
