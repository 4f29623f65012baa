import { localId } from '../domain';

/** The demo network's account id: every local id in the demo starts with `demo|`. */
export const DEMO_ACCOUNT_ID = 'demo';
/** A reserved, never-resolving origin (RFC 2606 `.invalid`): demo URLs can never reach a server. */
export const DEMO_SERVER_ORIGIN = 'https://demo.slowpost.invalid';
export const DEMO_DEFAULT_SEED = 20250917;
/** Activity items per `fetchActivitySince` page. */
export const DEMO_PAGE_SIZE = 200;
/** History before the anchor instant. */
export const DEMO_PAST_DAYS = 4;
/** Activity that keeps arriving after the anchor, as the (injected) clock moves on. */
export const DEMO_FUTURE_DAYS = 3;

export const DEMO_SELF_HANDLE = '@you@demo.slowpost.invalid';
export const DEMO_SELF_PERSON_ID = localId(DEMO_ACCOUNT_ID, 'acct-you');

/** Someone who has never interacted with the user: one recent direct message and nothing else. */
export const DEMO_FIRST_TIME_SENDER_HANDLE = '@ngozi@mendhouse.social';
export const DEMO_FIRST_TIME_SENDER_ID = localId(DEMO_ACCOUNT_ID, 'acct-ngozi');
export const DEMO_FIRST_TIME_POST_ID = localId(DEMO_ACCOUNT_ID, 'ngozi-hello');

/** Link-stuffed comments written with Cyrillic look-alike letters inside Latin words. */
export const DEMO_SPAM_HANDLES = [
  '@seo_ninja77@quickreach.example',
  '@crypto_queen_x@megadeals.example',
] as const;
export const DEMO_SPAM_PERSON_IDS = [
  localId(DEMO_ACCOUNT_ID, 'acct-seoninja'),
  localId(DEMO_ACCOUNT_ID, 'acct-cryptoqueen'),
] as const;
export const DEMO_SPAM_POST_IDS = [
  localId(DEMO_ACCOUNT_ID, 'spam-1'),
  localId(DEMO_ACCOUNT_ID, 'spam-2'),
  localId(DEMO_ACCOUNT_ID, 'spam-3'),
] as const;

/**
 * A reply to the user that "shares an HTML snippet": its content carries script and event-handler
 * payloads, and a remote tracking pixel. If sanitizing ever fails, `window[DEMO_XSS_GLOBAL]` gets
 * set (or the page asks DEMO_TRACKER_HOST for the pixel).
 */
export const DEMO_XSS_POST_ID = localId(DEMO_ACCOUNT_ID, 'webdev-badge-1');
export const DEMO_XSS_AUTHOR_HANDLE = '@tariq@fjord.town';
export const DEMO_XSS_GLOBAL = '__slowpostXss';
export const DEMO_XSS_SCRIPT_PAYLOAD = "<script>window.__slowpostXss = 'script'</script>";
export const DEMO_XSS_ONERROR_PAYLOAD = `<img src="x" onerror="window.__slowpostXss = 'onerror'">`;
export const DEMO_TRACKER_HOST = 'tracker.invalid';
export const DEMO_TRACKER_PAYLOAD = `<img src="https://${DEMO_TRACKER_HOST}/p.gif" width="1" height="1" alt="">`;
